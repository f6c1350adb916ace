// The master file as CSV for spreadsheets and the SMS / e-mail / LINE tools a shop already uses:
// UTF-8 with a BOM, RFC 4180 quoting, CRLF lines, dates in the shop's time zone, money as decimals.
import { forEachPage } from '../store/pages';
import type { RegularsDb } from '../store/database';
import type { IdentityRow, MemberRow, OrderRow } from '../domain/rows';
import type { Settings } from '../domain/settings';
import { minorDigits } from '../domain/money';
import { pointsOf } from '../domain/points';
import { rfmScore } from '../domain/rfm';
import { zoneOffsetMs } from '../domain/time';
import type { MessageKey, Translate } from '../i18n';

/** Without it Excel reads UTF-8 as the system's legacy code page and garbles every non-ASCII name. */
export const CSV_BOM = '\uFEFF';

// Spreadsheets (Excel, LibreOffice, Google Sheets) run a cell that starts with = + - @ (or a tab or
// CR, which some of them strip first) as a formula. Names, handles, tags and order numbers come from
// buyers and marketplaces, i.e. from strangers: "=HYPERLINK(…)" or a DDE call in a buyer name would
// run on the shop's computer. A leading apostrophe makes the cell plain text ("CSV injection", OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;
// A plain negative number (a refund's amount) is a number, not a formula: it stays as it is.
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  // RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Minor units as a decimal in the currency's own digits: 12345 USD → "123.45", 500 JPY → "500". */
export function decimalAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor));
  if (digits === 0) return `${sign}${abs}`;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** ISO 8601 with the shop's UTC offset, e.g. 2026-11-23T20:00:00+08:00; '' when there is no date. */
export function isoDateTime(ts: number | undefined, timeZone: string): string {
  if (ts === undefined) return '';
  const offset = zoneOffsetMs(ts, timeZone);
  const wall = new Date(ts + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  const minutes = Math.round(Math.abs(offset) / 60_000);
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${zone}`;
}

export interface CsvContext {
  t: Translate;
  settings: Pick<Settings, 'timeZone' | 'rfmBreaks' | 'tierLadder' | 'points' | 'shopCurrency'>;
  now: number;
  /** A tier as people read it (the default ladder's names translated); the ladder's own name by default. */
  tierName?: (tier: { id: string; name: string }) => string;
}

export const MEMBER_COLUMNS = [
  'export.members.name',
  'export.members.handles',
  'export.members.phone',
  'export.members.email',
  'export.members.tier',
  'export.members.tags',
  'export.members.segment',
  'export.members.orders',
  'export.members.spend',
  'export.members.average',
  'export.members.currency',
  'export.members.firstOrder',
  'export.members.lastOrder',
  'export.members.points',
  'export.members.doNotContact',
] as const satisfies readonly MessageKey[];

export const ORDER_COLUMNS = [
  'export.orders.platform',
  'export.orders.orderNo',
  'export.orders.buyer',
  'export.orders.status',
  'export.orders.amount',
  'export.orders.currency',
  'export.orders.placed',
  'export.orders.paid',
  'export.orders.shipped',
  'export.orders.delivered',
] as const satisfies readonly MessageKey[];

const platformName = (t: Translate, platform: string) => t(`platform.${platform}` as MessageKey);

/** One member's line. Do-not-contact members are exported too, flagged in the last column. */
export function memberCsvRow(member: MemberRow, identities: readonly IdentityRow[], ctx: CsvContext): string[] {
  const { t, settings, now } = ctx;
  const tier = settings.tierLadder.steps.find((s) => s.id === member.tierId);
  const of = (kind: IdentityRow['kind']) => identities.filter((i) => i.kind === kind);
  const rfm = settings.rfmBreaks ? rfmScore(member, settings.rfmBreaks, now, settings.timeZone) : undefined;
  return [
    member.displayName,
    of('handle').map((i) => `${i.display} (${platformName(t, i.platform)})`).join('; '),
    member.profile.phone || of('phone').map((i) => i.display).join('; '),
    member.profile.email || of('email').map((i) => i.display).join('; '),
    tier ? (ctx.tierName ?? ((s) => s.name))(tier) : member.tierId,
    member.tags.join('; '),
    rfm ? t(`segment.${rfm.segment}`) : t('segment.none'),
    String(member.orderCount),
    decimalAmount(member.spendMinor, member.currency),
    decimalAmount(member.averageOrderMinor, member.currency),
    member.currency,
    isoDateTime(member.firstOrderAt, settings.timeZone),
    isoDateTime(member.lastOrderAt, settings.timeZone),
    // Empty while the shop does not use points.
    String(pointsOf(member, settings.points, settings.shopCurrency)?.balance ?? ''),
    member.doNotContact ? t('export.yes') : t('export.no'),
  ];
}

export function orderCsvRow(order: OrderRow, ctx: CsvContext): string[] {
  const { t, settings } = ctx;
  return [
    platformName(t, order.platform),
    order.orderNo,
    order.buyer,
    t(`status.${order.status}`),
    decimalAmount(order.amountMinor, order.currency),
    order.currency,
    isoDateTime(order.placedAt, settings.timeZone),
    isoDateTime(order.paidAt, settings.timeZone),
    isoDateTime(order.shippedAt, settings.timeZone),
    isoDateTime(order.deliveredAt, settings.timeZone),
  ];
}

const PAGE = 5000;

/** A CSV as pieces (BOM and header first, then one piece per page), ready for a Blob; `rows` excludes the header. */
export interface CsvParts {
  parts: string[];
  rows: number;
}

export async function membersCsv(db: RegularsDb, ctx: CsvContext): Promise<CsvParts> {
  const parts = [CSV_BOM + csvLine(MEMBER_COLUMNS.map((k) => ctx.t(k)))];
  let rows = 0;
  await forEachPage(db.members, PAGE, async (members) => {
    rows += members.length;
    const identities = await db.identities.where('memberId').anyOf(members.map((m) => m.id)).toArray();
    const byMember = new Map<string, IdentityRow[]>();
    for (const i of identities) {
      const list = byMember.get(i.memberId);
      if (list) list.push(i);
      else byMember.set(i.memberId, [i]);
    }
    parts.push(members.map((m) => csvLine(memberCsvRow(m, byMember.get(m.id) ?? [], ctx))).join(''));
  });
  return { parts, rows };
}

export async function ordersCsv(db: RegularsDb, ctx: CsvContext): Promise<CsvParts> {
  const parts = [CSV_BOM + csvLine(ORDER_COLUMNS.map((k) => ctx.t(k)))];
  let rows = 0;
  await forEachPage(db.orders, PAGE, (orders) => {
    rows += orders.length;
    parts.push(orders.map((o) => csvLine(orderCsvRow(o, ctx))).join(''));
  });
  return { parts, rows };
}
