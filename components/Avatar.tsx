/** A creator's avatar, loaded lazily; the initials stand in when the signed URL has expired. */
import { Component } from 'preact';
import type { Creator } from '../lib/trending/types';

/** "becky mae" → "BM", "micaelarosa_" → "M". */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/[\s._-]+/)
    .filter(Boolean);
  const letters = words.slice(0, 2).map((w) => Array.from(w)[0] ?? '');
  return letters.join('').toLocaleUpperCase() || '?';
}

function usableUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export class Avatar extends Component<{ creator: Creator }, { failed: boolean }> {
  state = { failed: false };

  render({ creator }: { creator: Creator }) {
    const url = usableUrl(creator.avatarUrl);
    if (!url || this.state.failed) {
      return (
        <span class="avatar initials" aria-hidden="true">
          {initials(creator.name)}
        </span>
      );
    }
    return (
      <img
        class="avatar"
        src={url}
        alt=""
        width={28}
        height={28}
        loading="lazy"
        decoding="async"
        referrerpolicy="no-referrer"
        onError={() => this.setState({ failed: true })}
      />
    );
  }
}
