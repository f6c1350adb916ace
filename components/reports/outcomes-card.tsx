// Win-back and follow-up outcomes: members won back, and per reason the touches followed by an
// order within N days (N editable), drawn as bars, with their CSV.
import { useEffect, useState } from 'react';
import type { TouchOutcomes } from '@/lib/domain/outcomes';
import { percentCell, reportFileName, tableCsv } from '@/lib/export/report-csv';
import type { MessageKey, Translate, UiLocale } from '@/lib/i18n';
import { saveFile } from '../backup-section';

const pct = (share: number, locale: UiLocale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);

export function OutcomesCard({ t, locale, timeZone, load, defaultDays = 30 }: {
  t: Translate;
  locale: UiLocale;
  timeZone: string;
  load(days: number): Promise<TouchOutcomes>;
  defaultDays?: number;
}) {
  const [days, setDays] = useState(defaultDays);
  const [outcomes, setOutcomes] = useState<TouchOutcomes>();
  useEffect(() => {
    let live = true;
    if (days >= 1) load(days).then((o) => live && setOutcomes(o), () => undefined);
    return () => {
      live = false;
    };
  }, [days, load]);
  const reasonName = (reason: string) => t(`journey.kind.${reason}` as MessageKey);
  const csv = () => {
    if (!outcomes) return;
    const header = [t('reports.winBack.reason'), t('reports.winBack.touches'), t('reports.winBack.ordered', { days }), t('reports.winBack.rate')];
    const rows = [...outcomes.byReason.map((r) => [reasonName(r.reason), r.touches, r.ordered, percentCell(r.touches ? r.ordered / r.touches : 0)]), [t('reports.winBack.wonBack'), outcomes.winBackTouched, outcomes.wonBack, percentCell(outcomes.winBackTouched ? outcomes.wonBack / outcomes.winBackTouched : 0)]];
    saveFile(tableCsv(header, rows), reportFileName('touch-outcomes', Date.now(), timeZone));
  };
  return (
    <section className="card outcomes" data-testid="chart-outcomes" aria-label={t('reports.winBack.title')}>
      <header>
        <div>
          <h2>{t('reports.winBack.title')}</h2>
          <p className="lead">{t('reports.winBack.lead', { days })}</p>
        </div>
        <label className="field days">
          <span>{t('reports.winBack.days')}</span>
          <input type="number" min={1} max={365} value={days} onChange={(e) => setDays(Math.max(1, Math.min(365, Number(e.target.value) || 1)))} />
        </label>
        <button type="button" className="csv" onClick={csv} data-testid="csv">
          {t('reports.winBack.csv')}
        </button>
      </header>
      {outcomes && (
        <div className="outcomes-body">
          <div className="kpi won-back" data-testid="won-back">
            <div className="kpi-label">{t('reports.winBack.wonBack')}</div>
            <div className="kpi-value">{outcomes.wonBack.toLocaleString(locale)}</div>
            <div className="kpi-note">
              {t('reports.winBack.touched', { count: outcomes.winBackTouched.toLocaleString(locale) })}
              {outcomes.winBackTouched ? ` · ${pct(outcomes.wonBack / outcomes.winBackTouched, locale)}` : ''}
            </div>
          </div>
          {outcomes.byReason.length === 0 ? (
            <p className="muted small">{t('reports.winBack.empty')}</p>
          ) : (
            <ul className="bar-list" data-testid="outcomes">
              {outcomes.byReason.map((r) => (
                <li key={r.reason} data-reason={r.reason}>
                  <span className="bar-label">{reasonName(r.reason)}</span>
                  <span className="bar-track" aria-hidden="true">
                    <span style={{ width: `${r.touches ? (r.ordered / r.touches) * 100 : 0}%`, background: '#0e9f7e' }} />
                  </span>
                  <span className="bar-value">
                    {r.ordered.toLocaleString(locale)} / {r.touches.toLocaleString(locale)} <span className="muted">{pct(r.touches ? r.ordered / r.touches : 0, locale)}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
