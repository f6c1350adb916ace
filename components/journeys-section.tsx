// Options: reminder rules (on/off, timing, contact hours, frequency cap), holidays and message templates.
import { useEffect, useState } from 'react';
import type { JourneySettings, Templates } from '@/lib/domain/journey-settings';
import { BUYER_LANGUAGES, builtInHoliday, defaultHolidays, HOLIDAY_KEYS, nextHolidayDay, REGIONAL_KEYS, regionOfTimeZone, REGIONS, RFM_SEGMENTS, type Holiday, type HolidayKey, type Region, type TierStep } from '@/lib/domain';
import { UI_LOCALES, type MessageKey, type Translate, type UiLocale } from '@/lib/i18n';
import { templateFor } from '@/lib/reminders/label';
import { TimeField } from './time-field';
import { ChoiceField } from './choice-field';
import { languageName, tierName } from './format';
import { errorText } from './error-text';

type Rules = JourneySettings['rules'];
type RuleId = keyof Rules;
type BuyerLanguage = (typeof BUYER_LANGUAGES)[number];
const RULE_IDS: RuleId[] = ['unpaid', 'shipped', 'followUp', 'birthday', 'holiday', 'secondPurchase', 'winBack', 'tierUp', 'parcelGift'];
const PARAMS = ['hours', 'days', 'secondDays', 'transitDays', 'paidDays', 'daysBefore'] as const;
const TEMPLATE_KINDS = ['unpaid', 'shipped', 'followUp', 'followUp2', 'birthday', 'holiday', 'secondPurchase', 'winBack', 'tierUp', 'manual'] as const;
// The parcel gift's text is the tier's own gift (Tiers), not a message template.

const toTime = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const fromTime = (text: string) => {
  const [h, m] = text.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Win-back touches as days after lapse, typed as "0, 45, 100"; kept as typed until it reads as numbers. */
function StepsField({ label, title, steps, onChange }: { label: string; title: string; steps: readonly number[]; onChange(steps: number[]): void }) {
  const [text, setText] = useState(steps.join(', '));
  return (
    <label className="field steps" title={title}>
      <span>{label}</span>
      <input
        value={text}
        inputMode="numeric"
        onChange={(e) => {
          setText(e.target.value);
          const parsed = e.target.value.split(/[,，\s]+/).filter(Boolean).map(Number);
          if (parsed.length && parsed.every((n) => Number.isInteger(n) && n >= 0)) onChange([...new Set(parsed)].sort((a, b) => a - b));
        }}
      />
    </label>
  );
}

/** A region's name in the reader's language (Intl knows the UK as GB). */
export function regionName(region: Region, locale: UiLocale, t: Translate): string {
  if (region === 'other') return t('journeys.region.other');
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(region === 'UK' ? 'GB' : region) ?? region;
  } catch {
    return region;
  }
}

/** A holiday's name: the shop's own, else the built-in's in the reader's language (with its region when it depends on one). */
export function holidayLabel(h: Holiday, locale: UiLocale, t: Translate): string {
  if (h.name || !h.builtIn) return h.name;
  const name = t(`holiday.${h.builtIn}`);
  return h.region && REGIONAL_KEYS.includes(h.builtIn) ? t('journeys.holiday.for', { name, region: regionName(h.region, locale, t) }) : name;
}

export function JourneysSection({ t, locale, tiers, timeZone = 'UTC', savedSegments = [], load, save, sweep }: {
  t: Translate;
  locale: UiLocale;
  /** The shop's zone: its region is guessed from it, and the next dates are shown in it. */
  timeZone?: string;
  tiers: readonly TierStep[];
  /** Saved segments (members page) a holiday greeting can go to. */
  savedSegments?: readonly { id: string; name: string }[];
  load(): Promise<JourneySettings>;
  save(patch: { rules: Record<string, Record<string, unknown>>; templates: Templates }): Promise<JourneySettings>;
  sweep(): Promise<{ created: number; suppressed: number }>;
}) {
  const [rules, setRules] = useState<Rules>();
  const [templates, setTemplates] = useState<Templates>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  // Templates are written per buyer language; the screen's language first.
  const [language, setLanguage] = useState<BuyerLanguage>(locale);
  useEffect(() => {
    load().then((s) => (setRules(s.rules), setTemplates(s.templates)), (e: Error) => setStatus({ ok: false, text: e.message }));
  }, [load]);
  if (!rules) return null;

  const patchRule = (id: RuleId, patch: Record<string, unknown>) => {
    setRules({ ...rules, [id]: { ...rules[id], ...patch } } as Rules);
    setStatus(undefined);
  };
  const holidays = rules.holiday.holidays;
  const segmentChoices = savedSegments.map((x) => ({ value: x.id, label: x.name }));
  const setHoliday = (i: number, patch: Partial<Holiday>) => patchRule('holiday', { holidays: holidays.map((h, j) => (j === i ? { ...h, ...patch } : h)) });
  const region: Region = rules.holiday.region ?? regionOfTimeZone(timeZone);
  const regionChoices = REGIONS.map((r) => ({ value: r, label: regionName(r, locale, t) }));
  const missing = HOLIDAY_KEYS.filter((key) => !holidays.some((h) => h.id === builtInHoliday(key, region).id));
  const nextDate = (h: Holiday) => {
    const next = nextHolidayDay(h, Date.now(), timeZone);
    return next ? new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }).format(next.day * 86_400_000) : undefined;
  };

  return (
    <section className="section journeys" aria-labelledby="journeys-h">
      <h2 id="journeys-h">{t('journeys.title')}</h2>
      <p className="lead">{t('journeys.lead')}</p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          // Checked here too, so the reason reads in the user's language (the background refuses it as well).
          const empty = RULE_IDS.find((id) => {
            const w = (rules as Record<string, { window?: { start: number; end: number } }> | undefined)?.[id]?.window;
            return w !== undefined && w.start === w.end;
          });
          if (empty) return setStatus({ ok: false, text: t('journeys.windowEmpty', { kind: t(`journey.kind.${empty}`) }) });
          try {
            const saved = await save({ rules: rules as unknown as Record<string, Record<string, unknown>>, templates });
            setRules(saved.rules);
            setStatus({ ok: true, text: t('journeys.saved') });
          } catch (err) {
            setStatus({ ok: false, text: errorText(t, err) });
          }
        }}
      >
        <table className="rules">
          <tbody>
            {RULE_IDS.map((id) => {
              const rule = rules[id] as Rules[RuleId] & Partial<Record<(typeof PARAMS)[number], number>>;
              return (
                <tr key={id} data-rule={id}>
                  <th scope="row">
                    <label>
                      <input type="checkbox" checked={rule.enabled} onChange={(e) => patchRule(id, { enabled: e.target.checked })} /> {t(`journey.kind.${id}`)}
                    </label>
                  </th>
                  <td>
                    <div className="params">
                      {PARAMS.filter((p) => rule[p] !== undefined).map((p) => (
                        <label key={p} className="field">
                          <span>{t(`journeys.param.${p}`)}</span>
                          <input type="number" min={0} value={rule[p]} onChange={(e) => patchRule(id, { [p]: Number(e.target.value) })} />
                        </label>
                      ))}
                      {id === 'parcelGift' && (
                        <fieldset className="field">
                          <legend>{t('journeys.gift.tiers')}</legend>
                          {tiers.map((tier) => (
                            <label key={tier.id} className="check">
                              <input type="checkbox" checked={rules.parcelGift.tiers.includes(tier.id)} onChange={(e) => patchRule('parcelGift', { tiers: e.target.checked ? [...rules.parcelGift.tiers, tier.id] : rules.parcelGift.tiers.filter((x) => x !== tier.id) })} /> {tierName(tier, t)}
                            </label>
                          ))}
                        </fieldset>
                      )}
                      {id === 'winBack' && (
                        <>
                          <StepsField label={t('journeys.winBack.steps')} title={`${t('journeys.winBack.stepsHelp')} ${t('journeys.winBack.ranked')}`} steps={rules.winBack.steps} onChange={(steps) => patchRule('winBack', { steps })} />
                          <ChoiceField label={t('journeys.winBack.segment')} value={rules.winBack.segmentId ?? ''} onChange={(v) => patchRule('winBack', { segmentId: v })} empty={t('journeys.winBack.everyone')} choices={segmentChoices} />
                        </>
                      )}
                    </div>
                  </td>
                  <td>
                    <span className="field">
                      <span>{t('journeys.window')}</span>
                      <span className="window">
                        <TimeField locale={locale} t={t} label={t('time.start', { what: `${t(`journey.kind.${id}`)} ${t('journeys.window')}` })} value={toTime(rule.window.start)} onChange={(v) => patchRule(id, { window: { ...rule.window, start: fromTime(v) } })} />–
                        <TimeField locale={locale} t={t} label={t('time.end', { what: `${t(`journey.kind.${id}`)} ${t('journeys.window')}` })} value={toTime(rule.window.end)} onChange={(v) => patchRule(id, { window: { ...rule.window, end: fromTime(v) } })} />
                      </span>
                    </span>
                  </td>
                  <td>
                    <label className="field">
                      <span>{t('journeys.cap')}</span>
                      <input type="number" min={0} value={rule.capHours} onChange={(e) => patchRule(id, { capHours: Number(e.target.value) })} />
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>

        <h3>{t('journeys.holidays')}</h3>
        <div className="row region">
          <ChoiceField label={t('journeys.region')} value={region} onChange={(v) => patchRule('holiday', { region: v })} choices={regionChoices} />
          <button type="button" onClick={() => patchRule('holiday', { holidays: [...defaultHolidays(region), ...holidays.filter((h) => !h.builtIn)] })}>
            {t('journeys.region.apply')}
          </button>
          <p className="muted small">{t('journeys.region.help')}</p>
        </div>
        <ul className="holidays">
          {holidays.map((h, i) => {
            const next = nextDate(h);
            return (
              <li key={h.id} className="row" data-holiday={h.id}>
                <label className="field">
                  <span>{t('journeys.holiday.name')}</span>
                  <input value={h.name} maxLength={60} placeholder={h.builtIn ? holidayLabel({ ...h, name: '' }, locale, t) : undefined} onChange={(e) => setHoliday(i, { name: e.target.value })} />
                </label>
                {h.builtIn ? (
                  <span className="field computed">
                    <span>{t('journeys.holiday.computed')}</span>
                    <span className="next">{next ? t('journeys.holiday.next', { date: next }) : t('journeys.holiday.none')}</span>
                  </span>
                ) : (
                  <label className="field">
                    <span>{t('journeys.holiday.date')}</span>
                    <input value={h.date ?? ''} size={10} onChange={(e) => setHoliday(i, { date: e.target.value.trim() })} />
                  </label>
                )}
                <fieldset className="field">
                  <legend>{t('journeys.holiday.tiers')}</legend>
                  {tiers.map((tier) => (
                    <label key={tier.id} className="check">
                      <input type="checkbox" checked={h.tiers.includes(tier.id)} onChange={(e) => setHoliday(i, { tiers: e.target.checked ? [...h.tiers, tier.id] : h.tiers.filter((x) => x !== tier.id) })} /> {tierName(tier, t)}
                    </label>
                  ))}
                </fieldset>
                <details className="field segment-pick">
                  <summary>
                    <span>{t('journeys.holiday.segments')}</span>
                    <span className="picked">{h.segments.length ? h.segments.map((x) => t(`segment.${x}` as MessageKey)).join(', ') : t('journeys.holiday.noSegment')}</span>
                  </summary>
                  <div className="checks">
                    {RFM_SEGMENTS.map((x) => (
                      <label key={x} className="check">
                        <input type="checkbox" checked={h.segments.includes(x)} onChange={(e) => setHoliday(i, { segments: e.target.checked ? [...h.segments, x] : h.segments.filter((y) => y !== x) })} /> {t(`segment.${x}` as MessageKey)}
                      </label>
                    ))}
                  </div>
                </details>
                <ChoiceField label={t('journeys.holiday.saved')} value={h.segmentId ?? ''} onChange={(v) => setHoliday(i, { segmentId: v || undefined })} empty={t('journeys.holiday.noSaved')} choices={segmentChoices} />
                <button type="button" onClick={() => patchRule('holiday', { holidays: holidays.filter((_, j) => j !== i) })}>
                  {t('journeys.holiday.remove')}
                </button>
              </li>
            );
          })}
        </ul>
        <div className="row">
          <select
            aria-label={t('journeys.holiday.addBuiltIn')}
            value=""
            onChange={(e) => e.target.value && patchRule('holiday', { holidays: [...holidays, builtInHoliday(e.target.value as HolidayKey, region)] })}
          >
            <option value="">{t('journeys.holiday.addBuiltIn')}</option>
            {missing.map((key) => (
              <option key={key} value={key}>
                {holidayLabel(builtInHoliday(key, region), locale, t)}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => patchRule('holiday', { holidays: [...holidays, { id: `h-${Date.now().toString(36)}`, name: t('journeys.holiday.ownName'), date: '01-01', tiers: ['gold', 'diamond'], segments: [] }] })}>
            {t('journeys.holiday.addOwn')}
          </button>
        </div>

        <h3>{t('journeys.templates')}</h3>
        <p className="muted small">{t('journeys.templates.help')}</p>
        <div className="row">
          <ChoiceField label={t('journeys.templates.language')} value={language} onChange={(v) => setLanguage(v as BuyerLanguage)} choices={BUYER_LANGUAGES.map((l) => ({ value: l, label: languageName(l, locale) }))} />
          {!(UI_LOCALES as readonly string[]).includes(language) && <p className="muted small">{t('journeys.templates.fallback')}</p>}
        </div>
        <div className="templates">
          {TEMPLATE_KINDS.map((kind) => (
            <label key={kind} className="field">
              <span>{t(`journey.kind.${kind}`)}</span>
              <textarea
                rows={2}
                value={templates[kind]?.[language] ?? ''}
                placeholder={templateFor(kind === 'manual' ? undefined : kind, language, {})}
                onChange={(e) => setTemplates({ ...templates, [kind]: { ...templates[kind], [language]: e.target.value } })}
              />
            </label>
          ))}
        </div>
        <div className="row actions">
          <button type="submit">{t('journeys.save')}</button>
          <button
            type="button"
            onClick={async () => {
              try {
                const r = await sweep();
                setStatus({ ok: true, text: t('journeys.swept', { created: r.created, suppressed: r.suppressed }) });
              } catch (err) {
                setStatus({ ok: false, text: errorText(t, err) });
              }
            }}
          >
            {t('journeys.sweep')}
          </button>
        </div>
        {status && (
          <p className={status.ok ? 'status' : 'alert'} role={status.ok ? 'status' : 'alert'}>
            {status.text}
          </p>
        )}
      </form>
    </section>
  );
}
