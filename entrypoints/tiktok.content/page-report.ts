/**
 * Tells the background what this page shows (lib/page/report.ts): the trending names marked (their
 * count is the toolbar badge) and, on a video page, the caption's hashtags. At most every 500 ms
 * while the page changes (appends, in-app navigation), and only what changed; at once when the
 * side panel asks (`REPORT_NOW`); and an empty report as the page goes away, so the background
 * forgets this tab's names when it leaves tiktok.com or closes.
 */
import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Highlighter } from '@/lib/highlight/highlighter';
import { sendMessage } from '@/lib/messaging';
import { videoCaptionNames } from '@/lib/page/caption';
import { REPORT_NOW, reportableNames } from '@/lib/page/report';

const REPORT_EVERY_MS = 500;

export function setupPageReport(ctx: ContentScriptContext, highlighter: Highlighter) {
  let timer: number | null = null;
  let sent = '';

  const send = (gone = false): Promise<unknown> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const names = gone ? [] : reportableNames(highlighter.names());
    const caption = gone ? null : videoCaptionNames(document, location.href);
    const report = { count: names.length, names, caption };
    const text = JSON.stringify(report);
    if (text === sent) return Promise.resolve();
    sent = text;
    return sendMessage('reportPageTags', report).catch(() => {
      sent = ''; // Not taken (worker restarting, over the limit): the next change says it again.
    });
  };

  /** Something on the page changed: report within 500 ms (the first change starts the clock). */
  const schedule = () => {
    if (timer === null && !ctx.isInvalid)
      timer = ctx.setTimeout(() => void send(), REPORT_EVERY_MS);
  };

  // The side panel asks (`tabs.sendMessage`) when it shows this tab: the report is sent again
  // before the answer, so a background that lost it (restarted) has it.
  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
    const m = message as { hashtagRadar?: number; type?: string } | null;
    if (sender.id !== browser.runtime.id || m?.hashtagRadar !== 1 || m.type !== REPORT_NOW) {
      return undefined;
    }
    sent = '';
    return send().then(() => true);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  // In-app navigation: said again even if unchanged (Chrome may clear the tab's badge).
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    sent = '';
    schedule();
  });
  ctx.addEventListener(window, 'pagehide', () => void send(true));
  ctx.addEventListener(window, 'pageshow', (event) => {
    // Back from the back/forward cache: the page is here again.
    if ((event as PageTransitionEvent).persisted) {
      sent = '';
      schedule();
    }
  });
  return { schedule };
}
