// The reports' per-category card: repeat purchase, intervals and the lapse in use for each product category.
import type { Settings } from '@/lib/domain/settings';
import type { ReportSummary } from '@/lib/domain/reports';
import { percentCell } from '@/lib/export/report-csv';
import type { Translate, UiLocale } from '@/lib/i18n';
import { categoryName } from '../format';
import { COLORS } from './plot-marks';
import { ChartCard, pct, type CardCsv } from './report-parts';

export function CategoryCard({ rows, t, locale, settings, csv }: { rows: ReportSummary['byCategory']; t: Translate; locale: UiLocale; settings: Settings; csv: CardCsv }) {
  if (rows.length === 0) return null;
  return (
    <ChartCard
      t={t}
      wide
      testId="chart-categories"
      title={t('reports.categories.title')}
      lead={t('reports.categories.lead')}
      onCsv={() =>
        csv(
          'categories',
          ['reports.csv.category', 'reports.csv.buyers', 'reports.csv.repeatBuyers', 'reports.csv.repeatRate', 'reports.csv.repeatPurchases', 'reports.csv.medianDays', 'reports.csv.suggestedLapse', 'reports.csv.suggestedCycle', 'reports.csv.lapseInUse'],
          rows.map((c) => [
            categoryName(c.category, t),
            c.buyers,
            c.repeatBuyers,
            percentCell(c.repeatRate),
            c.intervalCount,
            c.medianDays ?? '',
            c.lapse?.days ?? '',
            c.cycleDays ?? '',
            (c.category && settings.categoryCycles[c.category]?.lapseDays) || settings.lapseDays,
          ]),
        )}
    >
      <CategoryBars rows={rows} t={t} locale={locale} />
    </ChartCard>
  );
}

/** Per category: the repeat rate as a bar, with buyers and the median days between orders in it. */
function CategoryBars({ rows, t, locale }: { rows: ReportSummary['byCategory']; t: Translate; locale: UiLocale }) {
  return (
    <ul className="bar-list category-bars" data-testid="category-bars">
      {rows.map((c) => (
        <li key={c.category} data-category={c.category}>
          <span className="bar-label" title={categoryName(c.category, t)}>{categoryName(c.category, t)}</span>
          <span className="bar-track" aria-hidden="true">
            <span style={{ width: `${c.repeatRate * 100}%`, background: COLORS.rate }} />
          </span>
          <span className="bar-value">
            {pct(c.repeatRate, locale)} <span className="muted">{t('reports.kpi.buyers', { count: c.buyers.toLocaleString(locale) })}</span>
            <span className="muted"> · {c.medianDays !== undefined ? t('reports.categories.median', { days: c.medianDays }) : t('reports.categories.noMedian')}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
