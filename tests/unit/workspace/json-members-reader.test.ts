import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonMembersError, JsonMembersScanner, type JsonMemberEvent } from '../../../src/main/storage/files/json-members-reader';

/*
 * The streaming reader behind restoring a workspace export: whatever the chunking, the members
 * it gives add up to what JSON.parse reads from the whole text, and anything that is not one
 * well-formed JSON object is refused.
 */

/** Feeds `text` in the given chunk sizes and rebuilds the object from the events. */
function readInChunks(text: string, sizes: number[]): Record<string, unknown> {
  const scanner = new JsonMembersScanner();
  const events: JsonMemberEvent[] = [];
  let at = 0;
  for (let i = 0; at < text.length; i += 1) {
    const size = Math.max(1, sizes.length ? sizes[i % sizes.length]! : text.length);
    events.push(...scanner.push(text.slice(at, at + size)));
    at += size;
  }
  scanner.end();
  const result: Record<string, unknown> = {};
  // defineProperty, as JSON.parse does, so a key like "__proto__" is an ordinary member.
  const set = (key: string, value: unknown) => Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  for (const event of events) {
    if (event.kind === 'value') set(event.key, event.value);
    else if (event.kind === 'arrayStart') set(event.key, []);
    else if (event.kind === 'element') {
      expect(event.index).toBe((result[event.key] as unknown[]).length);
      (result[event.key] as unknown[]).push(event.value);
    } else expect(event.count).toBe((result[event.key] as unknown[]).length);
  }
  return result;
}

describe('reading a JSON object member by member', () => {
  it('gives what JSON.parse gives, however the text is cut into pieces', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()))),
        fc.constantFrom(0, 2, '\t'),
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 8 }),
        (object, indent, sizes) => {
          const text = JSON.stringify(object, null, indent);
          expect(readInChunks(text, sizes)).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  });

  it('reads strings with escaped quotes, brackets and backslashes inside rows', () => {
    const text = '{"rows": [{"a": "x\\\\"}, {"b": "]},{\\"["}, "\\u005d", 1.5e3, -0, true, null], "k": "}"}';
    expect(readInChunks(text, [1])).toEqual(JSON.parse(text));
  });

  it.each([
    ['an empty file', '', 'syntax'],
    ['a trailing comma between members', '{"a": 1,}', 'syntax'],
    ['a trailing comma in an array', '{"a": [1,]}', 'syntax'],
    ['a missing comma', '{"a": 1 "b": 2}', 'syntax'],
    ['text after the object', '{"a": 1} x', 'syntax'],
    ['an object that never ends', '{"a": [1, 2', 'syntax'],
    ['a broken value', '{"a": tru}', 'syntax'],
    ['a key that is not a string', '{a: 1}', 'syntax'],
    ['an array at the top level', '[1, 2]', 'notObject'],
    ['a string at the top level', '"x"', 'notObject'],
  ])('refuses %s', (_what, text, reason) => {
    let error: unknown = null;
    try {
      readInChunks(text, [3]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsonMembersError);
    expect((error as JsonMembersError).reason).toBe(reason);
  });
});
