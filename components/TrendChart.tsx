/** A uPlot chart (row sparkline, trend or rank in the details), created when it nears the viewport. */
import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import type { TrendPoint } from '../lib/trending/types';
import { chartSummary, drawChart, type ChartKind } from './charts';
import { whenVisible } from './visibility';

export interface TrendChartProps {
  points: TrendPoint[];
  kind: ChartKind;
  /** Spoken before the summary: "#name". */
  label: string;
}

export function TrendChart({ points, kind, label }: TrendChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const tip = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    const label = tip.current;
    if (!el || !label || points.length === 0) return;
    let chart: uPlot | null = null;
    let live = true;
    const cancel = whenVisible(el, () => {
      // A row can leave (search, filters) between the observer's report and this call.
      if (live && el.isConnected) chart = drawChart(el, label, points, kind);
    });
    return () => {
      live = false;
      cancel();
      chart?.destroy();
    };
  }, [points, kind]);

  return (
    <div
      ref={box}
      class={`chart ${kind}`}
      role="img"
      aria-label={`${label}: ${chartSummary(points, kind)}`}
    >
      <div ref={tip} class="tip" hidden aria-hidden="true" />
      {points.length === 0 && <span aria-hidden="true">–</span>}
    </div>
  );
}
