/** The ranked list: an <ol> of rows; arrow keys, Home and End move between rows. */
import { normalizeTagName } from '../lib/highlight/grammar';
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
  /** Watched and selected names (lower case) with what toggles them; without, rows offer neither. */
  marks?: RowMarks;
}

export interface RowMarks {
  watched: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  onWatch: (name: string, watched: boolean) => void;
  onSelect: (name: string) => void;
}

/** Moves focus to a row's main control (its name button). */
export function focusRow(list: HTMLElement | null, index: number): void {
  const rows = list?.querySelectorAll<HTMLElement>(':scope > li .row-toggle');
  rows?.[index]?.focus();
}

/** Space on a row's name button selects the row (Enter, the button's own key, expands it). */
function onSpace(e: KeyboardEvent, select: (() => void) | undefined): boolean {
  if (e.key !== ' ' || !select || !(e.target as HTMLElement).matches('.row-toggle')) return false;
  // Not a click: a button clicks on Space's keyup, which this keeps from expanding the row.
  e.preventDefault();
  if (e.type === 'keydown' && !e.repeat) select();
  return true;
}

function onKeyDown(e: KeyboardEvent, select?: (index: number) => void) {
  const list = e.currentTarget as HTMLOListElement;
  const row = (e.target as HTMLElement).closest('li');
  if (!row || row.parentElement !== list) return;
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const rows = Array.from(list.children);
  const index = rows.indexOf(row);
  if (onSpace(e, select && (() => select(index)))) return;
  if (e.type !== 'keydown') return;
  const next = nextRowIndex(e.key, index, rows.length);
  if (next === null) return;
  e.preventDefault();
  focusRow(list, next);
}

export function TrendList(props: TrendListProps) {
  const { marks, items } = props;
  const select = marks && ((index: number) => marks.onSelect(items[index]!.name));
  const keys = (e: KeyboardEvent) => onKeyDown(e, select);
  return (
    <ol class="trend-list" aria-label={props.label} onKeyDown={keys} onKeyUp={keys}>
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
          watched={marks?.watched.has(normalizeTagName(tag.name))}
          selected={marks?.selected.has(normalizeTagName(tag.name))}
          onWatch={marks?.onWatch}
          onSelect={marks?.onSelect}
        />
      ))}
    </ol>
  );
}
