/** The ranked list: an <ol> of rows; arrow keys, Home and End move between rows. */
import type { Hashtag } from '../lib/trending/types';
import type { RankHistory } from './RowDetails';
import { nextRowIndex } from './listKeys';
import { TrendRow } from './TrendRow';

export interface TrendListProps {
  items: Hashtag[];
  expandedId: string | null;
  copiedId: string | null;
  rankYesterday: Record<string, number>;
  periodDays: number;
  label: string;
  onToggle: (id: string) => void;
  onCopy: (tag: Hashtag) => void;
  loadHistory: (name: string) => Promise<RankHistory>;
}

/** Moves focus to a row's main control (its name button). */
export function focusRow(list: HTMLElement | null, index: number): void {
  const rows = list?.querySelectorAll<HTMLElement>(':scope > li .row-toggle');
  rows?.[index]?.focus();
}

function onKeyDown(e: KeyboardEvent) {
  const list = e.currentTarget as HTMLOListElement;
  const row = (e.target as HTMLElement).closest('li');
  if (!row || row.parentElement !== list) return;
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const rows = Array.from(list.children);
  const next = nextRowIndex(e.key, rows.indexOf(row), rows.length);
  if (next === null) return;
  e.preventDefault();
  focusRow(list, next);
}

export function TrendList(props: TrendListProps) {
  return (
    <ol class="trend-list" aria-label={props.label} onKeyDown={onKeyDown}>
      {props.items.map((tag) => (
        <TrendRow
          key={tag.id}
          tag={tag}
          expanded={props.expandedId === tag.id}
          copied={props.copiedId === tag.id}
          rankYesterday={props.rankYesterday[tag.name.toLowerCase()]}
          periodDays={props.periodDays}
          onToggle={props.onToggle}
          onCopy={props.onCopy}
          loadHistory={props.loadHistory}
        />
      ))}
    </ol>
  );
}
