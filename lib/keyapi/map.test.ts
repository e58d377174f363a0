import { describe, expect, it } from 'vitest';
import { MAX_AVATAR_URL_LENGTH, MAX_TREND_POINTS, relativeTrend, safeImageUrl } from './map';

describe('what one cached page may hold', () => {
  it('keeps avatars from TikTok image servers only, over https, of a sane length', () => {
    const real = 'https://p16-sign-sg.tiktokcdn.com/tos-alisg-avt-0068/71fc~tplv.png?x=1';
    expect(safeImageUrl(real)).toBe(real);
    expect(safeImageUrl('https://p19-sign.tiktokcdn-us.com/a.png')).not.toBeNull();
    expect(safeImageUrl('https://p16.tiktokcdn-eu.com/a.png')).not.toBeNull();
    for (const url of [
      'http://p16-sign-sg.tiktokcdn.com/a.png',
      'https://tracker.example/pixel.png',
      'https://tiktokcdn.com.evil.example/a.png',
      'https://eviltiktokcdn.com/a.png',
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      `https://p16-sign-sg.tiktokcdn.com/${'a'.repeat(MAX_AVATAR_URL_LENGTH)}.png`,
      'not a url',
    ]) {
      expect(safeImageUrl(url), url).toBeNull();
    }
  });

  it('keeps the latest points of a trend, at most MAX_TREND_POINTS', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ time: 1000 - i, value: i }));
    const trend = relativeTrend(points);
    expect(trend).toHaveLength(MAX_TREND_POINTS);
    expect(trend[0]!.time).toBe(1000 - MAX_TREND_POINTS + 1);
    expect(trend.at(-1)!.time).toBe(1000);
    expect(Math.max(...trend.map((p) => p.value))).toBe(1);
  });
});
