// Options → Product categories: the owner's rules (SKU prefixes, title words), applied to every
// stored order, and per category the lapse threshold and repurchase cycle, suggested from the
// shop's own repeat intervals with their histogram.
import { useEffect, useMemo, useState } from 'react';
import type { Settings, SettingsPatch } from '@/lib/domain/settings';
import { UNCATEGORISED, type CategoryCycles, type CategoryRule } from '@/lib/domain/categories';
import type { CategoryReportRow } from '@/lib/domain/reports';
import type { MessageKey, Translate, UiLocale } from '@/lib/i18n';
import { categoryName } from './format';
import { IntervalBars } from './interval-bars';
import { errorText } from './error-text';

export interface CategoriesSectionProps {
  t: Translate;
  locale: UiLocale;
  settings: Settings;
  /** Buyers, repeat rate and intervals per category (the report the background keeps from every order). */
  figures(): Promise<CategoryReportRow[]>;
  /** Saves the rules and applies them to every stored order. */
  apply(rules: CategoryRule[]): Promise<{ orders: number; members: number }>;
  /** false: not saved (the page says why). */
  onSave(patch: SettingsPatch): Promise<boolean>;
  /** Changes when orders changed (an import, a restore): the figures are read again. */
  dataVersion?: string | undefined;
}

interface DraftRule {
  key: string;
  category: string;
  skus: string;
  words: string;
}

const list = (text: string) =>
  text
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

const draftOf = (rules: readonly CategoryRule[]): DraftRule[] => rules.map((r, i) => ({ key: `r${i}`, category: r.category, skus: r.skuPrefixes.join(', '), words: r.titleWords.join(', ') }));

function rulesOf(draft: readonly DraftRule[]): { rules: CategoryRule[]; problems: Map<string, MessageKey> } {
  const problems = new Map<string, MessageKey>();
  const seen = new Set<string>();
  const rules = draft.map((d) => {
    const rule = { category: d.category.trim(), skuPrefixes: list(d.skus), titleWords: list(d.words) };
    if (!rule.category) problems.set(d.key, 'categories.problem.name');
    else if (!rule.skuPrefixes.length && !rule.titleWords.length) problems.set(d.key, 'categories.problem.empty');
    else if (seen.has(rule.category.toLowerCase())) problems.set(d.key, 'categories.problem.duplicate');
    seen.add(rule.category.toLowerCase());
    return rule;
  });
  return { rules, problems };
}

type CycleDraft = Record<string, { lapse: string; cycle: string }>;

const cycleDraftOf = (cycles: CategoryCycles): CycleDraft => Object.fromEntries(
  Object.entries(cycles).map(([c, v]) => [c, { lapse: String(v.lapseDays), cycle: String(v.cycleDays) }]),
);

export function CategoriesSection({ t, locale, settings, figures, apply, onSave, dataVersion }: CategoriesSectionProps) {
  const [draft, setDraft] = useState<DraftRule[]>(() => draftOf(settings.categoryRules));
  const [status, setStatus] = useState<{ kind: 'busy' | 'done' | 'failed'; message: string }>();
  const [read, setRead] = useState<CategoryReportRow[] | null>();
  const [readCount, setReadCount] = useState(0);
  const [cycles, setCycles] = useState<CycleDraft>(() => cycleDraftOf(settings.categoryCycles));
  const [cycleStatus, setCycleStatus] = useState<{ ok: boolean; message: string }>();

  const savedRules = JSON.stringify(settings.categoryRules);
  useEffect(() => setDraft(draftOf(settings.categoryRules)), [savedRules]); // eslint-disable-line react-hooks/exhaustive-deps
  const savedCycles = JSON.stringify(settings.categoryCycles);
  useEffect(() => setCycles(cycleDraftOf(settings.categoryCycles)), [savedCycles]); // eslint-disable-line react-hooks/exhaustive-deps
  // The first data version known is the data already being read: only a later one reads again.
  const [firstVersion, setFirstVersion] = useState(dataVersion);
  if (firstVersion === undefined && dataVersion !== undefined) setFirstVersion(dataVersion);
  const readAt = dataVersion === firstVersion ? undefined : dataVersion;
  useEffect(() => {
    let live = true;
    setRead(undefined);
    figures().then(
      (f) => live && setRead(f),
      () => live && setRead(null),
    );
    return () => {
      live = false;
    };
  }, [readAt, readCount]); // eslint-disable-line react-hooks/exhaustive-deps

  const built = useMemo(() => rulesOf(draft), [draft]);
  const dirty = JSON.stringify(built.rules) !== savedRules;
  const setRule = (key: string, patch: Partial<DraftRule>) => (setStatus(undefined), setDraft((d) => d.map((r) => (r.key === key ? { ...r, ...patch } : r))));

  const save = async () => {
    setStatus({ kind: 'busy', message: t('categories.applying') });
    try {
      const r = await apply(built.rules);
      setStatus({ kind: 'done', message: t('categories.applied', { orders: r.orders.toLocaleString(locale), members: r.members.toLocaleString(locale) }) });
      setReadCount((n) => n + 1);
    } catch (e) {
      setStatus({ kind: 'failed', message: t('categories.applyFailed', { message: errorText(t, e) }) });
    }
  };

  // The categories to set thresholds for: the ones orders have, and the rules' (before any order has them).
  const shown = useMemo(() => {
    const named = new Map((read ?? []).filter((f) => f.category !== UNCATEGORISED).map((f) => [f.category, f]));
    for (const r of settings.categoryRules) if (!named.has(r.category)) named.set(r.category, undefined as unknown as CategoryReportRow);
    return [...named].map(([category, f]) => ({ category, figures: f as CategoryReportRow | undefined }));
  }, [read, settings.categoryRules]);

  const useSuggestions = () => {
    setCycleStatus(undefined);
    setCycles((old) => {
      const next = { ...old };
      for (const { category, figures: f } of shown) if (f?.lapse && f.cycleDays) next[category] = { lapse: String(f.lapse.days), cycle: String(f.cycleDays) };
      return next;
    });
  };

  const saveCycles = async () => {
    const out: CategoryCycles = {};
    for (const [category, v] of Object.entries(cycles)) {
      if (!v.lapse.trim() && !v.cycle.trim()) continue;
      const lapseDays = Number(v.lapse);
      const cycleDays = Number(v.cycle || v.lapse);
      const ok = (n: number) => Number.isInteger(n) && n >= 1 && n <= 3650;
      if (!ok(lapseDays) || !ok(cycleDays)) return setCycleStatus({ ok: false, message: t('categories.cycles.invalid') });
      out[category] = { lapseDays, cycleDays };
    }
    if (!(await onSave({ categoryCycles: out }))) return setCycleStatus(undefined);
    setCycleStatus({ ok: true, message: t('categories.cycles.saved') });
  };
  const suggestable = shown.some(({ figures: f }) => f?.lapse);

  return (
    <section className="section categories" aria-labelledby="categories-h" data-testid="categories-section">
      <h2 id="categories-h">{t('categories.title')}</h2>
      <p className="lead">{t('categories.lead')}</p>
      {draft.length === 0 ? (
        <p className="muted small">{t('categories.empty')}</p>
      ) : (
        <table className="category-rules" data-testid="category-rules">
          <thead>
            <tr>
              <th>{t('categories.col.category')}</th>
              <th>
                {t('categories.col.sku')} <span className="muted small">{t('categories.listHint')}</span>
              </th>
              <th>
                {t('categories.col.words')} <span className="muted small">{t('categories.listHint')}</span>
              </th>
              <th>
                <span className="sr-only">{t('categories.removeRule', { name: '' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.map((r, i) => {
              const problem = built.problems.get(r.key);
              const name = r.category.trim() || String(i + 1);
              return (
                <tr key={r.key} data-testid="category-rule">
                  <td>
                    <input value={r.category} maxLength={60} aria-label={t('categories.name', { n: i + 1 })} onChange={(e) => setRule(r.key, { category: e.target.value })} />
                    {problem && (
                      <div className="field-problem" role="alert">
                        {t(problem)}
                      </div>
                    )}
                  </td>
                  <td>
                    <input value={r.skus} aria-label={t('categories.skuOf', { name })} placeholder="TEA-, T2" onChange={(e) => setRule(r.key, { skus: e.target.value })} />
                  </td>
                  <td>
                    <input value={r.words} aria-label={t('categories.wordsOf', { name })} placeholder="tea, 茶" onChange={(e) => setRule(r.key, { words: e.target.value })} />
                  </td>
                  <td>
                    <button type="button" className="icon" aria-label={t('categories.removeRule', { name })} onClick={() => (setStatus(undefined), setDraft((d) => d.filter((x) => x.key !== r.key)))}>
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="row ladder-actions">
        <button type="button" onClick={() => setDraft((d) => [...d, { key: `n${Date.now().toString(36)}${d.length}`, category: '', skus: '', words: '' }])} disabled={draft.length >= 100} data-testid="category-add">
          {t('categories.add')}
        </button>
        <span className="muted small grow">{draft.length > 1 ? t('categories.order') : ''}</span>
        <button type="button" className="primary" onClick={() => void save()} disabled={!dirty || built.problems.size > 0 || status?.kind === 'busy'} data-testid="categories-apply">
          {t('categories.apply')}
        </button>
      </div>
      {status && (
        <div className={status.kind === 'failed' ? 'alert' : 'status'} role="status" data-testid="categories-status">
          {status.message}
        </div>
      )}

      <h3 className="sub">{t('categories.cycles.title')}</h3>
      <p className="lead small">{t('categories.cycles.lead')}</p>
      <p className="small">{t('categories.cycles.rule', { days: settings.lapseDays })}</p>
      {read === undefined && <p className="muted">{t('categories.cycles.reading')}</p>}
      {read !== undefined && shown.length === 0 && <p className="muted">{t('categories.cycles.none')}</p>}
      {shown.length > 0 && (
        <ul className="category-cycles" data-testid="category-cycles">
          {shown.map(({ category, figures: f }) => {
            const v = cycles[category] ?? { lapse: '', cycle: '' };
            const set = (patch: Partial<typeof v>) => (setCycleStatus(undefined), setCycles((old) => ({ ...old, [category]: { ...v, ...patch } })));
            const mark = Number(v.lapse) > 0 ? Number(v.lapse) : (f?.lapse?.days ?? settings.lapseDays);
            return (
              <li key={category} className="category-cycle" data-testid="category-cycle" data-category={category}>
                <div className="category-cycle-text">
                  <strong>{categoryName(category, t)}</strong>
                  <p className="small muted">
                    {f ? `${t('categories.cycles.col.buyers')} ${f.buyers.toLocaleString(locale)} · ${t('categories.cycles.col.repeat')} ${Math.round(f.repeatRate * 100)}%` : ''}
                  </p>
                  <p className="small" data-testid="category-suggestion">
                    {f?.lapse && f.cycleDays
                      ? t('categories.cycles.suggested', { lapse: f.lapse.days, cycle: f.cycleDays, median: f.medianDays ?? 0, count: f.lapse.intervals.toLocaleString(locale) })
                      : t('categories.cycles.few', { count: f?.intervalCount ?? 0 })}
                  </p>
                  <div className="row">
                    <label className="field">
                      <span>{t('categories.cycles.col.lapse')}</span>
                      <input className="num cycle-days" inputMode="numeric" value={v.lapse} placeholder={t('categories.cycles.default', { days: settings.lapseDays })} aria-label={t('categories.cycles.lapseOf', { category })} onChange={(e) => set({ lapse: e.target.value })} />
                    </label>
                    <label className="field">
                      <span>{t('categories.cycles.col.cycle')}</span>
                      <input className="num cycle-days" inputMode="numeric" value={v.cycle} placeholder="—" aria-label={t('categories.cycles.cycleOf', { category })} onChange={(e) => set({ cycle: e.target.value })} />
                    </label>
                  </div>
                </div>
                {f && f.bins.length > 0 && <IntervalBars bins={f.bins} markDays={mark} t={t} width={260} height={96} label={t('categories.histogram', { category: categoryName(category, t) })} />}
              </li>
            );
          })}
        </ul>
      )}
      {shown.length > 0 && (
        <div className="row ladder-actions">
          <button type="button" onClick={useSuggestions} disabled={!suggestable} data-testid="category-cycles-suggest">
            {t('categories.cycles.use')}
          </button>
          <span className="grow" />
          <button type="button" className="primary" onClick={() => void saveCycles()} data-testid="category-cycles-save">
            {t('categories.cycles.save')}
          </button>
        </div>
      )}
      {cycleStatus && (
        <p className={cycleStatus.ok ? 'small ok' : 'alert'} role="status">
          {cycleStatus.message}
        </p>
      )}
    </section>
  );
}
