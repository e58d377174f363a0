import { describe, expect, it } from 'vitest';
import { parseKeyState } from './key-state';

describe('parseKeyState', () => {
  it('reads the published state', () => {
    const state = { version: 1, keySet: true, keyError: null };
    expect(parseKeyState(state)).toEqual(state);
    const refused = {
      version: 1,
      keySet: true,
      keyError: { kind: 'invalid-key', message: 'apiKey is invalid', byApi: true, status: 401 },
    };
    expect(parseKeyState(refused)).toEqual(refused);
  });

  it('reads nothing yet, another version or a damaged value as unknown', () => {
    expect(parseKeyState(undefined)).toBeNull();
    expect(parseKeyState(null)).toBeNull();
    expect(parseKeyState({ version: 2, keySet: true, keyError: null })).toBeNull();
    expect(parseKeyState({ keySet: true, keyError: null })).toBeNull();
    expect(parseKeyState({ version: 1, keySet: 'yes', keyError: null })).toBeNull();
    expect(
      parseKeyState({ version: 1, keySet: true, keyError: { kind: 'nope', message: '' } }),
    ).toBeNull();
    expect(parseKeyState('{"version":1}')).toBeNull();
  });
});
