/** Rank movement: ↑3, ↓12, =, NEW — coloured, with the same in words for screen readers. */
import type { Hashtag } from '../lib/trending/types';
import { movementText } from './movement';

export function RankChange({ tag }: { tag: Pick<Hashtag, 'movement' | 'rankDiff'> }) {
  const m = movementText(tag);
  return (
    <span class={`move move-${m.tone}`} title={m.label}>
      <span aria-hidden="true">{m.symbol}</span>
      <span class="sr-only">{m.label}</span>
    </span>
  );
}
