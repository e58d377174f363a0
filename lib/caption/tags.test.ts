import { describe, expect, it } from 'vitest';
import { captionTags, countHashtags, insertionText } from './tags';

describe('caption hashtags (the highlighter grammar)', () => {
  it('counts every token, repeats included, and lists each name once in first-seen order', () => {
    const caption = 'Morning run #FYP with #Café and #fyp again\n#日本 #straße!';
    expect(countHashtags(caption)).toBe(5);
    expect(captionTags(caption)).toEqual([
      { name: 'FYP', key: 'fyp', count: 2 },
      { name: 'Café', key: 'café', count: 1 },
      { name: '日本', key: '日本', count: 1 },
      { name: 'straße', key: 'straße', count: 1 },
    ]);
  });

  it('follows the grammar: no tag glued to a word, none for a bare #, adjacent tags both count', () => {
    expect(captionTags('C# page#fyp # #a#b (#c) "#d"').map((t) => t.name)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(countHashtags('')).toBe(0);
    expect(countHashtags('no tags here')).toBe(0);
  });

  it('treats NFC and NFD spellings as one name', () => {
    const nfd = 'Cafe\u0301';
    expect(captionTags(`#Café #${nfd}`)).toEqual([{ name: 'Café', key: 'café', count: 2 }]);
  });
});

describe('insertionText', () => {
  it.each([
    ['', '#fyp '],
    ['Morning run ', '#fyp '],
    ['Morning run', ' #fyp '],
    ['see #dance', ' #fyp '],
    ['wow!', '#fyp '],
    ['(', '#fyp '],
    ['#', ' #fyp '],
    ['日本', ' #fyp '],
  ])('after %j → %j', (before, text) => {
    expect(insertionText('fyp', before)).toBe(text);
  });
});
