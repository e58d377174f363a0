/**
 * The charts, drawn with uPlot: here the bare sparkline of every row, which the list draws up front,
 * and what all charts share (colours, the hover label, texts); the trend with dates and the rank
 * chart of an expanded row are in detail-charts.ts, loaded on the first expand. Colours come from
 * the page's CSS variables, read once per colour scheme; the sparklines share one options object.
 */
import uPlot from 'uplot';
import { formatDay } from '../lib/format';
import { t } from '../lib/i18n';
import type { TrendPoint } from '../lib/trending/types';

/** `spark`: a row's trend; `detail`: the trend with dates; `rank`: rank by day (1 at the top). */
export type ChartKind = 'spark' | 'detail' | 'rank';

export interface ChartColors {
  line: string;
  fill: string;
  axis: string;
  grid: string;
}

let colors: ChartColors | null = null;
let sparkOptions: uPlot.Options | null = null;

/** The chart colours of the page's colour scheme: one style read for all charts. */
export function chartColors(): ChartColors {
  if (!colors) {
    const style = getComputedStyle(document.documentElement);
    const read = (name: string) => style.getPropertyValue(name).trim();
    colors = {
      line: read('--chart-line'),
      fill: read('--chart-fill'),
      axis: read('--chart-axis'),
      grid: read('--chart-grid'),
    };
  }
  return colors;
}

/** The colour scheme changed: colours (and the options made from them) are read anew. */
export function forgetColors(): void {
  colors = null;
  sparkOptions = null;
}

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
/** A trend value (share of the peak, 0…1) as "96%", in the browser's locale. */
export const share = (value: number) => percent.format(Math.round(value * 100) / 100);

/** "Nov 26 · 96% of peak" or, for ranks, "Nov 26 · #4": the hover text for one point. */
export function pointText(point: TrendPoint, kind: ChartKind = 'spark'): string {
  const value = kind === 'rank' ? `#${point.value}` : t('ofPeak', share(point.value));
  return `${formatDay(point.time)} · ${value}`;
}

/** A spoken summary for screen readers: "Trend over 7 days, from 45% to 100% of peak". */
export function chartSummary(points: TrendPoint[], kind: ChartKind = 'spark'): string {
  if (points.length === 0) return t('noTrendData');
  const [first, last] = [points[0], points[points.length - 1]].map((p) =>
    kind === 'rank' ? `#${p.value}` : share(p.value),
  );
  return t(kind === 'rank' ? 'rankChartSummary' : 'trendChartSummary', points.length, first, last);
}

/** The one hover label of the page, moved into whichever chart the pointer is over. */
let tip: HTMLDivElement | null = null;

/** uPlot's `setCursor` hook for a chart of `kind`: shows the point under the pointer, or hides. */
export function hoverLabel(kind: ChartKind) {
  return (u: uPlot) => {
    const box = u.root.parentElement;
    const i = u.cursor.idx;
    const time = i == null ? undefined : u.data[0][i];
    const value = i == null ? undefined : u.data[1]?.[i];
    if (!tip) {
      tip = document.createElement('div');
      tip.className = 'tip';
      tip.setAttribute('aria-hidden', 'true');
    }
    if (!box || time === undefined || value == null) {
      if (tip.parentElement === box) tip.hidden = true;
      return;
    }
    if (tip.parentElement !== box) box.append(tip);
    tip.hidden = false;
    tip.textContent = pointText({ time, value }, kind);
    const x = u.valToPos(time, 'x');
    tip.style.left = `${Math.round(u.over.offsetLeft + x)}px`;
    tip.classList.toggle('tip-left', x > u.over.clientWidth / 2);
  };
}

/** Keeps a flat line in view and gives the curve a little air. */
function padRange(_u: uPlot, min: number, max: number): uPlot.Range.MinMax {
  const pad = Math.max((max - min) * 0.1, 0.05);
  return [min - pad, max + pad];
}

/**
 * What every chart here shares: no legend, no selection or drag, and on hover a point of
 * `pointSize` (with a vertical rule where `rule`) and the page's one hover label.
 */
export function chartBase(
  kind: ChartKind,
  pointSize: number,
  rule: boolean,
): Pick<uPlot.Options, 'pxAlign' | 'legend' | 'cursor' | 'select' | 'hooks'> {
  return {
    pxAlign: false,
    legend: { show: false },
    cursor: {
      x: rule,
      y: false,
      points: { size: pointSize, fill: chartColors().line },
      drag: { x: false, y: false, setScale: false },
    },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    hooks: { setCursor: [hoverLabel(kind)] },
  };
}

/** For a chart without dates: uPlot compiles its date formats for every chart unless given this. */
const noDates = () => () => '';

/**
 * What every sparkline shares: the size its box reserves (72 × 28, style.css), no axes, no
 * legend, no date formats.
 */
function sparkline(): uPlot.Options {
  const { line, fill } = chartColors();
  return {
    ...chartBase('spark', 5, false),
    width: 72,
    height: 28,
    fmtDate: noDates,
    padding: [3, 2, 3, 2],
    scales: { x: { time: false }, y: { range: padRange } },
    axes: [{ show: false }, { show: false }],
    series: [{}, { stroke: line, width: 1.5, fill, points: { show: false } }],
  };
}

/** `points` as uPlot's columns: times, values. */
export const columns = (points: TrendPoint[]): uPlot.AlignedData => [
  points.map((p) => p.time),
  points.map((p) => p.value),
];

/** Draws a row's sparkline into `el` (its reserved box) and returns it; the caller destroys it. */
export function drawSpark(el: HTMLElement, points: TrendPoint[]): uPlot {
  sparkOptions ??= sparkline();
  return new uPlot(sparkOptions, columns(points), el);
}
