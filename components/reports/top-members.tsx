// The reports' table of the members who spent most.
import type { Settings } from '@/lib/domain/settings';
import type { ReportSummary } from '@/lib/domain/reports';
import { decimalAmount, isoDateTime } from '@/lib/export/csv';
import type { Translate, UiLocale } from '@/lib/i18n';
import { money, shortDate, tierName } from '../format';
import { ChartCard, type CardCsv } from './report-parts';

export function TopMembersCard({ top, currency, t, locale, settings, csv }: { top: ReportSummary['top']; currency: string; t: Translate; locale: UiLocale; settings: Settings; csv: CardCsv }) {
  return (
    <ChartCard
      t={t}
      wide
      testId="chart-top"
      title={t('reports.top.title', { count: top.length })}
      onCsv={() =>
        csv(
          'top-members',
          ['reports.csv.name', 'reports.csv.tier', 'reports.csv.orders', 'reports.csv.spend', 'reports.csv.lastOrder'],
          top.map(
            (m) => [
              m.displayName,
              tierName(settings.tierLadder.steps.find((s) => s.id === m.tierId) ?? { id: m.tierId, name: m.tierId }, t),
              m.orderCount,
              decimalAmount(m.spendMinor, currency),
              isoDateTime(m.lastOrderAt, settings.timeZone),
            ],
          ),
        )}
    >
      <table className="top" data-testid="top-members">
        <thead>
          <tr>
            <th className="rank">#</th>
            <th>{t('reports.csv.name')}</th>
            <th>{t('reports.csv.tier')}</th>
            <th className="num">{t('reports.csv.orders')}</th>
            <th className="num">{t('reports.top.spend')}</th>
            <th className="num">{t('reports.csv.lastOrder')}</th>
          </tr>
        </thead>
        <tbody>
          {top.map((m, i) => {
            const tier = settings.tierLadder.steps.find((s) => s.id === m.tierId);
            return (
              <tr key={m.id}>
                <td className="rank">{i + 1}</td>
                <td>{m.displayName}</td>
                <td>
                  <span className="tier-chip" style={{ borderColor: tier?.color }}>
                    {tierName(tier ?? { id: m.tierId, name: m.tierId }, t)}
                  </span>
                </td>
                <td className="num">{m.orderCount.toLocaleString(locale)}</td>
                <td className="num">{money(m.spendMinor, currency, locale)}</td>
                <td className="num">{shortDate(m.lastOrderAt, locale, settings.timeZone)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ChartCard>
  );
}
