// A small histogram of repurchase intervals with the lapse threshold marked: plain SVG, so the
// options page needs no chart library for it.
import type { HistogramBin } from '@/lib/domain/suggest';
import type { Translate } from '@/lib/i18n';

export function binLabel(bin: HistogramBin, t: Translate): string {
  if (bin.to === undefined) return t('lapse.bin.open', { from: bin.from });
  return bin.from === bin.to ? t('lapse.bin.one', { days: bin.from }) : t('lapse.bin', { from: bin.from, to: bin.to });
}

export function IntervalBars({ bins, markDays, t, width = 320, height = 120, label }: {
  bins: HistogramBin[];
  markDays: number;
  t: Translate;
  width?: number;
  height?: number;
  label?: string;
}) {
  const caption = label ?? t('lapse.histogram');
  const max = Math.max(1, ...bins.map((b) => b.count));
  const pad = { top: 14, bottom: 18 };
  const inner = height - pad.top - pad.bottom;
  const slot = width / Math.max(1, bins.length);
  // The marker sits where markDays falls inside its bin (bins are equal width but the open last one).
  const binWidth = bins[0] && bins[0].to !== undefined ? bins[0].to - bins[0].from + 1 : 1;
  const markAt = Math.min(bins.length, markDays / binWidth) * slot;
  const last = bins[bins.length - 1];
  return (
    <figure className="interval-bars" data-testid="lapse-histogram">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={caption}>
        {bins.map((b, i) => {
          const h = (b.count / max) * inner;
          const over = b.from >= markDays;
          return (
            <rect key={b.from} x={i * slot + 1} y={pad.top + inner - h} width={Math.max(1, slot - 2)} height={h} rx={2} className={over ? 'bar over' : 'bar'}>
              <title>{`${binLabel(b, t)}: ${b.count}`}</title>
            </rect>
          );
        })}
        <line x1={markAt} x2={markAt} y1={4} y2={pad.top + inner} className="mark" />
        <text x={Math.min(width - 4, markAt + 4)} y={11} className="mark-label" textAnchor={markAt > width - 60 ? 'end' : 'start'}>
          {t('lapse.days', { days: markDays })}
        </text>
        <text x={0} y={height - 4} className="axis">
          0
        </text>
        {last && (
          <text x={width} y={height - 4} className="axis" textAnchor="end">
            {binLabel(last, t)}
          </text>
        )}
      </svg>
      <figcaption className="small muted">{caption}</figcaption>
    </figure>
  );
}
