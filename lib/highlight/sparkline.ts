/**
 * A sparkline as one SVG path. The hover card draws its trend with this instead of uPlot: uPlot
 * alone is ~21 KB gzipped, nearly twice the content script's 12 KB budget (measured in bench/).
 */

/** The `d` of a polyline through `values`, scaled into `width` × `height` with `pad` px margin. */
export function sparklinePath(
  values: readonly number[],
  width: number,
  height: number,
  pad = 2,
): string {
  const points = values.filter((v) => Number.isFinite(v));
  if (points.length === 0) return '';
  const min = Math.min(...points);
  const max = Math.max(...points);
  const span = max - min || 1;
  const stepX = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return points
    .map((v, i) => {
      const x = points.length > 1 ? pad + i * stepX : width / 2;
      // A flat series sits in the middle rather than on the floor.
      const y = max === min ? height / 2 : height - pad - ((v - min) / span) * (height - 2 * pad);
      return `${i === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`;
    })
    .join(' ');
}
