/**
 * A row of tabs that switch the view below them (the ARIA tabs pattern: arrow keys, Home and End
 * move between tabs, only the chosen one is in the Tab order). Each panel is `#view-ID`, labelled by
 * its tab `#tab-ID`.
 */
import type { ComponentChild } from 'preact';

export interface ViewTab<V extends string> {
  id: V;
  label: string;
  /** Shown after the label, not part of the tab's name (say it in `title`). */
  extra?: ComponentChild;
  title?: string;
}

export interface ViewTabsProps<V extends string> {
  tabs: ViewTab<V>[];
  current: V;
  label: string;
  /** The tablist's class: how it sits in its page. */
  class: string;
  /** `focus`: the keyboard moved to this tab, which then takes focus. */
  onPick: (id: V, focus: boolean) => void;
}

export function ViewTabs<V extends string>({
  tabs,
  current,
  label,
  class: cls,
  onPick,
}: ViewTabsProps<V>) {
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((tab) => tab.id === current);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const id = tabs[(next + tabs.length) % tabs.length]!.id;
    onPick(id, true);
    // The chosen tab is rendered focusable by the update this pick starts.
    requestAnimationFrame(() => document.getElementById(`tab-${id}`)?.focus());
  };
  return (
    <div class={cls} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map(({ id, label, extra, title }) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`tab-${id}`}
          class="view-tab"
          aria-selected={current === id}
          aria-controls={`view-${id}`}
          tabIndex={current === id ? 0 : -1}
          title={title}
          onClick={() => onPick(id, false)}
        >
          {label}
          {extra}
        </button>
      ))}
    </div>
  );
}
