/**
 * A uPlot chart in a box that reserves its size (style.css), drawn as soon as it is mounted: a row's
 * sparkline is in the same frame as its row. The chart itself is made by `draw` (`drawSpark` for the
 * rows; the details' charts come from detail-charts.ts, loaded on expand).
 */
import { Component, createRef } from 'preact';
import type uPlot from 'uplot';
import type { TrendPoint } from '../lib/trending/types';
import { chartSummary, forgetColors, type ChartKind } from './charts';

export interface TrendChartProps {
  points: TrendPoint[];
  /** The box's size (`.chart.spark` …) and how the summary speaks of the points. */
  kind: ChartKind;
  /** Spoken before the summary: "#name". */
  label: string;
  /** Draws the chart into the box and returns it (destroyed on unmount or new points). */
  draw: (el: HTMLElement, points: TrendPoint[]) => uPlot;
}

/** Mounted charts, redrawn with the page's new colours when the colour scheme changes. */
const mounted = new Set<TrendChart>();
globalThis.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => {
  forgetColors();
  mounted.forEach((chart) => chart.redraw());
});

/**
 * A class rather than hooks: its unmount is synchronous (Preact 11 defers effect cleanups), and the
 * popup does without preact/hooks (1 KB gzip of its 45 KB budget).
 */
export class TrendChart extends Component<TrendChartProps> {
  private box = createRef<HTMLDivElement>();
  private chart: uPlot | null = null;

  componentDidMount() {
    mounted.add(this);
    this.draw();
  }

  /** A newer list keeps the very points objects of unchanged rows (merge.ts): nothing to do. */
  shouldComponentUpdate(next: TrendChartProps) {
    const now = this.props;
    return (
      next.points !== now.points ||
      next.kind !== now.kind ||
      next.label !== now.label ||
      next.draw !== now.draw
    );
  }

  componentDidUpdate(previous: TrendChartProps) {
    if (previous.points !== this.props.points || previous.draw !== this.props.draw) this.redraw();
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
    const { points, draw } = this.props;
    const el = this.box.current;
    if (el && points.length > 0) this.chart = draw(el, points);
  }

  private clear() {
    this.chart?.destroy();
    this.chart = null;
  }

  render({ points, kind, label }: TrendChartProps) {
    return (
      <div
        ref={this.box}
        class={`chart ${kind}`}
        role="img"
        aria-label={`${label}: ${chartSummary(points, kind)}`}
      >
        {points.length === 0 && <span aria-hidden="true">–</span>}
      </div>
    );
  }
}
