/** A uPlot chart (row sparkline, trend or rank in the details), created when it nears the viewport. */
import { Component, createRef } from 'preact';
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

/** Mounted charts, redrawn with the page's new colours when the colour scheme changes. */
const mounted = new Set<TrendChart>();
globalThis
  .matchMedia?.('(prefers-color-scheme: dark)')
  .addEventListener('change', () => mounted.forEach((chart) => chart.redraw()));

/**
 * A class rather than hooks: its unmount is synchronous (Preact 11 defers effect cleanups), and the
 * popup does without preact/hooks (1 KB gzip of its 45 KB budget).
 */
export class TrendChart extends Component<TrendChartProps> {
  private box = createRef<HTMLDivElement>();
  private tip = createRef<HTMLDivElement>();
  private chart: uPlot | null = null;
  private cancel: (() => void) | null = null;

  componentDidMount() {
    mounted.add(this);
    this.draw();
  }

  componentDidUpdate(previous: TrendChartProps) {
    if (previous.points !== this.props.points || previous.kind !== this.props.kind) this.redraw();
  }

  componentWillUnmount() {
    mounted.delete(this);
    this.clear();
  }

  redraw() {
    this.clear();
    this.draw();
  }

  private draw() {
    const { points, kind } = this.props;
    const el = this.box.current;
    const tip = this.tip.current;
    if (!el || !tip || points.length === 0) return;
    this.cancel = whenVisible(el, () => {
      this.chart = drawChart(el, tip, points, kind);
    });
  }

  private clear() {
    this.cancel?.();
    this.chart?.destroy();
    this.cancel = this.chart = null;
  }

  render({ points, kind, label }: TrendChartProps) {
    return (
      <div
        ref={this.box}
        class={`chart ${kind}`}
        role="img"
        aria-label={`${label}: ${chartSummary(points, kind)}`}
      >
        <div ref={this.tip} class="tip" hidden aria-hidden="true" />
        {points.length === 0 && <span aria-hidden="true">–</span>}
      </div>
    );
  }
}
