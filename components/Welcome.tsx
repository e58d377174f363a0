/** First run without a key: what the key is for, where to add it, and a way to try it first. */
export interface WelcomeProps {
  onOpenOptions: () => void;
  onTrySample: () => void;
  busy?: boolean;
}

export function Welcome({ onOpenOptions, onTrySample, busy }: WelcomeProps) {
  return (
    <section class="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">See what is trending on TikTok</h2>
      <p>
        Hashtag Radar lists TikTok's top 100 trending hashtags with their trend, and marks them on
        tiktok.com.
      </p>
      <p>
        It reads the list from keyapi.ai with your own API key. The key stays in this browser; each
        page of 20 hashtags costs 2 credits, and you set a daily budget.
      </p>
      <div class="welcome-actions">
        <button type="button" class="button primary" onClick={onOpenOptions}>
          Add your API key
        </button>
        <button type="button" class="button" disabled={busy} onClick={onTrySample}>
          Try with sample data
        </button>
      </div>
      <p class="hint">Sample data is a saved snapshot: no key, no requests, no credits.</p>
    </section>
  );
}
