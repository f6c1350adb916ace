// The reports page: the whole buyer base in pictures, each chart's numbers downloadable as CSV.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import type { Settings } from '@/lib/domain/settings';
import { minorDigits } from '@/lib/domain/money';
import type { ReportSummary } from '@/lib/domain/reports';
import type { HistogramBin } from '@/lib/domain/suggest';
import { decimalAmount } from '@/lib/export/csv';
import { percentCell, reportFileName, tableCsv } from '@/lib/export/report-csv';
import type { MessageKey, Translate, UiLocale } from '@/lib/i18n';
import { saveFile } from '../backup-section';
import { dateTime, money, tierName } from '../format';
import { binLabel } from '../interval-bars';
import { CategoryCard } from './category-card';
import { Chart, themeColor } from './chart';
import { barPaths, COLORS, markX } from './plot-marks';
import { BarList, ChartCard, Kpi, monthName, pct, type CardCsv } from './report-parts';
import { TopMembersCard } from './top-members';

export interface ReportsPageProps {
  t: Translate;
  locale: UiLocale;
  settings: Settings;
  report: ReportSummary;
  /** How long the background took to read and compute it, shown small for the curious. */
  computeMs?: number;
  /** Shown while a newer report is being computed. */
  updating?: boolean;
  /** All canvas charts have drawn. */
  onReady?: () => void;
}

/** Charts drawn on canvas: the page is ready when all of them have drawn once. */
const CANVAS_CHARTS = 4;

const SEGMENT_COLORS: Record<string, string> = {
  champions: '#0e9f7e',
  loyal: '#34b892',
  cantLose: '#e5484d',
  atRisk: '#f76b15',
  potentialLoyalist: '#5b8def',
  needAttention: '#f5b40b',
  new: '#8da4ef',
  promising: '#7cc4fa',
  aboutToSleep: '#c2a1f0',
  hibernating: '#a0a7b4',
  lost: '#6b7280',
  none: '#d0d5dd',
};

export function ReportsPage({ t, locale, settings, report, computeMs, updating, onReady }: ReportsPageProps) {
  const currency = report.currency;
  const unit = 10 ** minorDigits(currency);
  const drawn = useRef(0);
  const onDrawn = useCallback(() => {
    drawn.current += 1;
    if (drawn.current === CANVAS_CHARTS) onReady?.();
  }, [onReady]);
  const [lapseDays] = useState(settings.lapseDays);
  const csv: CardCsv = (what, header, rows) => saveFile(
    tableCsv(header.map((k) => t(k, { currency })), rows),
    reportFileName(what, report.generatedAt, settings.timeZone),
  );

  const axisStroke = themeColor('--muted', '#667085');
  const gridStroke = themeColor('--line', '#e4e7ec');
  const axis = (over: Partial<uPlot.Axis> = {}): uPlot.Axis => ({ stroke: axisStroke, grid: { stroke: gridStroke, width: 1 }, ticks: { stroke: gridStroke, width: 1 }, font: '11px system-ui, sans-serif', ...over });
  const compactMoney = useMemo(() => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }), [locale]);

  const months = report.months;
  const monthLabels = months.map((m) => monthName(m.month, locale));
  const monthAxis = (): uPlot.Axis =>
    axis({ values: (_u, splits) => splits.map((i) => monthLabels[i] ?? ''), space: 44, grid: { show: false } });
  const xIndex = (n: number) => Array.from({ length: n }, (_, i) => i);

  // --- repeat-purchase rate -----------------------------------------------------------------
  const repeat = useMemo(() => {
    const data: uPlot.AlignedData = [xIndex(months.length), months.map((m) => (m.buyers ? m.repeatRate * 100 : null))];
    const options: ChartProps['options'] = {
      legend: { show: true, live: false },
      cursor: { points: { size: 6 } },
      scales: { x: { time: false }, y: { range: [0, 100] } },
      axes: [monthAxis(), axis({ values: (_u, splits) => splits.map((v) => `${v}%`), size: 44 })],
      series: [
        { label: t('reports.month'), value: (_u, v) => (v == null ? '—' : monthName(months[v]!.month, locale, true)) },
        { label: t('reports.repeat.series'), stroke: COLORS.rate, width: 2, fill: `${COLORS.rate}22`, points: { show: true, size: 5 }, value: (_u, v) => (v == null ? '—' : `${v.toFixed(1)}%`) },
      ],
    };
    return { data, options };
  }, [report, locale]); // eslint-disable-line react-hooks/exhaustive-deps

  // --- revenue, new vs returning (stacked: the total bar behind, the new part drawn over it) ---
  const revenue = useMemo(() => {
    const newMajor = months.map((m) => m.newRevenueMinor / unit);
    const totalMajor = months.map((m) => (m.newRevenueMinor + m.returningRevenueMinor) / unit);
    const data: uPlot.AlignedData = [xIndex(months.length), totalMajor, newMajor];
    const fmt = (major: number) => money(Math.round(major * unit), currency, locale);
    const options: ChartProps['options'] = {
      legend: { show: true, live: false },
      scales: { x: { time: false, range: (_u, min, max) => [min - 0.6, max + 0.6] }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.08] } },
      axes: [monthAxis(), axis({ values: (_u, splits) => splits.map((v) => compactMoney.format(v)), size: 52 })],
      series: [
        { label: t('reports.month'), value: (_u, v) => (v == null ? '—' : monthName(months[v]!.month, locale, true)) },
        { label: t('reports.revenue.returning'), stroke: COLORS.returning, fill: COLORS.returning, paths: barPaths(), points: { show: false }, value: (_u, _v, _si, i) => (i == null ? '—' : fmt(totalMajor[i]! - newMajor[i]!)) },
        { label: t('reports.revenue.new'), stroke: COLORS.new, fill: COLORS.new, paths: barPaths(), points: { show: false }, value: (_u, v) => (v == null ? '—' : fmt(v)) },
      ],
    };
    return { data, options };
  }, [report, locale]); // eslint-disable-line react-hooks/exhaustive-deps

  // --- repurchase intervals: bins within the lapse threshold, and past it ---------------------
  const intervals = useMemo(() => {
    const bins = report.intervalBins;
    const within = bins.map((b) => (b.from < lapseDays ? b.count : null));
    const past = bins.map((b) => (b.from >= lapseDays ? b.count : null));
    const binWidth = bins[0]?.to !== undefined ? bins[0].to - bins[0].from + 1 : 1;
    const data: uPlot.AlignedData = [xIndex(bins.length), within, past];
    const label = (b: HistogramBin | undefined) => (b ? binLabel(b, t) : '');
    const options: ChartProps['options'] = {
      legend: { show: true, live: false },
      scales: { x: { time: false, range: (_u, min, max) => [min - 0.6, max + 0.6] }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
      axes: [axis({ values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? label(bins[i]) : '')), space: 60, grid: { show: false } }), axis({ size: 44 })],
      series: [
        { label: t('reports.intervals.days'), value: (_u, v) => (v == null ? '—' : label(bins[v])) },
        { label: t('reports.intervals.within', { days: lapseDays }), stroke: COLORS.within, fill: COLORS.within, paths: barPaths(), points: { show: false } },
        { label: t('reports.intervals.past', { days: lapseDays }), stroke: COLORS.past, fill: COLORS.past, paths: barPaths(), points: { show: false } },
      ],
      hooks: { draw: [(u) => markX(u, lapseDays / binWidth - 0.5, t('lapse.days', { days: lapseDays }))] },
    };
    return { data, options };
  }, [report, locale]); // eslint-disable-line react-hooks/exhaustive-deps

  // --- lapse curve --------------------------------------------------------------------------
  const horizon = Math.min(report.lapseCurve.days.length - 1, Math.max(180, lapseDays * 3));
  const curve = useMemo(() => {
    const days = report.lapseCurve.days.slice(0, horizon + 1);
    const notBack = report.lapseCurve.notBack.slice(0, horizon + 1).map((s) => s * 100);
    const data: uPlot.AlignedData = [days, notBack];
    const options: ChartProps['options'] = {
      legend: { show: true, live: false },
      scales: { x: { time: false }, y: { range: [0, 100] } },
      axes: [axis({ values: (_u, splits) => splits.map((d) => t('reports.curve.tick', { days: d })), space: 60 }), axis({ values: (_u, splits) => splits.map((v) => `${v}%`), size: 44 })],
      series: [
        { label: t('reports.curve.days'), value: (_u, v) => (v == null ? '—' : t('reports.curve.tick', { days: v })) },
        { label: t('reports.curve.series'), stroke: COLORS.curve, width: 2, fill: `${COLORS.curve}1f`, points: { show: false }, value: (_u, v) => (v == null ? '—' : `${v.toFixed(1)}%`) },
      ],
      hooks: { draw: [(u) => markX(u, lapseDays, t('lapse.days', { days: lapseDays }))] },
    };
    return { data, options };
  }, [report, locale]); // eslint-disable-line react-hooks/exhaustive-deps

  const last12 = months.slice(-12);
  const revenue12 = last12.reduce((a, m) => a + m.newRevenueMinor + m.returningRevenueMinor, 0);
  const returning12 = last12.reduce((a, m) => a + m.returningRevenueMinor, 0);
  const curveAtLapse = report.lapseCurve.notBack[Math.min(lapseDays, report.lapseCurve.notBack.length - 1)] ?? 1;

  useEffect(() => {
    drawn.current = 0;
  }, [report]);

  return (
    <div className="reports" data-testid="reports">
      <section className="kpis" aria-label={t('reports.kpis')}>
        <Kpi label={t('reports.kpi.members')} value={report.members.toLocaleString(locale)} note={t('reports.kpi.buyers', { count: report.buyers.toLocaleString(locale) })} />
        <Kpi
          label={t('reports.kpi.repeat')}
          value={report.buyers ? pct(report.repeatBuyers / report.buyers, locale, 1) : '—'}
          note={t('reports.kpi.repeatNote', { count: report.repeatBuyers.toLocaleString(locale) })}
        />
        <Kpi
          label={t('reports.kpi.revenue12')}
          value={money(revenue12, currency, locale)}
          note={t('reports.kpi.returningShare', { share: revenue12 ? pct(returning12 / revenue12, locale) : '—' })}
        />
        <Kpi
          label={t('reports.kpi.lapsed', { days: lapseDays })}
          value={report.lapsedMembers.toLocaleString(locale)}
          note={report.buyers ? t('reports.kpi.lapsedNote', { share: pct(report.lapsedMembers / report.buyers, locale) }) : ''}
        />
      </section>

      <div className="grid">
        <ChartCard
          t={t}
          testId="chart-tiers"
          title={t('reports.tiers.title')}
          lead={(
            <>
              {t(settings.tierLadder.window === 'lifetime' ? 'reports.tiers.leadLifetime' : 'reports.tiers.leadYearly')}{' '}
              <a href="options.html#tiers">{t('reports.tiers.change')}</a>
            </>
          )}
          onCsv={() => csv('tiers', ['reports.csv.tier', 'reports.csv.members', 'reports.csv.share'], report.byTier.map((r) => [tierName(r, t), r.count, percentCell(report.members ? r.count / report.members : 0)]))}
        >
          <BarList testId="tier-bars" locale={locale} total={report.members} rows={report.byTier.map((r) => ({ label: tierName(r, t), count: r.count, color: r.color }))} />
        </ChartCard>
        <ChartCard
          t={t}
          testId="chart-segments"
          title={t('reports.segments.title')}
          lead={t('reports.segments.lead')}
          onCsv={() => csv('segments', ['reports.csv.segment', 'reports.csv.members', 'reports.csv.share'], report.bySegment.map((r) => [t(`segment.${r.segment}` as MessageKey), r.count, percentCell(report.members ? r.count / report.members : 0)]))}
        >
          <BarList
            testId="segment-bars"
            locale={locale}
            total={report.members}
            rows={report.bySegment.filter((r) => r.count > 0).map((r) => ({ label: t(`segment.${r.segment}` as MessageKey), count: r.count, color: SEGMENT_COLORS[r.segment] ?? '#999' }))}
          />
        </ChartCard>

        <ChartCard
          t={t}
          wide
          testId="chart-revenue"
          title={t('reports.revenue.title')}
          lead={t('reports.revenue.lead', { currency }) + (report.otherCurrencyOrders ? ` ${t('reports.revenue.otherCurrency', { count: report.otherCurrencyOrders })}` : '')}
          onCsv={() =>
            csv(
              'revenue',
              ['reports.csv.month', 'reports.csv.newOrders', 'reports.csv.newRevenue', 'reports.csv.returningOrders', 'reports.csv.returningRevenue'],
              months.map(
                (m) => [m.month, m.newOrders, decimalAmount(m.newRevenueMinor, currency), m.returningOrders, decimalAmount(m.returningRevenueMinor, currency)],
              ),
            )}
        >
          <Chart testId="canvas-revenue" options={revenue.options} data={revenue.data} onDrawn={onDrawn} />
        </ChartCard>

        <ChartCard
          t={t}
          testId="chart-repeat"
          title={t('reports.repeat.title')}
          lead={t('reports.repeat.lead')}
          onCsv={() => csv('repeat-rate', ['reports.csv.month', 'reports.csv.buyers', 'reports.csv.returningBuyers', 'reports.csv.repeatRate'], months.map((m) => [m.month, m.buyers, m.returningBuyers, percentCell(m.repeatRate)]))}
        >
          <Chart testId="canvas-repeat" options={repeat.options} data={repeat.data} onDrawn={onDrawn} />
        </ChartCard>

        <ChartCard
          t={t}
          testId="chart-intervals"
          title={t('reports.intervals.title')}
          lead={
            report.lapseSuggestion
              ? t('reports.intervals.lead', { median: report.lapseSuggestion.medianDays, count: report.lapseSuggestion.intervals.toLocaleString(locale) })
              : t('lapse.notEnough')
          }
          onCsv={() => csv('repurchase-intervals', ['reports.csv.fromDays', 'reports.csv.toDays', 'reports.csv.repeatPurchases'], report.intervalBins.map((b) => [b.from, b.to ?? '', b.count]))}
        >
          <Chart testId="canvas-intervals" options={intervals.options} data={intervals.data} onDrawn={onDrawn} />
        </ChartCard>

        <ChartCard
          t={t}
          wide
          testId="chart-lapse"
          title={t('reports.curve.title')}
          lead={t('reports.curve.lead', { days: lapseDays, share: pct(curveAtLapse, locale) })}
          onCsv={() => csv('lapse-curve', ['reports.csv.daysSinceOrder', 'reports.csv.notBack'], report.lapseCurve.days.map((d, i) => [d, percentCell(report.lapseCurve.notBack[i]!)]))}
        >
          <Chart testId="canvas-lapse" options={curve.options} data={curve.data} onDrawn={onDrawn} />
        </ChartCard>

        <CategoryCard rows={report.byCategory} t={t} locale={locale} settings={settings} csv={csv} />

        <TopMembersCard top={report.top} currency={currency} t={t} locale={locale} settings={settings} csv={csv} />
      </div>
      <p className="small muted foot" data-testid="report-age">
        {updating
          ? t('reports.updating')
          : t('reports.computed', { date: dateTime(report.generatedAt, locale, settings.timeZone), members: report.members.toLocaleString(locale), ms: Math.round(computeMs ?? 0) })}
      </p>
    </div>
  );
}

type ChartProps = Parameters<typeof Chart>[0];
