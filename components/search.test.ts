import { describe, expect, it } from 'vitest';
import { filterByQuery, normalizeQuery } from './search';

const items = [{ name: 'CleanTok' }, { name: 'booktok' }, { name: 'école' }, { name: 'cleaning' }];

describe('filterByQuery', () => {
  it('keeps every item for an empty query', () => {
    expect(filterByQuery(items, '  ')).toBe(items);
  });

  it('matches anywhere in the name, ignoring case and a leading #', () => {
    expect(filterByQuery(items, 'CLEAN').map((i) => i.name)).toEqual(['CleanTok', 'cleaning']);
    expect(filterByQuery(items, '#tok').map((i) => i.name)).toEqual(['CleanTok', 'booktok']);
    expect(filterByQuery(items, 'ÉCO').map((i) => i.name)).toEqual(['école']);
  });

  it('returns nothing when nothing matches', () => {
    expect(filterByQuery(items, 'zzz')).toEqual([]);
  });

  it('normalizes the query', () => {
    expect(normalizeQuery('  ##Foo ')).toBe('foo');
  });
});
