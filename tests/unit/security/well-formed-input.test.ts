import { describe, expect, it } from 'vitest';
import { findIllFormedString } from '../../../src/main/api/well-formed-input';

describe('ill-formed strings at the API boundary', () => {
  it('finds an unpaired surrogate in a value or a key, with its path', () => {
    expect(findIllFormedString({ patch: { notes: ['ok', 'bad \uDC00'] } })).toEqual(['patch', 'notes', '1']);
    expect(findIllFormedString({ ['k\uD800']: 1 })).toEqual(['k\uD800']);
    expect(findIllFormedString('\uD83D')).toEqual([]);
  });

  it('accepts well-formed text, emoji and RTL included, and non-string values', () => {
    expect(findIllFormedString({ name: '👩🏽‍⚕️ مستشفى \u202E', n: 1, list: [null, true, { deep: 'ok' }] })).toBeNull();
  });

  it('walks very deep and cyclic payloads without overflowing the stack', () => {
    let deep: unknown = 'leaf \uD800';
    for (let i = 0; i < 100_000; i += 1) deep = { a: deep };
    expect(findIllFormedString(deep)).toHaveLength(100_000);
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    expect(findIllFormedString(cyclic)).toBeNull();
  });
});
