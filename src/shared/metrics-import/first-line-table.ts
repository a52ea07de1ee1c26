/**
 * Remembers the first line each numeric key was seen on, in typed arrays. A million-value import
 * needs one entry per value; a Map<number, number> costs ~50 bytes per entry plus a doubling
 * rehash, this 12 bytes per value (a Float64 key and an Int32 line).
 *
 * Files are usually written in key order (account, then metric, then month): every key larger
 * than all before it cannot repeat an earlier one, so it is only appended to a sorted run — no
 * hashing, no random memory access. A key at or below the largest seen is looked up in the run
 * (binary search) and in a hash table (open addressing, linear probing, at most half full) that
 * holds the keys that came out of order. Keys must be non-negative integers below 2^53.
 */
export class FirstLineTable {
  private runKeys: Float64Array;
  private runLines: Int32Array;
  private runSize = 0;
  private largest = -1;
  private keys: Float64Array | null = null;
  private lines: Int32Array | null = null;
  private size = 0;

  constructor(private readonly initialCapacity = 1 << 16) {
    this.runKeys = new Float64Array(Math.max(16, initialCapacity));
    this.runLines = new Int32Array(this.runKeys.length);
  }

  /** The line `key` was first seen on; otherwise records `line` for it and returns undefined. */
  firstLineOrAdd(key: number, line: number): number | undefined {
    if (key > this.largest) {
      if (this.runSize === this.runKeys.length) this.growRun();
      this.runKeys[this.runSize] = key;
      this.runLines[this.runSize] = line;
      this.runSize += 1;
      this.largest = key;
      return undefined;
    }
    const inRun = this.findInRun(key);
    if (inRun !== -1) return this.runLines[inRun];
    return this.firstLineOrAddOutOfOrder(key, line);
  }

  /** Index of `key` in the sorted run, or -1. */
  private findInRun(key: number): number {
    const keys = this.runKeys;
    let low = 0;
    let high = this.runSize - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = keys[middle]!;
      if (at === key) return middle;
      if (at < key) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  private firstLineOrAddOutOfOrder(key: number, line: number): number | undefined {
    if (!this.keys || !this.lines) {
      let capacity = 16;
      while (capacity < this.initialCapacity) capacity *= 2;
      this.keys = new Float64Array(capacity).fill(-1);
      this.lines = new Int32Array(capacity);
    }
    const keys = this.keys;
    const mask = keys.length - 1;
    let slot = hash(key) & mask;
    for (;;) {
      const existing = keys[slot]!;
      if (existing === key) return this.lines[slot];
      if (existing === -1) break;
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    this.lines[slot] = line;
    this.size += 1;
    if (this.size * 2 > keys.length) this.grow();
    return undefined;
  }

  private growRun(): void {
    const keys = new Float64Array(this.runKeys.length * 2);
    const lines = new Int32Array(keys.length);
    keys.set(this.runKeys);
    lines.set(this.runLines);
    this.runKeys = keys;
    this.runLines = lines;
  }

  private grow(): void {
    const oldKeys = this.keys!;
    const oldLines = this.lines!;
    const keys = new Float64Array(oldKeys.length * 2).fill(-1);
    const lines = new Int32Array(oldKeys.length * 2);
    const mask = keys.length - 1;
    for (let i = 0; i < oldKeys.length; i += 1) {
      const key = oldKeys[i]!;
      if (key === -1) continue;
      let slot = hash(key) & mask;
      while (keys[slot] !== -1) slot = (slot + 1) & mask;
      keys[slot] = key;
      lines[slot] = oldLines[i]!;
    }
    this.keys = keys;
    this.lines = lines;
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
