import { describe, expect, it } from 'vitest';
import type { Hashtag } from '../../lib/trending/types';
import { buildCsv, csvCell, csvFileName } from './csv';

function tag(over: Partial<Hashtag>): Hashtag {
  return {
    id: '1',
    name: 'clean',
    rank: 1,
    movement: 'up',
    rankDiff: 2,
    country: null,
    industry: { id: '14000000000', name: 'Beauty & Personal Care' },
    promoted: false,
    trend: [],
    creators: [],
    posts: 48892,
    views: 151854088,
    ...over,
  };
}

const filters = { region: 'US', period: 7, industry: 'nothing', newToTop100: false } as const;
const fetchedAt = Date.UTC(2026, 10, 26, 8, 30);

describe('buildCsv', () => {
  it('writes a header and one line per hashtag, in order', () => {
    const csv = buildCsv({
      items: [
        tag({}),
        tag({
          id: '2',
          name: 'booktok',
          rank: 2,
          movement: 'new',
          rankDiff: null,
          industry: null,
          promoted: true,
        }),
      ],
      filters,
      fetchedAt,
    });
    expect(csv.split('\r\n')).toEqual([
      'rank,name,posts,views,movement,industry,promoted,region,period,fetched_at',
      '1,clean,48892,151854088,up 2,Beauty & Personal Care,false,US,7,2026-11-26T08:30:00.000Z',
      '2,booktok,48892,151854088,new,,true,US,7,2026-11-26T08:30:00.000Z',
      '',
    ]);
  });

  it('quotes commas, quotes and line breaks; keeps markup as text', () => {
    const csv = buildCsv({
      items: [
        tag({ name: 'a,"b"\nc', industry: { id: 'x', name: '<img src=x onerror=alert(1)>' } }),
      ],
      filters,
      fetchedAt: null,
    });
    expect(csv.split('\r\n')[1]).toBe(
      '1,"a,""b""\nc",48892,151854088,up 2,<img src=x onerror=alert(1)>,false,US,7,',
    );
  });
});

describe('csvCell', () => {
  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('fyp')).toBe('fyp');
  });
});

describe('csvFileName', () => {
  it('names the filters and the day', () => {
    expect(csvFileName(filters, fetchedAt)).toBe('hashtag-radar-US-7d-2026-11-26.csv');
    expect(csvFileName({ ...filters, industry: '27000000000', newToTop100: true }, fetchedAt)).toBe(
      'hashtag-radar-US-7d-27000000000-new-2026-11-26.csv',
    );
  });
});
