/** A sparkline of ranks (1 at the top) in a row's 72 × 28 box: the Watching view's rank history. */
import uPlot from 'uplot';
import { chartBase, chartColors, columns } from '../../components/charts';
import type { TrendPoint } from '../../lib/trending/types';

export function drawRankSpark(el: HTMLElement, points: TrendPoint[]): uPlot {
  const { line } = chartColors();
  return new uPlot(
    {
      ...chartBase('rank', 5, false),
      width: 72,
      height: 28,
      padding: [4, 3, 4, 3],
      scales: {
        x: { time: false },
        y: { dir: -1, range: (_u, min, max) => [Math.max(1, min - 1), max + 1] },
      },
      axes: [{ show: false }, { show: false }],
      series: [{}, { stroke: line, width: 1.5, points: { show: points.length < 3 } }],
    },
    columns(points),
    el,
  );
}
