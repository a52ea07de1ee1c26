/**
 * Remembers the first line each numeric key was seen on, in typed arrays (open addressing, linear
 * probing). A million-value import needs one entry per value; a Map<number, number> costs ~50
 * bytes per entry plus a doubling rehash, this costs 12 bytes per slot at most half full.
 * Keys must be non-negative integers below 2^53.
 */
export class FirstLineTable {
  private keys: Float64Array;
  private lines: Int32Array;
  private size = 0;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.keys = new Float64Array(capacity).fill(-1);
    this.lines = new Int32Array(capacity);
  }

  /** The line `key` was first seen on; otherwise records `line` for it and returns undefined. */
  firstLineOrAdd(key: number, line: number): number | undefined {
    const mask = this.keys.length - 1;
    let slot = hash(key) & mask;
    for (;;) {
      const existing = this.keys[slot]!;
      if (existing === key) return this.lines[slot];
      if (existing === -1) break;
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = key;
    this.lines[slot] = line;
    this.size += 1;
    if (this.size * 2 > this.keys.length) this.grow();
    return undefined;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldLines = this.lines;
    this.keys = new Float64Array(oldKeys.length * 2).fill(-1);
    this.lines = new Int32Array(oldKeys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i += 1) {
      const key = oldKeys[i]!;
      if (key === -1) continue;
      let slot = hash(key) & mask;
      while (this.keys[slot] !== -1) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.lines[slot] = oldLines[i]!;
    }
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
