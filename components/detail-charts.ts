/**
 * An expanded row's charts: the trend with dates, and the rank over the days of the local history
 * (1 at the top). Loaded with the row's details, on the first expand. They take the width of their
 * box, and follow it (a side panel can be resized) through one ResizeObserver for all of them.
 */
import uPlot from 'uplot';
import { formatDay } from '../lib/format';
import type { TrendPoint } from '../lib/trending/types';
import { chartBase, chartColors, columns, share, type ChartKind } from './charts';

const DAY = 86_400;
const MIN_WIDTH = 200;

/** A local day `YYYY-MM-DD` as Unix seconds at its local midnight (where the axis puts its label). */
export function dayToTime(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).getTime() / 1000;
}

const followed = new Map<Element, uPlot>();
let observer: ResizeObserver | null = null;

function onResize(entries: ResizeObserverEntry[]) {
  for (const entry of entries) {
    const chart = followed.get(entry.target);
    const width = Math.max(MIN_WIDTH, Math.round(entry.contentRect.width));
    if (chart && chart.width !== width) chart.setSize({ width, height: chart.height });
  }
}

/** Resizes `chart` with `el` until the chart is destroyed. */
function follow(el: Element, chart: uPlot): void {
  observer ??= typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onResize);
  if (!observer) return;
  followed.set(el, chart);
  observer.observe(el);
}

/** uPlot's `destroy` hook (its root is already out of the box by then). */
function unfollow(chart: uPlot): void {
  for (const [el, followedChart] of followed) {
    if (followedChart !== chart) continue;
    followed.delete(el);
    observer?.unobserve(el);
  }
}

function draw(el: HTMLElement, points: TrendPoint[], kind: Exclude<ChartKind, 'spark'>): uPlot {
  const { line, fill, axis, grid } = chartColors();
  const rank = kind === 'rank';
  const axisStyle = {
    stroke: axis,
    grid: { stroke: grid, width: 1 },
    ticks: { show: false },
    font: '11px system-ui, sans-serif',
  };
  const base = chartBase(kind, 7, true);
  const chart = new uPlot(
    {
      ...base,
      width: Math.max(MIN_WIDTH, el.clientWidth),
      height: rank ? 110 : 130,
      padding: [8, 18, 0, 0],
      scales: {
        x: { time: true },
        // Rank 1 is best: drawn at the top.
        y: rank
          ? { dir: -1, range: (_u, min, max) => [Math.max(1, min - 1), max + 1] }
          : { range: [0, 1.05] },
      },
      axes: [
        {
          ...axisStyle,
          size: 30,
          space: 56,
          // Whole days only: points are one a day.
          incrs: [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY],
          values: (_u, splits) => splits.map(formatDay),
        },
        {
          ...axisStyle,
          size: 40,
          ...(rank
            ? { incrs: [1, 2, 5, 10, 20, 50], values: (_u, s) => s.map((v) => `#${v}`) }
            : { splits: () => [0, 0.5, 1], values: (_u, s) => s.map(share) }),
        },
      ],
      series: [
        {},
        { stroke: line, width: 2, fill: rank ? undefined : fill, points: { show: rank } },
      ],
      hooks: { ...base.hooks, destroy: [unfollow] },
    },
    columns(points),
    el,
  );
  follow(el, chart);
  return chart;
}

export const drawDetail = (el: HTMLElement, points: TrendPoint[]) => draw(el, points, 'detail');
export const drawRank = (el: HTMLElement, points: TrendPoint[]) => draw(el, points, 'rank');
