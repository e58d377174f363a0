/**
 * The charts, drawn with uPlot: a bare sparkline per row, and in a row's details the trend with
 * dates and the rank over the days of the local history. Colours come from the page's CSS
 * variables, so they follow the colour scheme.
 */
import uPlot from 'uplot';
import { formatDay } from '../lib/format';
import { t } from '../lib/i18n';
import type { TrendPoint } from '../lib/trending/types';

/** `spark`: a row's trend; `detail`: the trend with dates; `rank`: rank by day (1 at the top). */
export type ChartKind = 'spark' | 'detail' | 'rank';

function cssVar(el: Element, name: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim();
}

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
/** A trend value (share of the peak, 0…1) as "96%", in the browser's locale. */
const share = (value: number) => percent.format(Math.round(value * 100) / 100);

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

const DAY = 86_400;

/** A local day `YYYY-MM-DD` as Unix seconds at its local midnight (where the axis puts its label). */
export function dayToTime(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).getTime() / 1000;
}

/** Keeps a flat line in view and gives the curve a little air. */
function padRange(_u: uPlot, min: number, max: number): uPlot.Range.MinMax {
  const pad = Math.max((max - min) * 0.1, 0.05);
  return [min - pad, max + pad];
}

/**
 * Draws `points` into `el` (empty apart from `tip`, the hover label) and returns the chart; the
 * caller destroys it.
 */
export function drawChart(
  el: HTMLElement,
  tip: HTMLElement,
  points: TrendPoint[],
  kind: ChartKind,
): uPlot {
  const line = cssVar(el, '--chart-line');
  const spark = kind === 'spark';
  const rank = kind === 'rank';
  const axisStyle = {
    stroke: cssVar(el, '--chart-axis'),
    grid: { stroke: cssVar(el, '--chart-grid'), width: 1 },
    ticks: { show: false },
    font: '11px system-ui, sans-serif',
  };

  const showTip = (u: uPlot) => {
    const point = points[u.cursor.idx ?? -1];
    tip.hidden = !point;
    if (!point) return;
    tip.textContent = pointText(point, kind);
    const x = u.valToPos(point.time, 'x');
    tip.style.left = `${Math.round(u.over.offsetLeft + x)}px`;
    tip.classList.toggle('tip-left', x > u.over.clientWidth / 2);
  };

  return new uPlot(
    {
      width: spark ? 72 : Math.max(200, el.clientWidth),
      height: spark ? 28 : rank ? 110 : 130,
      pxAlign: false,
      padding: spark ? [3, 2, 3, 2] : [8, 18, 0, 0],
      legend: { show: false },
      cursor: {
        x: !spark,
        y: false,
        points: { size: spark ? 5 : 7, fill: line },
        drag: { x: false, y: false, setScale: false },
      },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        x: { time: !spark },
        // Rank 1 is best: drawn at the top.
        y: rank
          ? { dir: -1, range: (_u, min, max) => [Math.max(1, min - 1), max + 1] }
          : spark
            ? { range: padRange }
            : { range: [0, 1.05] },
      },
      axes: spark
        ? [{ show: false }, { show: false }]
        : [
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
                : {
                    splits: () => [0, 0.5, 1],
                    values: (_u, s) => s.map(share),
                  }),
            },
          ],
      series: [
        {},
        {
          stroke: line,
          width: spark ? 1.5 : 2,
          fill: rank ? undefined : cssVar(el, '--chart-fill'),
          points: { show: rank },
        },
      ],
      hooks: { setCursor: [showTip] },
    },
    [points.map((p) => p.time), points.map((p) => p.value)],
    el,
  );
}
