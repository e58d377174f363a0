import { describe, expect, it } from 'vitest';
import { selectionTagName } from '../highlight/grammar';
import { lookupName, menuItemId, parseMenuItemId } from './menu';

describe('menu item ids', () => {
  it('carry what the toolbar button opens, and read back', () => {
    expect(menuItemId('selection', 'panel')).toBe('lookup-selection:panel');
    expect(parseMenuItemId('lookup-link:popup')).toEqual({ kind: 'link', opens: 'popup' });
    for (const id of ['lookup-link:window', 'lookup-page:popup', 'other', 3, undefined]) {
      expect(parseMenuItemId(id), String(id)).toBeNull();
    }
  });
});

describe('the hashtag a lookup is about', () => {
  it('a selection: its first #tag, or one bare name (a double-click drops the #)', () => {
    expect(selectionTagName('love this #BookTok and #fyp')).toBe('BookTok');
    expect(selectionTagName('  #日本 ')).toBe('日本');
    expect(selectionTagName('fyp')).toBe('fyp');
    expect(selectionTagName('C# and page#fyp')).toBeNull();
    expect(selectionTagName('two words')).toBeNull();
    expect(selectionTagName('')).toBeNull();
    expect(selectionTagName(undefined)).toBeNull();
  });

  it('a link: the name in a TikTok /tag/ address, decoded, with symbols TikTok allows', () => {
    expect(lookupName('link', { linkUrl: 'https://www.tiktok.com/tag/caf%C3%A9?lang=en' })).toBe(
      'café',
    );
    expect(lookupName('link', { linkUrl: 'https://www.tiktok.com/tag/usa🇺🇸' })).toBe('usa🇺🇸');
    expect(lookupName('link', { linkUrl: 'https://example.com/tag/fyp' })).toBeNull();
    expect(lookupName('link', { linkUrl: 'https://www.tiktok.com/@someone' })).toBeNull();
    expect(lookupName('link', {})).toBeNull();
    expect(lookupName('selection', { selectionText: '#dance' })).toBe('dance');
  });
});
