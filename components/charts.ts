/**
 * The trend charts, drawn with uPlot: a bare sparkline per row and a larger chart with dates in a
 * row's details. Colours come from the page's CSS variables, so both follow the colour scheme.
 */
import uPlot from 'uplot';
import { formatDay } from '../lib/format';
import type { TrendPoint } from '../lib/trending/types';

export type ChartKind = 'spark' | 'detail';

function cssVar(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

/** "Nov 26 · 96% of peak": the hover text for one point. */
export function pointText(point: TrendPoint): string {
  return `${formatDay(point.time)} · ${Math.round(point.value * 100)}% of peak`;
}

/** A spoken summary of a trend for screen readers: "Trend over 7 days, 45% to 100% of peak". */
export function trendSummary(trend: TrendPoint[]): string {
  if (trend.length === 0) return 'No trend data';
  const first = Math.round(trend[0].value * 100);
  const last = Math.round(trend[trend.length - 1].value * 100);
  return `Trend over ${trend.length} days, from ${first}% to ${last}% of peak`;
}

/** Keeps a flat line in view and gives the curve a little air. */
function sparkRange(_u: uPlot, min: number, max: number): uPlot.Range.MinMax {
  const pad = Math.max((max - min) * 0.1, 0.05);
  return [min - pad, max + pad];
}

/**
 * Draws `trend` into `el` (which must be empty apart from `tip`, the hover label) and returns the
 * chart; the caller destroys it.
 */
export function drawTrend(
  el: HTMLElement,
  tip: HTMLElement,
  trend: TrendPoint[],
  kind: ChartKind,
): uPlot {
  const line = cssVar(el, '--chart-line', '#0b7285');
  const fill = cssVar(el, '--chart-fill', 'rgba(11,114,133,0.15)');
  const detail = kind === 'detail';
  const axis = cssVar(el, '--chart-axis', '#5b5b66');
  const grid = cssVar(el, '--chart-grid', 'rgba(0,0,0,0.08)');
  const data: uPlot.AlignedData = [trend.map((p) => p.time), trend.map((p) => p.value)];

  const showTip = (u: uPlot) => {
    const i = u.cursor.idx;
    if (i === null || i === undefined || !trend[i]) {
      tip.hidden = true;
      return;
    }
    tip.textContent = pointText(trend[i]);
    tip.hidden = false;
    const x = u.valToPos(trend[i].time, 'x');
    const width = u.over.clientWidth;
    tip.style.left = `${Math.round(u.over.offsetLeft + x)}px`;
    tip.classList.toggle('tip-left', x > width / 2);
  };

  const axisStyle = {
    stroke: axis,
    grid: { stroke: grid, width: 1 },
    ticks: { show: false },
    font: '11px system-ui, sans-serif',
  };

  return new uPlot(
    {
      width: detail ? Math.max(200, el.clientWidth || 340) : 72,
      height: detail ? 140 : 28,
      pxAlign: false,
      padding: detail ? [8, 18, 0, 0] : [3, 2, 3, 2],
      legend: { show: false },
      cursor: {
        x: detail,
        y: false,
        points: { size: detail ? 7 : 5, fill: line },
        drag: { x: false, y: false, setScale: false },
      },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        x: { time: detail },
        y: detail ? { range: [0, 1.05] } : { range: sparkRange },
      },
      axes: detail
        ? [
            {
              ...axisStyle,
              space: 56,
              values: (_u, splits) => splits.map(formatDay),
            },
            {
              ...axisStyle,
              size: 40,
              splits: () => [0, 0.5, 1],
              values: (_u, splits) => splits.map((v) => `${Math.round(v * 100)}%`),
            },
          ]
        : [{ show: false }, { show: false }],
      series: [{}, { stroke: line, width: detail ? 2 : 1.5, fill, points: { show: false } }],
      hooks: { setCursor: [showTip] },
    },
    data,
    el,
  );
}
