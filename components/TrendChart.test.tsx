// @vitest-environment happy-dom
import { render } from 'preact';
import type uPlot from 'uplot';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrendPoint } from '../lib/trending/types';
import { TrendChart } from './TrendChart';

const destroy = vi.fn();
const draw = vi.fn((_el: HTMLElement, _points: TrendPoint[]) => ({ destroy }) as unknown as uPlot);
const points = [
  { time: 1, value: 0.5 },
  { time: 2, value: 1 },
];

describe('TrendChart', () => {
  let root: HTMLElement;

  beforeEach(() => {
    draw.mockClear();
    destroy.mockClear();
    root = document.body.appendChild(document.createElement('div'));
  });

  it('draws into its box as it mounts (same frame as its row), and destroys the chart on unmount', () => {
    render(<TrendChart points={points} kind="spark" label="#a" draw={draw} />, root);
    // Synchronously: no wait for visibility or a later frame.
    expect(draw).toHaveBeenCalledTimes(1);
    const box = root.querySelector('[role="img"]')!;
    expect(draw.mock.calls[0]![0]).toBe(box);
    expect(box.className).toBe('chart spark');
    expect(box.getAttribute('aria-label')).toBe('#a: Trend over 2 days, from 50% to 100% of peak');
    render(null, root);
    // Synchronously: a class's unmount is not deferred like an effect cleanup in Preact 11.
    expect(destroy).toHaveBeenCalledTimes(1);
  });

  it('draws again for new points, and not at all for the same points', () => {
    render(<TrendChart points={points} kind="spark" label="#a" draw={draw} />, root);
    render(<TrendChart points={points} kind="spark" label="#a" draw={draw} />, root);
    expect(draw).toHaveBeenCalledTimes(1);
    expect(destroy).not.toHaveBeenCalled();
    render(<TrendChart points={[...points]} kind="spark" label="#a" draw={draw} />, root);
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(draw).toHaveBeenCalledTimes(2);
  });

  it('draws nothing without points', () => {
    render(<TrendChart points={[]} kind="spark" label="#a" draw={draw} />, root);
    expect(draw).not.toHaveBeenCalled();
    expect(root.textContent).toBe('–');
  });
});
