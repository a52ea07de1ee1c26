/**
 * Remembers the first line each key was seen on, for a file's duplicate check. A key is a group
 * (account + stream + metric) and a slot in it (the month), both small non-negative integers.
 *
 * A million-value import needs one entry per value, so entries live in typed arrays: a log of
 * keys and lines in arrival order (12 bytes a value). Within a group, files almost always give
 * months in ascending order (a long file sorted by account and metric, a wide file by month): a
 * slot above the largest the group has had cannot repeat an earlier key, so it is only appended
 * to the log — no hashing, no random memory access. Only a slot at or below its group's largest
 * is looked up, in a hash table (open addressing, linear probing, at most half full) built over
 * the log the first time one is needed and kept up to date from then on.
 */
export class FirstLineTable {
  /** Per group, the largest slot seen so far; -1 for none. */
  private largest = new Int32Array(1024).fill(-1);
  private logKeys = new Float64Array(1 << 16);
  private logLines = new Int32Array(1 << 16);
  private logSize = 0;
  /** The hash table over log[0, indexed); null until a slot comes out of order. */
  private keys: Float64Array | null = null;
  private lines: Int32Array | null = null;
  private indexed = 0;

  /** @param slotsPerGroup slots are below this (keys are group × slotsPerGroup + slot, below 2^53). */
  constructor(private readonly slotsPerGroup: number) {}

  /** The line (group, slot) was first seen on; otherwise records `line` for it and returns undefined. */
  firstLineOrAdd(group: number, slot: number, line: number): number | undefined {
    if (group >= this.largest.length) this.growLargest(group);
    const key = group * this.slotsPerGroup + slot;
    if (slot > this.largest[group]!) {
      this.largest[group] = slot;
      this.append(key, line);
      return undefined;
    }
    this.indexLog();
    const slotAt = this.find(key);
    if (this.keys![slotAt] === key) return this.lines![slotAt];
    this.append(key, line);
    this.indexLog();
    return undefined;
  }

  private append(key: number, line: number): void {
    if (this.logSize === this.logKeys.length) {
      const keys = new Float64Array(this.logKeys.length * 2);
      const lines = new Int32Array(keys.length);
      keys.set(this.logKeys);
      lines.set(this.logLines);
      this.logKeys = keys;
      this.logLines = lines;
    }
    this.logKeys[this.logSize] = key;
    this.logLines[this.logSize] = line;
    this.logSize += 1;
  }

  /** Adds the log's entries not yet in the hash table (every logged key is distinct). */
  private indexLog(): void {
    if (!this.keys) {
      let capacity = 1 << 16;
      while (capacity < this.logSize * 2) capacity *= 2;
      this.keys = new Float64Array(capacity).fill(-1);
      this.lines = new Int32Array(capacity);
    }
    for (; this.indexed < this.logSize; this.indexed += 1) {
      if ((this.indexed + 1) * 2 > this.keys.length) this.growTable();
      const key = this.logKeys[this.indexed]!;
      const at = this.find(key);
      this.keys[at] = key;
      this.lines![at] = this.logLines[this.indexed]!;
    }
  }

  /** The table slot holding `key`, or the empty slot where it would go. */
  private find(key: number): number {
    const keys = this.keys!;
    const mask = keys.length - 1;
    let at = hash(key) & mask;
    while (keys[at] !== key && keys[at] !== -1) at = (at + 1) & mask;
    return at;
  }

  private growTable(): void {
    const oldKeys = this.keys!;
    const oldLines = this.lines!;
    this.keys = new Float64Array(oldKeys.length * 2).fill(-1);
    this.lines = new Int32Array(oldKeys.length * 2);
    for (let i = 0; i < oldKeys.length; i += 1) {
      const key = oldKeys[i]!;
      if (key === -1) continue;
      const at = this.find(key);
      this.keys[at] = key;
      this.lines[at] = oldLines[i]!;
    }
  }

  private growLargest(group: number): void {
    let length = this.largest.length * 2;
    while (length <= group) length *= 2;
    const largest = new Int32Array(length).fill(-1);
    largest.set(this.largest);
    this.largest = largest;
  }
}

/** Mixes both halves of a key below 2^53 into 32 bits, so keys that differ only in high bits spread out. */
function hash(key: number): number {
  const low = key >>> 0;
  const high = Math.floor(key / 4294967296) >>> 0;
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
