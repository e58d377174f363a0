/** A uPlot trend chart (row sparkline or detail chart), created when it nears the viewport. */
import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import type { TrendPoint } from '../lib/trending/types';
import { drawTrend, trendSummary, type ChartKind } from './charts';
import { useDarkScheme } from './useStore';
import { whenVisible } from './visibility';

export interface TrendChartProps {
  trend: TrendPoint[];
  kind: ChartKind;
  /** Spoken before the summary: "#name". */
  label: string;
}

export function TrendChart({ trend, kind, label }: TrendChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const dark = useDarkScheme();

  useEffect(() => {
    const el = box.current;
    if (!el || !tip.current || trend.length === 0) return;
    let chart: uPlot | null = null;
    const cancel = whenVisible(el, () => {
      chart = drawTrend(el, tip.current!, trend, kind);
    });
    return () => {
      cancel();
      chart?.destroy();
    };
  }, [trend, kind, dark]);

  return (
    <div
      ref={box}
      class={kind === 'spark' ? 'chart spark' : 'chart detail'}
      role="img"
      aria-label={`${label}: ${trendSummary(trend)}`}
    >
      <div ref={tip} class="tip" hidden aria-hidden="true" />
      {trend.length === 0 && (
        <span class="no-trend" aria-hidden="true">
          –
        </span>
      )}
    </div>
  );
}
