// Dates as marketplace order pages print them, read into an instant (epoch ms). Pure: the zone and
// the page's way of writing dates are parameters. Hand-written rather than a date library: the
// libraries parse one format string at a time, and these pages mix English and Chinese month
// words, weekdays, 12/24-hour clocks and zone abbreviations that no library maps to offsets.
import { wallTimeToEpoch, type DateOrder } from '../../import/dates';

export interface DateStyle {
  /** How the page orders an all-number date ("20/11/2026" is dmy); a four-digit year first is always ymd. */
  order: DateOrder;
  /** The zone its wall-clock times are in when the text names none; the shop's zone when absent. */
  timeZone?: string | undefined;
  /** Zone abbreviations this site uses beyond ZONE_OFFSETS (minutes east of UTC), e.g. CST on a Chinese site. */
  zones?: Readonly<Record<string, number>> | undefined;
}

// Abbreviations that name one offset. CST (US Central or China), IST (India, Ireland, Israel) and
// BST's rare Bangladesh sense are left out: a site that uses one declares it in DateStyle.zones.
const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, MEZ: 60, MESZ: 120, EET: 120, EEST: 180,
  MSK: 180, PST: -480, PDT: -420, MST: -420, MDT: -360, CDT: -300, EST: -300, EDT: -240, AKST: -540, AKDT: -480,
  HST: -600, BRT: -180, ART: -180, SGT: 480, MYT: 480, HKT: 480, PHT: 480, PHST: 480, AWST: 480, WIB: 420, WITA: 480,
  WIT: 540, ICT: 420, JST: 540, KST: 540, ACST: 570, ACDT: 630, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

// Month words: English, and the Indonesian/Malay, Portuguese, Spanish and German ones Shopee,
// Lazada, Amazon and eBay print in those languages. Matched on the word's first letters.
const MONTH_WORDS: readonly (readonly [RegExp, number])[] = [
  [/^(jan|ene|janv|jän)/, 1],
  [/^(feb|fev|fév|peb)/, 2],
  [/^(mar|mär)/, 3],
  [/^(apr|abr|avr)/, 4],
  [/^(may|mei|mai|mayo)/, 5],
  [/^jun/, 6],
  [/^jul/, 7],
  [/^(aug|ago|agu|agt)/, 8],
  [/^(sep|set)/, 9],
  [/^(oct|okt|out)/, 10],
  [/^(nov|nop)/, 11],
  [/^(dec|dez|dic|des)/, 12],
];
const MONTH = '([a-zà-ÿ]{3,9})\\.?';
const WEEKDAY = /\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|rsday|urday)?\b\.?,?/gi;
const CJK_WEEKDAY = /[(（]?(星期|週|周|礼拜|禮拜)[一二三四五六日天][)）]?|[(（][日月火水木金土][)）]/g;

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase();
  return MONTH_WORDS.find(([pattern]) => pattern.test(w))?.[1];
}

interface Clock {
  h: number;
  mi: number;
  s: number;
}

/** The time of day in the text, and the text without it; undefined for a time that can't be. */
function takeClock(text: string): { clock: Clock; rest: string } | { clock?: undefined; rest: string } | undefined {
  const m = /(上午|下午|晚上|中午|凌晨)?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?(?:\.\d+)?\s*([ap])?\.?\s*(m\.?)?(?![a-z])/i.exec(text);
  if (!m) return { rest: text };
  const cjk = m[1];
  const ampm = m[5] && m[6] !== undefined ? m[5].toLowerCase() : undefined;
  let h = Number(m[2]);
  const mi = Number(m[3]);
  const s = m[4] ? Number(m[4]) : 0;
  const pm = ampm === 'p' || cjk === '下午' || cjk === '晚上' || (cjk === '中午' && h < 11);
  if (ampm || cjk) {
    if (h > 12 || (ampm && h < 1)) return undefined;
    if (pm && h !== 12) h += 12;
    if (!pm && h === 12 && (ampm === 'a' || cjk === '凌晨')) h = 0;
  }
  if (h > 23 || mi > 59 || s > 59) return undefined;
  return { clock: { h, mi, s }, rest: text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length) };
}

/** A zone the text names (abbreviation, GMT+8, UTC-05:00, +0800) in minutes east of UTC, and the text without it. */
function takeZone(text: string, extra: Readonly<Record<string, number>> | undefined): { offset?: number; rest: string } {
  const numeric = /\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b|(?<=\s|^)([+-])(\d{2}):?(\d{2})\b/i.exec(text);
  if (numeric) {
    const sign = (numeric[1] ?? numeric[4]) === '-' ? -1 : 1;
    const offset = sign * (Number(numeric[2] ?? numeric[5]) * 60 + Number(numeric[3] ?? numeric[6] ?? 0));
    return { offset, rest: text.replace(numeric[0], ' ') };
  }
  for (const word of text.match(/\b[A-Z]{1,5}\b/g) ?? []) {
    const offset = extra?.[word] ?? ZONE_OFFSETS[word];
    if (offset !== undefined) return { offset, rest: text.replace(new RegExp(`\\b${word}\\b`), ' ') };
  }
  return { rest: text };
}

type Ymd = readonly [y: number, mo: number, d: number];

/** Year, month and day from what is left once the time, zone and weekday are gone. */
function takeDay(text: string, order: DateOrder): Ymd | undefined {
  const t = text.trim();
  let m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?/.exec(t);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  // "21 Nov 2026", "21. November 2026", "21 de nov. de 2026"
  m = new RegExp(`(?<![\\d])(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s*(?:de\\s+)?${MONTH}[,\\s]+(?:de\\s+)?(\\d{4})`, 'i').exec(t);
  if (m) {
    const mo = monthOf(m[2]!);
    return mo ? [Number(m[3]), mo, Number(m[1])] : undefined;
  }
  // "Nov 20, 2026", "November 20th 2026"
  m = new RegExp(`${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'i').exec(t);
  if (m) {
    const mo = monthOf(m[1]!);
    return mo ? [Number(m[3]), mo, Number(m[2])] : undefined;
  }
  m = /(?<!\d)(\d{1,4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2,4})(?!\d)/.exec(t);
  if (!m) return undefined;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (m[1]!.length === 4) return [a, b, c];
  if (order === 'ymd') return undefined; // a year-first site never writes 21/11/2026
  if (m[1]!.length === 3 || m[3]!.length === 3) return undefined;
  const year = c < 100 ? 2000 + c : c;
  return order === 'mdy' ? [year, a, b] : [year, b, a];
}

/**
 * The instant an order page's date means: "2026年11月21日 09:14", "21/11/2026", "21 Nov 2026 09:14",
 * "Fri, Nov 20, 2026, 9:41 AM PST", "2:02am, Fri, Nov 20, 2026", "2026-11-18 16:13:16", ISO strings.
 * A zone the text names wins; otherwise the wall time is in `style.timeZone`, else `shopTimeZone`.
 * Undefined when the text holds no whole, real date: never a guess.
 */
export function readPageDate(raw: string, style: DateStyle, shopTimeZone: string): number | undefined {
  const text = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const t = Date.parse(text);
    return Number.isNaN(t) ? undefined : t;
  }
  const clockTaken = takeClock(text.replace(/(\d)T(\d)/, '$1 $2'));
  if (!clockTaken) return undefined;
  const { offset, rest } = takeZone(clockTaken.rest.replace(CJK_WEEKDAY, ' ').replace(WEEKDAY, ' '), style.zones);
  const ymd = takeDay(rest.replace(/\b(at|um|às|pukul|lúc)\b/gi, ' '), style.order);
  if (!ymd) return undefined;
  const [y, mo, d] = ymd;
  if (y < 1970 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCMonth() !== mo - 1) return undefined; // 31 April and friends
  const { h, mi, s } = clockTaken.clock ?? { h: 0, mi: 0, s: 0 };
  if (offset !== undefined) return Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000;
  return wallTimeToEpoch(y, mo, d, h, mi, s, style.timeZone ?? shopTimeZone);
}
