// Options → Tiers and lapse: the tier ladder editor with live member counts and suggested
// thresholds, and the lapse threshold suggested from the shop's own repurchase intervals.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Settings, SettingsPatch } from '@/lib/domain/settings';
import type { LadderApplied } from '@/lib/domain/tiers';
import { applyTierSuggestion, suggestTierThresholds, tierCounts, type LapseSuggestion, type TierFacts } from '@/lib/domain/suggest';
import type { TierLadder } from '@/lib/domain/types';
import { sentences, type Translate, type UiLocale } from '@/lib/i18n';
import { money } from './format';
import { errorText } from './error-text';
import { buildLadder, draftOf, majorText, PALETTE, YEAR_DAYS, type Draft, type DraftStep } from './tiers/ladder-draft';
import { LapseSuggestionBlock } from './tiers/lapse-suggestion';
import { PointsSettings } from './tiers/points-settings';
import { TierTexts } from './tiers/tier-texts';

export interface TiersSectionProps {
  t: Translate;
  locale: UiLocale;
  settings: Settings;
  /** Every member's tier facts under a window (lifetime or rolling): read once per window. */
  tierFacts(window: TierLadder['window']): Promise<TierFacts[]>;
  /** The lapse threshold suggested from the shop's repurchase intervals (undefined with too few). */
  lapse(): Promise<LapseSuggestion | undefined>;
  apply(ladder: TierLadder): Promise<LadderApplied>;
  /** false: not saved (the page says why). */
  onSave(patch: SettingsPatch): Promise<boolean>;
  /** Settings changed behind the page's back (a ladder applied): read them again. */
  reload(): Promise<void>;
  /** Where the reports page is, linked from the section. */
  reportsUrl?: string;
  /** Changes when members or orders changed (an import, a restore): counts and the lapse suggestion are read again. Undefined until known. */
  dataVersion?: string | undefined;
}

export function TiersSection({ t, locale, settings, tierFacts, lapse, apply, onSave, reload, reportsUrl, dataVersion }: TiersSectionProps) {
  const currency = settings.shopCurrency;
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings.tierLadder, currency, t));
  const [facts, setFacts] = useState<Record<string, TierFacts[]>>({});
  const [status, setStatus] = useState<{ kind: 'busy' | 'done' | 'failed' | 'note'; message: string }>();
  const matchId = useId();
  const windowId = useId();

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
      const applied = t('tiers.applied', { members: r.members.toLocaleString(locale), up: r.up.toLocaleString(locale), down: r.down.toLocaleString(locale) });
      setStatus({ kind: 'done', message: r.remindersHeld ? sentences(applied, t('tiers.remindersHeld')) : applied });
    } catch (e) {
      setStatus({ kind: 'failed', message: t('tiers.applyFailed', { message: errorText(t, e) }) });
    }
  };

  const problemFor = (i: number) => built.problems.find((p) => p.step === i);

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
      <TierTexts steps={draft.steps} t={t} locale={locale} onChange={setStep} />
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

      <LapseSuggestionBlock t={t} locale={locale} settings={settings} lapse={lapse} onSave={onSave} version={readVersion} />
      <PointsSettings t={t} settings={settings} onSave={onSave} />
    </section>
  );
}
