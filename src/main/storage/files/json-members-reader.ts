import fs from 'node:fs';

/*
 * Reads a JSON file whose top level is an object, one member at a time, without ever holding the
 * file as one string: members whose value is an array are given element by element, every other
 * member whole. Each element or value is parsed on its own with JSON.parse (which checks it);
 * this reader checks the punctuation between them. A workspace export of millions of metric
 * values is read in blocks of a megabyte, and memory holds one element at a time.
 */

/** One piece of the top-level object, in file order. */
export type JsonMemberEvent =
  | { kind: 'value'; key: string; value: unknown }
  | { kind: 'arrayStart'; key: string }
  | { kind: 'element'; key: string; index: number; value: unknown }
  | { kind: 'arrayEnd'; key: string; count: number };

/** Why the file is not a JSON object: `notObject` when it is JSON of another shape, or something else entirely. */
export class JsonMembersError extends Error {
  constructor(
    message: string,
    readonly reason: 'syntax' | 'notObject' | 'tooLarge' | 'encoding',
  ) {
    super(message);
  }
}

/** No single element or value may be longer than this (a whole row of an export is a few KB). */
export const MAX_MEMBER_CHARS = 64 * 1024 * 1024;

/**
 * Calls `onEvent` for each member of the file's top-level object, in order; `onEvent` may be
 * async (the next block is read after it settles). Throws JsonMembersError when the file is not
 * one well-formed JSON object in UTF-8.
 * @example await readJsonMembers('/tmp/export.json', (e) => { if (e.kind === 'element') rows.push(e.value); });
 */
export async function readJsonMembers(filePath: string, onEvent: (event: JsonMemberEvent) => void | Promise<void>): Promise<void> {
  const scanner = new JsonMembersScanner();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const stream = fs.createReadStream(filePath, { highWaterMark: 1024 * 1024 });
  try {
    for await (const chunk of stream) {
      let text: string;
      try {
        text = decoder.decode(chunk as Buffer, { stream: true });
      } catch {
        throw new JsonMembersError('it is not UTF-8 text', 'encoding');
      }
      for (const event of scanner.push(text)) await onEvent(event);
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      throw new JsonMembersError('it is not UTF-8 text', 'encoding');
    }
    for (const event of scanner.push(rest)) await onEvent(event);
    scanner.end();
  } finally {
    stream.destroy();
  }
}

type State = 'start' | 'firstKey' | 'key' | 'colon' | 'value' | 'firstElement' | 'element' | 'afterElement' | 'afterMember' | 'done';

/** Where a value being captured ends is found incrementally, so a value split across blocks is scanned once. */
interface Capture {
  /** Offset of the value's first character in `buffer`. */
  start: number;
  /** Next character to look at. */
  pos: number;
  depth: number;
  inString: boolean;
  escape: boolean;
  primitive: boolean;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const PRIMITIVE_END = new Set([',', '}', ']', ' ', '\t', '\n', '\r']);

/** The incremental state machine behind readJsonMembers; exported for tests that feed it odd chunkings. */
export class JsonMembersScanner {
  private buffer = '';
  /** Characters dropped from the front of `buffer` so far, for positions in messages. */
  private dropped = 0;
  private pos = 0;
  private state: State = 'start';
  private capture: Capture | null = null;
  private key = '';
  private index = 0;

  /** Feeds the next piece of text; returns the events it completes. */
  push(text: string): JsonMemberEvent[] {
    this.buffer += text;
    const events: JsonMemberEvent[] = [];
    while (this.step(events));
    // Keep only what is still needed: the value being captured, or nothing.
    const keepFrom = this.capture ? this.capture.start : this.pos;
    if (keepFrom > 0) {
      this.buffer = this.buffer.slice(keepFrom);
      this.dropped += keepFrom;
      this.pos -= keepFrom;
      if (this.capture) {
        this.capture.pos -= keepFrom;
        this.capture.start = 0;
      }
    }
    return events;
  }

  /** Call after the last piece: throws when the object is not complete. */
  end(): void {
    if (this.state === 'start') throw new JsonMembersError('it is empty', 'syntax');
    if (this.state !== 'done') throw new JsonMembersError(`it ends before its top-level object does (at character ${this.dropped + this.buffer.length})`, 'syntax');
  }

  /** Takes one step; false when more text is needed. */
  private step(events: JsonMemberEvent[]): boolean {
    if (this.capture) return this.continueCapture(events);
    while (this.pos < this.buffer.length && WHITESPACE.has(this.buffer[this.pos]!)) this.pos += 1;
    if (this.pos >= this.buffer.length) return false;
    const c = this.buffer[this.pos]!;
    switch (this.state) {
      case 'start':
        if (c === '\uFEFF') return this.advance();
        if (c !== '{') throw new JsonMembersError('its top level is not an object', c === '[' || c === '"' || /[-0-9tfn]/.test(c) ? 'notObject' : 'syntax');
        this.state = 'firstKey';
        return this.advance();
      case 'firstKey':
        if (c === '}') {
          this.state = 'done';
          return this.advance();
        }
        return this.expectKey(c);
      case 'key':
        return this.expectKey(c);
      case 'colon':
        if (c !== ':') return this.unexpected(c);
        this.state = 'value';
        return this.advance();
      case 'value':
        if (c === '[') {
          events.push({ kind: 'arrayStart', key: this.key });
          this.index = 0;
          this.state = 'firstElement';
          return this.advance();
        }
        return this.beginCapture(c);
      case 'firstElement':
        if (c === ']') return this.endArray(events);
        return this.beginCapture(c);
      case 'element':
        if (c === ']') return this.unexpected(c);
        return this.beginCapture(c);
      case 'afterElement':
        if (c === ',') {
          this.state = 'element';
          return this.advance();
        }
        if (c === ']') return this.endArray(events);
        return this.unexpected(c);
      case 'afterMember':
        if (c === ',') {
          this.state = 'key';
          return this.advance();
        }
        if (c === '}') {
          this.state = 'done';
          return this.advance();
        }
        return this.unexpected(c);
      case 'done':
        return this.unexpected(c);
    }
  }

  private advance(): boolean {
    this.pos += 1;
    return true;
  }

  private unexpected(c: string): never {
    throw new JsonMembersError(`it has an unexpected ${JSON.stringify(c)} at character ${this.dropped + this.pos}`, 'syntax');
  }

  private expectKey(c: string): boolean {
    if (c !== '"') return this.unexpected(c);
    return this.beginCapture(c);
  }

  private endArray(events: JsonMemberEvent[]): boolean {
    events.push({ kind: 'arrayEnd', key: this.key, count: this.index });
    this.state = 'afterMember';
    return this.advance();
  }

  private beginCapture(c: string): boolean {
    const primitive = c !== '"' && c !== '{' && c !== '[';
    this.capture = { start: this.pos, pos: this.pos + 1, depth: c === '"' ? 0 : 1, inString: c === '"', escape: false, primitive };
    return true;
  }

  private continueCapture(events: JsonMemberEvent[]): boolean {
    const cap = this.capture!;
    const text = this.buffer;
    let end = -1;
    for (let i = cap.pos; i < text.length; i += 1) {
      const c = text[i]!;
      if (cap.primitive) {
        if (PRIMITIVE_END.has(c)) {
          end = i;
          break;
        }
      } else if (cap.inString) {
        if (cap.escape) cap.escape = false;
        else if (c === '\\') cap.escape = true;
        else if (c === '"') {
          cap.inString = false;
          if (cap.depth === 0) {
            end = i + 1;
            break;
          }
        }
      } else if (c === '"') cap.inString = true;
      else if (c === '{' || c === '[') cap.depth += 1;
      else if (c === '}' || c === ']') {
        cap.depth -= 1;
        if (cap.depth === 0) {
          end = i + 1;
          break;
        }
      }
    }
    if (end === -1) {
      cap.pos = text.length;
      if (text.length - cap.start > MAX_MEMBER_CHARS) throw new JsonMembersError(`one of its values is longer than ${MAX_MEMBER_CHARS} characters`, 'tooLarge');
      return false;
    }
    const raw = text.slice(cap.start, end);
    const at = this.dropped + cap.start;
    this.capture = null;
    this.pos = end;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new JsonMembersError(`it is not valid JSON at character ${at}`, 'syntax');
    }
    this.deliver(value, events);
    return true;
  }

  private deliver(value: unknown, events: JsonMemberEvent[]): void {
    switch (this.state) {
      case 'firstKey':
      case 'key':
        this.key = value as string;
        this.state = 'colon';
        return;
      case 'value':
        events.push({ kind: 'value', key: this.key, value });
        this.state = 'afterMember';
        return;
      default:
        events.push({ kind: 'element', key: this.key, index: this.index, value });
        this.index += 1;
        this.state = 'afterElement';
    }
  }
}
