// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { lazy } from './lazy';

const Greeting = ({ name }: { name: string }) => <p>Hello {name}</p>;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('lazy', () => {
  it('shows the fallback until the module is there, then the component, loading it once', async () => {
    const load = vi.fn(async () => Greeting);
    const Lazy = lazy(load, ({ name }) => <p>Loading {name}</p>);
    const root = document.body.appendChild(document.createElement('div'));
    render(<Lazy name="a" />, root);
    expect(root.textContent).toBe('Loading a');
    await settle();
    expect(root.textContent).toBe('Hello a');
    render(<Lazy name="b" />, document.body.appendChild(document.createElement('div')));
    expect(document.body.textContent).toContain('Hello b');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again on the next render after a load failed', async () => {
    const load = vi
      .fn<() => Promise<typeof Greeting>>()
      .mockRejectedValueOnce(new Error('gone'))
      .mockResolvedValue(Greeting);
    const Lazy = lazy(load);
    const root = document.body.appendChild(document.createElement('div'));
    render(<Lazy name="a" />, root);
    await settle();
    expect(root.textContent).toBe('');
    render(null, root);
    render(<Lazy name="a" />, root);
    await settle();
    expect(root.textContent).toBe('Hello a');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
