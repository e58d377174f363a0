// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const destroy = vi.fn();
const draw = vi.fn(function () {
  return { destroy };
});
const cancel = vi.fn();
let visible: (() => void) | null = null;

vi.mock('./charts', async (original) => ({
  ...(await original<typeof import('./charts')>()),
  drawChart: draw,
}));
vi.mock('./visibility', () => ({
  whenVisible: (_el: Element, run: () => void) => {
    visible = run;
    return cancel;
  },
}));

const { TrendChart } = await import('./TrendChart');
const points = [
  { time: 1, value: 0.5 },
  { time: 2, value: 1 },
];
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('TrendChart', () => {
  beforeEach(() => {
    draw.mockClear();
    destroy.mockClear();
    cancel.mockClear();
    visible = null;
    document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'root' }));
  });

  it('draws only once visible, and destroys the chart on unmount', async () => {
    const root = document.getElementById('root')!;
    render(<TrendChart points={points} kind="spark" label="#a" />, root);
    await settle();
    expect(draw).not.toHaveBeenCalled();
    visible!();
    expect(draw).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[role="img"]')!.getAttribute('aria-label')).toBe(
      '#a: Trend over 2 days, from 50% to 100% of peak',
    );
    render(null, root);
    // Preact 11 runs effect cleanups after the unmount, not during it.
    await settle();
    expect(cancel).toHaveBeenCalled();
    expect(destroy).toHaveBeenCalledTimes(1);
  });

  it('never draws for a row that left before it became visible', async () => {
    const root = document.getElementById('root')!;
    render(<TrendChart points={points} kind="spark" label="#a" />, root);
    await settle();
    const run = visible!;
    render(null, root);
    // The observer may report before Preact's deferred cleanup has cancelled the request.
    run();
    expect(draw).not.toHaveBeenCalled();
    await settle();
    run();
    expect(draw).not.toHaveBeenCalled();
  });

  it('draws nothing without points', async () => {
    const root = document.getElementById('root')!;
    render(<TrendChart points={[]} kind="spark" label="#a" />, root);
    await settle();
    expect(visible).toBeNull();
    expect(root.textContent).toBe('–');
  });
});
