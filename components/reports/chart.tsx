// A uPlot chart in React: made once per options/data, sized to its box, told when it has drawn.
// Only extension pages import this (uPlot stays out of the content script).
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartProps {
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height?: number;
  /** Called after the first draw (the page counts drawn charts to say it is ready). */
  onDrawn?: () => void;
  testId?: string;
}

export function Chart({ options, data, height = 220, onDrawn, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let drawn = false;
    const draw = () => {
      if (drawn) return;
      drawn = true;
      onDrawn?.();
    };
    const hooks = { ...options.hooks, draw: [...(options.hooks?.draw ?? []), draw] };
    const plot = new uPlot({ ...options, hooks, width: Math.max(280, el.clientWidth), height }, data, el);
    const resize = new ResizeObserver(() => {
      const width = Math.max(280, el.clientWidth);
      if (width !== plot.width) plot.setSize({ width, height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [options, data, height]); // eslint-disable-line react-hooks/exhaustive-deps
  return <div ref={box} className="chart" data-testid={testId} />;
}

/** A CSS custom property of the page (theme.css), for canvas colours that follow light and dark. */
export function themeColor(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}
