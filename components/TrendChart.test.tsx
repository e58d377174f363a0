// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const destroy = vi.fn();
const draw = vi.fn(function () {
  return { destroy };
});
let visible: (() => void) | null = null;
const cancel = vi.fn(() => {
  visible = null;
});

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
    // Synchronously: a class's unmount is not deferred like an effect cleanup in Preact 11.
    expect(cancel).toHaveBeenCalled();
    expect(destroy).toHaveBeenCalledTimes(1);
  });

  it('cancels the wait when a row leaves before it became visible', async () => {
    const root = document.getElementById('root')!;
    render(<TrendChart points={points} kind="spark" label="#a" />, root);
    await settle();
    expect(visible).not.toBeNull();
    render(null, root);
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(visible).toBeNull();
    expect(draw).not.toHaveBeenCalled();
  });

  it('draws again when the points change', async () => {
    const root = document.getElementById('root')!;
    render(<TrendChart points={points} kind="spark" label="#a" />, root);
    visible!();
    render(<TrendChart points={[...points]} kind="spark" label="#a" />, root);
    expect(destroy).toHaveBeenCalledTimes(1);
    visible!();
    expect(draw).toHaveBeenCalledTimes(2);
  });

  it('draws nothing without points', async () => {
    const root = document.getElementById('root')!;
    render(<TrendChart points={[]} kind="spark" label="#a" />, root);
    await settle();
    expect(visible).toBeNull();
    expect(root.textContent).toBe('–');
  });
});
