// Options → Tiers and lapse: the tier ladder editor with live member counts and suggested
// thresholds, and the lapse threshold suggested from the shop's own repurchase intervals.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Settings, SettingsPatch } from '@/lib/domain/settings';
import type { LadderApplied } from '@/lib/domain/tiers';
import { minorDigits, parseAmountToMinor } from '@/lib/domain/money';
import { applyTierSuggestion, suggestLapseDays, suggestTierThresholds, tierCounts, type LapseSuggestion, type TierFacts } from '@/lib/domain/suggest';
import { BENEFIT_LOCALES, type TierBenefits, type TierLadder } from '@/lib/domain/types';
import type { MessageKey, Translate, UiLocale } from '@/lib/i18n';
import { money, tierName } from './format';
import { IntervalBars } from './interval-bars';
import { errorText } from './error-text';

export interface TiersSectionProps {
  t: Translate;
  locale: UiLocale;
  settings: Settings;
  /** Every member's tier facts under a window (lifetime or rolling): read once per window. */
  tierFacts(window: TierLadder['window']): Promise<TierFacts[]>;
  /** Days between each member's orders, for the lapse suggestion. */
  intervals(): Promise<number[]>;
  apply(ladder: TierLadder): Promise<LadderApplied>;
  onSave(patch: SettingsPatch): Promise<void>;
  /** Settings changed behind the page's back (a ladder applied): read them again. */
  reload(): Promise<void>;
  /** Where the reports page is, linked from the section. */
  reportsUrl?: string;
  /** Changes when members or orders changed (an import, a restore): counts and intervals are read again. Undefined until known. */
  dataVersion?: string | undefined;
}

interface DraftStep {
  id: string;
  /** The name as stored, so an untouched default name stays translatable. */
  savedName: string;
  name: string;
  color: string;
  spend: string;
  orders: string;
  benefits: TierBenefits;
  gift: TierBenefits;
}

interface Draft {
  steps: DraftStep[];
  match: TierLadder['match'];
  yearly: boolean;
}

const YEAR_DAYS = 365;

function majorText(minor: number | undefined, currency: string): string {
  if (minor === undefined) return '';
  const digits = minorDigits(currency);
  const whole = minor / 10 ** digits;
  return Number.isInteger(whole) ? String(whole) : whole.toFixed(digits);
}

function draftOf(ladder: TierLadder, currency: string, t: Translate): Draft {
  return {
    steps: ladder.steps.map((s) => ({
      id: s.id,
      savedName: s.name,
      name: tierName(s, t),
      color: s.color.length === 4 ? `#${[...s.color.slice(1)].map((c) => c + c).join('')}` : s.color,
      spend: majorText(s.minSpendMinor, currency),
      orders: s.minOrders === undefined ? '' : String(s.minOrders),
      benefits: { ...s.benefits },
      gift: { ...s.gift },
    })),
    match: ladder.match,
    yearly: ladder.window !== 'lifetime',
  };
}

type Built = { ladder: TierLadder; problems: { step: number; key: MessageKey }[] };

/** The draft as a ladder, with what is wrong with it in the user's words (the schema says it in English). */
function buildLadder(draft: Draft, currency: string, t: Translate): Built {
  const problems: Built['problems'] = [];
  const steps = draft.steps.map((d, i) => {
    const spend = d.spend.trim() === '' ? undefined : parseAmountToMinor(d.spend, currency);
    const orders = d.orders.trim() === '' ? undefined : /^\d+$/.test(d.orders.trim()) ? Number(d.orders.trim()) : NaN;
    if (d.spend.trim() !== '' && (spend === undefined || spend < 0)) problems.push({ step: i, key: 'tiers.problem.spend' });
    if (orders !== undefined && !Number.isSafeInteger(orders)) problems.push({ step: i, key: 'tiers.problem.orders' });
    if (!d.name.trim()) problems.push({ step: i, key: 'tiers.problem.name' });
    if (i > 0 && d.spend.trim() === '' && d.orders.trim() === '') problems.push({ step: i, key: 'tiers.problem.threshold' });
    const untouched = d.name === tierName({ id: d.id, name: d.savedName }, t);
    const benefits = Object.fromEntries(Object.entries(d.benefits).flatMap(([k, v]) => (v?.trim() ? [[k, v.trim()]] : []))) as TierBenefits;
    const gift = Object.fromEntries(Object.entries(d.gift).flatMap(([k, v]) => (v?.trim() ? [[k, v.trim()]] : []))) as TierBenefits;
    return {
      id: d.id,
      name: (untouched ? d.savedName : d.name).trim() || d.savedName,
      color: d.color,
      minSpendMinor: i === 0 || spend === undefined || spend < 0 ? undefined : spend,
      minOrders: i === 0 || orders === undefined || !Number.isSafeInteger(orders) ? undefined : orders,
      ...(Object.keys(benefits).length ? { benefits } : {}),
      ...(Object.keys(gift).length ? { gift } : {}),
    };
  });
  for (const key of ['minSpendMinor', 'minOrders'] as const) {
    let previous: number | undefined;
    steps.forEach((s, i) => {
      const v = s[key];
      if (v === undefined) return;
      if (previous !== undefined && v < previous) problems.push({ step: i, key: 'tiers.problem.falls' });
      previous = v;
    });
  }
  return { ladder: { steps, match: draft.match, window: draft.yearly ? { days: YEAR_DAYS } : 'lifetime' }, problems };
}

const PALETTE = ['#94A3B8', '#A8A9AD', '#D4AF37', '#38BDF8', '#A78BFA', '#F472B6', '#34D399'];

export function TiersSection({ t, locale, settings, tierFacts, intervals, apply, onSave, reload, reportsUrl, dataVersion }: TiersSectionProps) {
  const currency = settings.shopCurrency;
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings.tierLadder, currency, t));
  const [facts, setFacts] = useState<Record<string, TierFacts[]>>({});
  const [status, setStatus] = useState<{ kind: 'busy' | 'done' | 'failed' | 'note'; message: string }>();
  const [lapse, setLapse] = useState<LapseSuggestion | null>();
  const [lapseInput, setLapseInput] = useState(String(settings.lapseDays));
  const [lapseStatus, setLapseStatus] = useState<string>();
  const matchId = useId();
  const windowId = useId();
  const lapseId = useId();

  // The saved ladder changed (applied, restored) or the language did: start the draft from it again.
  const savedLadder = JSON.stringify(settings.tierLadder);
  useEffect(() => setDraft(draftOf(settings.tierLadder, currency, t)), [savedLadder, currency, locale]); // eslint-disable-line react-hooks/exhaustive-deps
  // Read once per window (and again when the data changed), then counted in memory on every keystroke.
  const windowKey = draft.yearly ? 'yearly' : 'lifetime';
  const [readVersion, setReadVersion] = useState(0);
  const seenVersion = useRef(dataVersion);
  useEffect(() => {
    // The first version known is the data already being read; only a later change means new data.
    if (seenVersion.current !== undefined && seenVersion.current !== dataVersion) {
      setFacts({});
      setReadVersion((v) => v + 1);
    }
    seenVersion.current = dataVersion;
  }, [dataVersion]);
  useEffect(() => {
    if (facts[windowKey]) return;
    let live = true;
    tierFacts(draft.yearly ? { days: YEAR_DAYS } : 'lifetime').then(
      (f) => live && setFacts((old) => ({ ...old, [windowKey]: f })),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [windowKey, readVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    let live = true;
    intervals().then(
      (xs) => live && setLapse(suggestLapseDays(xs) ?? null),
      () => live && setLapse(null),
    );
    return () => {
      live = false;
    };
  }, [readVersion]); // eslint-disable-line react-hooks/exhaustive-deps

  const built = useMemo(() => buildLadder(draft, currency, t), [draft, currency, t]);
  const current = facts[windowKey];
  const counts = useMemo(() => (current ? tierCounts(built.ladder, current) : undefined), [built.ladder, current]);
  const total = current?.length ?? 0;
  const dirty = JSON.stringify(built.ladder) !== JSON.stringify(settings.tierLadder);

  const setStep = (i: number, patch: Partial<DraftStep>) => {
    setStatus(undefined);
    setDraft((d) => ({ ...d, steps: d.steps.map((s, k) => (k === i ? { ...s, ...patch } : s)) }));
  };
  const addStep = () =>
    setDraft((d) => {
      const last = built.ladder.steps[built.ladder.steps.length - 1];
      const spend = last?.minSpendMinor ? majorText(last.minSpendMinor * 2, currency) : '';
      const orders = last?.minOrders ? String(last.minOrders * 2) : spend ? '' : '2';
      const step: DraftStep = { id: `tier-${Date.now().toString(36)}`, savedName: '', name: t('tiers.newStep'), color: PALETTE[d.steps.length % PALETTE.length]!, spend, orders, benefits: {}, gift: {} };
      return { ...d, steps: [...d.steps, step] };
    });
  const removeStep = (i: number) => setDraft((d) => ({ ...d, steps: d.steps.filter((_, k) => k !== i) }));

  const suggest = () => {
    if (!current) return;
    const s = suggestTierThresholds(current, draft.steps.length - 1, currency);
    if (!s) {
      setStatus({ kind: 'note', message: t('tiers.suggest.none') });
      return;
    }
    const suggested = applyTierSuggestion(built.ladder, s).steps;
    setDraft((d) => ({
      ...d,
      steps: d.steps.map((st, i) => (i === 0 ? st : { ...st, spend: majorText(suggested[i]?.minSpendMinor, currency), orders: suggested[i]?.minOrders === undefined ? '' : String(suggested[i]!.minOrders) })),
    }));
    setStatus({
      kind: 'note',
      message: t('tiers.suggest.done', { buyers: s.buyers.toLocaleString(locale), median: money(s.medianSpendMinor, currency, locale), orders: s.medianOrders }),
    });
  };

  const save = async () => {
    setStatus({ kind: 'busy', message: t('tiers.applying', { members: total.toLocaleString(locale) }) });
    try {
      const r = await apply(built.ladder);
      await reload();
      setStatus({ kind: 'done', message: t('tiers.applied', { members: r.members.toLocaleString(locale), up: r.up.toLocaleString(locale), down: r.down.toLocaleString(locale) }) });
    } catch (e) {
      setStatus({ kind: 'failed', message: t('tiers.applyFailed', { message: errorText(t, e) }) });
    }
  };

  const saveLapse = async (days: number) => {
    if (!Number.isInteger(days) || days < 1 || days > 3650) {
      setLapseStatus(t('lapse.invalid'));
      return;
    }
    await onSave({ lapseDays: days });
    setLapseStatus(t('lapse.saved', { days }));
  };

  const problemFor = (i: number) => built.problems.find((p) => p.step === i);
  const lapseDays = Number(lapseInput);

  return (
    <section className="section tiers" aria-labelledby="tiers-h" data-testid="tiers-section">
      <div className="section-head">
        <h2 id="tiers-h">{t('tiers.title')}</h2>
        {reportsUrl && (
          <a className="btn-link" href={reportsUrl} target="_blank" rel="noreferrer" data-testid="reports-link">
            {t('tiers.reportsLink')}
          </a>
        )}
      </div>
      <p className="lead">{t('tiers.lead')}</p>

      <div className="row ladder-options">
        <label className="field" htmlFor={matchId}>
          <span>{t('tiers.match')}</span>
          <select id={matchId} value={draft.match} onChange={(e) => setDraft((d) => ({ ...d, match: e.target.value as TierLadder['match'] }))}>
            <option value="any">{t('tiers.match.any')}</option>
            <option value="all">{t('tiers.match.all')}</option>
          </select>
        </label>
        <label className="field" htmlFor={windowId}>
          <span>{t('tiers.window')}</span>
          <select id={windowId} value={draft.yearly ? 'yearly' : 'lifetime'} onChange={(e) => setDraft((d) => ({ ...d, yearly: e.target.value === 'yearly' }))}>
            <option value="lifetime">{t('tiers.window.lifetime')}</option>
            <option value="yearly">{t('tiers.window.yearly')}</option>
          </select>
        </label>
        <button type="button" onClick={suggest} disabled={!current} data-testid="tiers-suggest">
          {t('tiers.suggest')}
        </button>
      </div>

      <table className="ladder" data-testid="ladder">
        <thead>
          <tr>
            <th>{t('tiers.col.tier')}</th>
            <th>{t('tiers.col.spend', { currency })}</th>
            <th>{t('tiers.col.orders')}</th>
            <th>{t('tiers.col.members')}</th>
            <th>
              <span className="sr-only">{t('tiers.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.steps.map((s, i) => {
            const count = counts?.[i];
            const share = count !== undefined && total ? count / total : 0;
            const problem = problemFor(i);
            return (
              <tr key={s.id} data-testid="ladder-step" data-step-id={s.id}>
                <td>
                  <div className="tier-name">
                    <input type="color" value={s.color} aria-label={t('tiers.color', { name: s.name })} onChange={(e) => setStep(i, { color: e.target.value })} />
                    <input value={s.name} maxLength={40} aria-label={t('tiers.name', { step: i + 1 })} onChange={(e) => setStep(i, { name: e.target.value })} />
                  </div>
                  {problem && (
                    <div className="field-problem" role="alert">
                      {t(problem.key)}
                    </div>
                  )}
                </td>
                {i === 0 ? (
                  <td colSpan={2} className="muted small">
                    {t('tiers.floor')}
                  </td>
                ) : (
                  <>
                    <td>
                      <input className="num" inputMode="decimal" value={s.spend} placeholder="—" aria-label={t('tiers.spendOf', { name: s.name })} onChange={(e) => setStep(i, { spend: e.target.value })} />
                    </td>
                    <td>
                      <input className="num short" inputMode="numeric" value={s.orders} placeholder="—" aria-label={t('tiers.ordersOf', { name: s.name })} onChange={(e) => setStep(i, { orders: e.target.value })} />
                    </td>
                  </>
                )}
                <td className="count-cell">
                  <div className="count-bar" aria-hidden="true">
                    <span style={{ width: `${Math.max(share > 0 ? 2 : 0, share * 100)}%`, background: s.color }} />
                  </div>
                  <span className="count" data-testid="tier-count">
                    {count === undefined ? '…' : t('tiers.count', { count: count.toLocaleString(locale), share: (share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0) })}
                  </span>
                </td>
                <td>
                  {i > 0 && draft.steps.length > 2 && (
                    <button type="button" className="icon" aria-label={t('tiers.removeStep', { name: s.name })} onClick={() => removeStep(i)}>
                      ×
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3 className="sub">{t('benefits.title')}</h3>
      <p className="lead small">{t('benefits.lead')}</p>
      <table className="benefits-table" data-testid="benefits">
        <thead>
          <tr>
            <th>{t('benefits.col.tier')}</th>
            {BENEFIT_LOCALES.map((l) => (
              <th key={l}>{t(`benefits.lang.${l}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <PerTierTextRows steps={draft.steps} field="benefits" locale={locale} placeholder={t('benefits.placeholder')} label={(tier, language) => t('benefits.of', { tier, language: t(`benefits.lang.${language}`) })} onChange={(i, text) => setStep(i, { benefits: text })} />
        </tbody>
      </table>
      <h3 className="sub">{t('tiers.gift')}</h3>
      <p className="lead small">{t('tiers.gift.lead')}</p>
      <table className="benefits-table" data-testid="gifts">
        <tbody>
          <PerTierTextRows steps={draft.steps} field="gift" locale={locale} placeholder={t('tiers.gift.placeholder')} label={(tier, language) => `${t('tiers.gift')} · ${tier} · ${t(`benefits.lang.${language}`)}`} onChange={(i, text) => setStep(i, { gift: text })} />
        </tbody>
      </table>
      <div className="row ladder-actions">
        <button type="button" onClick={addStep} disabled={draft.steps.length >= 8}>
          {t('tiers.addStep')}
        </button>
        <span className="grow" />
        <button type="button" onClick={() => (setDraft(draftOf(settings.tierLadder, currency, t)), setStatus(undefined))} disabled={!dirty || status?.kind === 'busy'}>
          {t('tiers.reset')}
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={!dirty || built.problems.length > 0 || status?.kind === 'busy'} data-testid="tiers-apply">
          {t('tiers.apply')}
        </button>
      </div>
      {status && (
        <div className={status.kind === 'failed' ? 'alert' : 'status'} role="status" data-testid="tiers-status">
          {status.message}
        </div>
      )}

      <h3 className="sub lapse-h">{t('lapse.title')}</h3>
      <div className="lapse" data-testid="lapse">
        <div className="lapse-text">
          {lapse === undefined && <p className="muted">{t('lapse.reading')}</p>}
          {lapse === null && <p className="muted">{t('lapse.notEnough')}</p>}
          {lapse && (
            <>
              <p className="lapse-figure" data-testid="lapse-suggestion">
                <strong>{t('lapse.days', { days: lapse.days })}</strong>
              </p>
              <p className="small">
                {t('lapse.why', {
                  share: Math.round(lapse.coverage * 100),
                  days: lapse.days,
                  median: lapse.medianDays,
                  intervals: lapse.intervals.toLocaleString(locale),
                })}
              </p>
            </>
          )}
          <div className="row">
            {lapse && (
              <button type="button" className="primary" onClick={() => void saveLapse(lapse.days)} disabled={settings.lapseDays === lapse.days} data-testid="lapse-accept">
                {t('lapse.accept', { days: lapse.days })}
              </button>
            )}
            <label className="field" htmlFor={lapseId}>
              <span>{t('lapse.own')}</span>
              <input id={lapseId} className="num short" inputMode="numeric" value={lapseInput} onChange={(e) => (setLapseInput(e.target.value), setLapseStatus(undefined))} />
            </label>
            <button type="button" onClick={() => void saveLapse(Number(lapseInput))} disabled={lapseDays === settings.lapseDays}>
              {t('options.save')}
            </button>
          </div>
          <p className="small muted">
            {t('lapse.current', { days: settings.lapseDays })}
            {lapseStatus && <span role="status"> · {lapseStatus}</span>}
          </p>
        </div>
        {lapse && <IntervalBars bins={lapse.bins} markDays={Number.isFinite(lapseDays) && lapseDays > 0 ? lapseDays : settings.lapseDays} t={t} />}
      </div>
      <PointsSettings t={t} settings={settings} onSave={onSave} />
    </section>
  );
}

/** Points on or off, and how many a unit of spend earns. */
function PointsSettings({ t, settings, onSave }: { t: Translate; settings: Settings; onSave(patch: SettingsPatch): Promise<void> }) {
  const [enabled, setEnabled] = useState(settings.points.enabled);
  const [rate, setRate] = useState(String(settings.points.perUnit));
  const [status, setStatus] = useState<{ ok: boolean; message: string }>();
  const rateId = useId();
  const save = async () => {
    const perUnit = Number(rate.trim().replace(',', '.'));
    if (!rate.trim() || !Number.isFinite(perUnit) || perUnit < 0 || perUnit > 1000) return setStatus({ ok: false, message: t('points.settings.invalid') });
    await onSave({ points: { enabled, perUnit } });
    setStatus({ ok: true, message: t('points.settings.saved') });
  };
  const dirty = enabled !== settings.points.enabled || rate.trim() !== String(settings.points.perUnit);
  return (
    <div data-testid="points-settings">
      <h3 className="sub">{t('points.settings.title')}</h3>
      <p className="lead small">{t('points.settings.lead')}</p>
      <div className="points-settings">
        <label className="check">
          <input type="checkbox" checked={enabled} onChange={(e) => (setEnabled(e.target.checked), setStatus(undefined))} data-testid="points-enabled" />
          {t('points.settings.enabled')}
        </label>
        <label className="field" htmlFor={rateId}>
          <span>{t('points.settings.rate', { currency: settings.shopCurrency })}</span>
          <input id={rateId} className="num short" inputMode="decimal" value={rate} disabled={!enabled} onChange={(e) => (setRate(e.target.value), setStatus(undefined))} data-testid="points-rate" />
        </label>
        <button type="button" className="primary" onClick={() => void save()} disabled={!dirty} data-testid="points-save">
          {t('points.settings.save')}
        </button>
        {status && (
          <span className={status.ok ? 'small ok' : 'small warn'} role="status">
            {status.message}
          </span>
        )}
      </div>
    </div>
  );
}

/** One row per tier with a text field per language: the tier's benefits, or the gift for its parcels. */
function PerTierTextRows({ steps, field, locale, placeholder, label, onChange }: {
  steps: DraftStep[];
  field: 'benefits' | 'gift';
  locale: UiLocale;
  placeholder: string;
  label(tier: string, language: (typeof BENEFIT_LOCALES)[number]): string;
  onChange(index: number, text: TierBenefits): void;
}) {
  return steps.map((s, i) => (
    <tr key={s.id} data-step-id={s.id}>
      <td>
        <span className="tier-dot" style={{ background: s.color }} aria-hidden="true" /> {s.name}
      </td>
      {BENEFIT_LOCALES.map((l) => (
        <td key={l}>
          <input
            value={s[field][l] ?? ''}
            maxLength={300}
            placeholder={l === locale ? placeholder : ''}
            aria-label={label(s.name, l)}
            onChange={(e) => onChange(i, { ...s[field], [l]: e.target.value })}
          />
        </td>
      ))}
    </tr>
  ));
}
