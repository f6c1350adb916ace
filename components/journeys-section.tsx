// Options: reminder rules (on/off, timing, contact hours, frequency cap), holidays and message templates.
import { useCallback, useEffect, useState } from 'react';
import type { JourneySettings, Templates } from '@/lib/domain/journey-settings';
import { BUYER_LANGUAGES, holidaysByNextDate, regionOfTimeZone, type Region, type TierStep } from '@/lib/domain';
import { sentences, UI_LOCALES, type Translate, type UiLocale } from '@/lib/i18n';
import { templateFor } from '@/lib/reminders/template';
import { TimeField } from './time-field';
import { ChoiceField } from './choice-field';
import { tierName } from './format';
import { languageName } from './language-name';
import { HolidayList } from './journeys/holiday-list';
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
  /** heldForJoin: not run, a join brings the team's shop (it runs at the join's end). */
  sweep(): Promise<{ created: number; suppressed: number; heldForJoin?: true | undefined }>;
}) {
  const [rules, setRules] = useState<Rules>();
  const [templates, setTemplates] = useState<Templates>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  // Templates are written per buyer language; the screen's language first.
  const [language, setLanguage] = useState<BuyerLanguage>(locale);
  // Holidays are put in date order when the list opens and when it is saved, never while a row is
  // edited: a row must not jump away under the cursor while its date is typed.
  const byNextDate = useCallback(
    (r: Rules): Rules => ({ ...r, holiday: { ...r.holiday, holidays: holidaysByNextDate(r.holiday.holidays, Date.now(), timeZone) } }),
    [timeZone],
  );
  useEffect(() => {
    load().then((s) => (setRules(byNextDate(s.rules)), setTemplates(s.templates)), (e: Error) => setStatus({ ok: false, text: e.message }));
  }, [load, byNextDate]);
  if (!rules) return null;

  const patchRule = (id: RuleId, patch: Record<string, unknown>) => {
    setRules({ ...rules, [id]: { ...rules[id], ...patch } } as Rules);
    setStatus(undefined);
  };
  const region: Region = rules.holiday.region ?? regionOfTimeZone(timeZone);
  const segmentChoices = savedSegments.map((x) => ({ value: x.id, label: x.name }));

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
            const saved = await save({ rules: byNextDate(rules) as unknown as Record<string, Record<string, unknown>>, templates });
            setRules(byNextDate(saved.rules));
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
                          <StepsField label={t('journeys.winBack.steps')} title={sentences(t('journeys.winBack.stepsHelp'), t('journeys.winBack.ranked'))} steps={rules.winBack.steps} onChange={(steps) => patchRule('winBack', { steps })} />
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

        <HolidayList t={t} locale={locale} timeZone={timeZone} tiers={tiers} region={region} holidays={rules.holiday.holidays} savedSegments={savedSegments} onChange={(patch) => patchRule('holiday', patch)} />

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
                setStatus({ ok: true, text: r.heldForJoin ? t('journeys.sweepHeld') : t('journeys.swept', { created: r.created, suppressed: r.suppressed }) });
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
