// What the canvas charts share: their colours, bars, and a labelled mark on the x axis (the lapse threshold).
import uPlot from 'uplot';

export const COLORS = { new: '#5b8def', returning: '#0e9f7e', rate: '#0e9f7e', within: '#0e9f7e', past: '#f59e0b', curve: '#7c5cd6', mark: '#e5484d' };

let barsBuilder: uPlot.Series.PathBuilder | undefined;
/** Bars for a uPlot series (one builder for every chart). */
export function barPaths(): uPlot.Series.PathBuilder {
  if (!barsBuilder) barsBuilder = uPlot.paths.bars!({ size: [0.7, 48], gap: 2 });
  return barsBuilder;
}

/** A dashed vertical line with a label at x (in the x scale's units), over the plot. */
export function markX(u: uPlot, x: number, label: string): void {
  const ctx = u.ctx;
  const px = u.valToPos(x, 'x', true);
  if (!Number.isFinite(px) || px < u.bbox.left || px > u.bbox.left + u.bbox.width) return;
  const dpr = devicePixelRatio || 1;
  ctx.save();
  ctx.strokeStyle = COLORS.mark;
  ctx.lineWidth = 1.5 * dpr;
  ctx.setLineDash([4 * dpr, 3 * dpr]);
  ctx.beginPath();
  ctx.moveTo(px, u.bbox.top);
  ctx.lineTo(px, u.bbox.top + u.bbox.height);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = COLORS.mark;
  ctx.font = `${11 * dpr}px system-ui, sans-serif`;
  const right = px + 4 * dpr + ctx.measureText(label).width > u.bbox.left + u.bbox.width;
  ctx.textAlign = right ? 'right' : 'left';
  ctx.fillText(label, px + (right ? -4 : 4) * dpr, u.bbox.top + 12 * dpr);
  ctx.restore();
}
