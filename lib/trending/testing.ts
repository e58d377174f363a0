/** Test-only: a programmable stand-in for the API client, counting every request; message senders. */
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FetchOptions, FetchPage } from '../keyapi/client';
import { trendError, TrendFailure } from '../keyapi/errors';
import { parseTrendingBody, type TrendingPage } from '../keyapi/parse';
import { okBody, pageItems } from '../keyapi/testing';
import type { TrendErrorKind } from './types';

type Behaviour = (options: FetchOptions) => Promise<TrendingPage>;

export function fakeApi() {
  const calls: FetchOptions[] = [];
  const queue: Behaviour[] = [];
  let version = '';
  const ok: Behaviour = async (o) =>
    parseTrendingBody(okBody(pageItems(o.page, o.filters, version), o.page), o.page, o.limit ?? 20);
  let standing: Behaviour = ok;

  const fetchPage: FetchPage = (options) => {
    calls.push(options);
    return (queue.shift() ?? standing)(options);
  };

  return {
    fetchPage,
    calls,
    ok,
    /** Changes the names the API returns from now on (`v2` → `…v2r1`), to tell fetches apart. */
    setVersion(tag: string) {
      version = tag;
    },
    respondWith(behaviour: Behaviour) {
      standing = behaviour;
    },
    next(...behaviours: Behaviour[]) {
      queue.push(...behaviours);
    },
    /** A request that answers when the test says so. */
    held() {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const behaviour: Behaviour = async (o) => {
        await gate;
        return ok(o);
      };
      return { behaviour, release };
    },
  };
}

export function failWith(
  kind: TrendErrorKind,
  message?: string,
  status?: number,
): (o: FetchOptions) => Promise<never> {
  // Offline or timed out without a status: the API never answered (as the client reports it).
  const answered = status !== undefined || (kind !== 'offline' && kind !== 'timeout');
  return async () => {
    throw new TrendFailure(trendError(kind, message, status ? { status } : {}), answered);
  };
}

export function emptyPage(): (o: FetchOptions) => Promise<TrendingPage> {
  return async () => ({ items: [], total: 0, hasMore: false, dropped: 0 });
}

type Sender = Browser.runtime.MessageSender;
const ID = 'test-extension-id';
/** Who sends a message in the background tests: our popup, our content script on a tiktok.com tab. */
export const SENDERS = {
  popup: { id: ID, url: `chrome-extension://${ID}/popup.html` } as Sender,
  contentScript: {
    id: ID,
    url: 'https://www.tiktok.com/foryou',
    tab: { id: 7 } as Sender['tab'],
  } as Sender,
};

/** Lets the background's chains of storage reads and writes run out. */
export async function flush(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Sends one protocol message to the background's listener, as `sender`, and returns its reply. */
export async function sendAs<T = unknown>(
  type: string,
  data: unknown,
  sender: Sender = SENDERS.popup,
): Promise<{ ok: boolean; value?: T; error?: string }> {
  const replies = await fakeBrowser.runtime.onMessage.trigger(
    { hashtagRadar: 1, type, data },
    sender,
  );
  await flush();
  return replies.find((r) => r !== undefined) as unknown as {
    ok: boolean;
    value?: T;
    error?: string;
  };
}
