// The pieces every report card is built of: the card with its CSV button, a list of bars, a key figure.
import type { ReactNode } from 'react';
import type { CsvCell } from '@/lib/export/report-csv';
import type { MessageKey, Translate, UiLocale } from '@/lib/i18n';

/** Saves one card's numbers as CSV: the file's topic, its header (catalogue keys) and rows. */
export type CardCsv = (what: string, header: MessageKey[], rows: CsvCell[][]) => void;

export function monthName(month: string, locale: UiLocale, long = false): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'short', year: long ? 'numeric' : '2-digit', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, 1));
}

export const pct = (share: number, locale: UiLocale, digits = 0) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(share);

export function ChartCard({ title, lead, children, onCsv, t, testId, wide }: {
  title: string;
  lead?: ReactNode;
  children: ReactNode;
  onCsv(): void;
  t: Translate;
  testId: string;
  wide?: boolean;
}) {
  return (
    <section className={wide ? 'card wide' : 'card'} data-testid={testId} aria-label={title}>
      <header>
        <div>
          <h2>{title}</h2>
          {lead && <p className="lead">{lead}</p>}
        </div>
        <button type="button" className="csv" onClick={onCsv} data-testid="csv">
          {t('reports.csv')}
        </button>
      </header>
      {children}
    </section>
  );
}

export function BarList({ rows, total, locale, testId }: {
  rows: { label: string; count: number; color: string }[];
  total: number;
  locale: UiLocale;
  testId: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <ul className="bar-list" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.label}>
          <span className="bar-label">
            <span className="dot" style={{ background: r.color }} aria-hidden="true" />
            {r.label}
          </span>
          <span className="bar-track" aria-hidden="true">
            <span style={{ width: `${(r.count / max) * 100}%`, background: r.color }} />
          </span>
          <span className="bar-value">
            {r.count.toLocaleString(locale)} <span className="muted">{total ? pct(r.count / total, locale, r.count / total < 0.1 ? 1 : 0) : ''}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function Kpi({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className="kpi">
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      <div className="kpi-note">{note}</div>
    </div>
  );
}
