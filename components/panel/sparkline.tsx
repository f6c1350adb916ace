/** A tiny bar chart of spend per month; the numbers are in the title for screen readers and hover. */
export function Sparkline({ values, label, format }: { values: readonly number[]; label: string; format(v: number): string }) {
  const max = Math.max(1, ...values);
  const w = 120;
  const h = 28;
  const bar = w / values.length;
  return (
    <svg className="spark" width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${label}: ${values.map(format).join(', ')}`}>
      <title>{label}</title>
      {values.map((v, i) => {
        const bh = v === 0 ? 1 : Math.max(2, (v / max) * (h - 2));
        return <rect key={i} x={i * bar + 1} y={h - bh} width={bar - 2} height={bh} rx={1} className={v ? 'on' : 'off'} />;
      })}
    </svg>
  );
}
