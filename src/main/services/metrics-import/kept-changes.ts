import type { MetricKey } from '../../../shared/framework/metric-keys';
import type { ValidObservation } from '../../../shared/metrics-import/row-validator';

/** Bytes one kept value costs: target (Int32), metric and month (Uint16 each), value (Float64). */
export const KEPT_CHANGE_BYTES = 16;

const INITIAL_CAPACITY = 4096;

/**
 * The values a preview found new or different, kept for its commit in typed arrays: 16 bytes a
 * value instead of an object each (~100 bytes and a GC that must trace them), so a preview of a
 * first import of a million rows can hand all of them to its commit. Account + stream, metric and
 * month are interned (a file repeats them on every row); the value is kept exactly (Float64).
 * Values come back in the order they were added.
 */
export class KeptChanges {
  private readonly targets: { accountId: string; streamId: string }[] = [];
  private readonly targetIndex = new Map<string, Map<string, number>>();
  private readonly metricKeys: MetricKey[] = [];
  private readonly metricIndex = new Map<string, number>();
  private readonly monthNames: string[] = [];
  private readonly monthIndex = new Map<string, number>();
  private targetOf = new Int32Array(INITIAL_CAPACITY);
  private metricOf = new Uint16Array(INITIAL_CAPACITY);
  private monthOf = new Uint16Array(INITIAL_CAPACITY);
  private valueOf = new Float64Array(INITIAL_CAPACITY);
  private count = 0;
  // The previous value's parts and their indexes: a file's rows usually repeat the account, stream and metric of the row before.
  private lastAccountId: string | null = null;
  private lastStreamId = '';
  private lastTarget = 0;
  private lastMetricKey: string | null = null;
  private lastMetric = 0;
  private lastMonth: string | null = null;
  private lastMonthIndex = 0;

  get length(): number {
    return this.count;
  }

  /** Keeps a copy of `value` (its parts, not the object). */
  add(value: ValidObservation): void {
    if (value.accountId !== this.lastAccountId || value.streamId !== this.lastStreamId) {
      this.lastTarget = this.intern(value.accountId, value.streamId);
      this.lastAccountId = value.accountId;
      this.lastStreamId = value.streamId;
    }
    if (value.metricKey !== this.lastMetricKey) {
      this.lastMetric = internIn(this.metricIndex, this.metricKeys, value.metricKey);
      this.lastMetricKey = value.metricKey;
    }
    if (value.month !== this.lastMonth) {
      this.lastMonthIndex = internIn(this.monthIndex, this.monthNames, value.month);
      this.lastMonth = value.month;
    }
    if (this.count === this.targetOf.length) this.grow();
    const at = this.count;
    this.targetOf[at] = this.lastTarget;
    this.metricOf[at] = this.lastMetric;
    this.monthOf[at] = this.lastMonthIndex;
    this.valueOf[at] = value.value;
    this.count += 1;
  }

  /**
   * The kept values in order, `size` at a time, as fresh objects (`line` is 0: kept values are
   * only written, never reported).
   */
  *batches(size: number): Generator<ValidObservation[], void, undefined> {
    for (let start = 0; start < this.count; start += size) {
      const end = Math.min(start + size, this.count);
      const batch: ValidObservation[] = new Array(end - start);
      for (let i = start; i < end; i += 1) {
        const { accountId, streamId } = this.targets[this.targetOf[i]!]!;
        batch[i - start] = { accountId, streamId, metricKey: this.metricKeys[this.metricOf[i]!]!, month: this.monthNames[this.monthOf[i]!]!, value: this.valueOf[i]!, line: 0 };
      }
      yield batch;
    }
  }

  private intern(accountId: string, streamId: string): number {
    let byStream = this.targetIndex.get(accountId);
    if (!byStream) this.targetIndex.set(accountId, (byStream = new Map()));
    let index = byStream.get(streamId);
    if (index === undefined) {
      index = this.targets.length;
      this.targets.push({ accountId, streamId });
      byStream.set(streamId, index);
    }
    return index;
  }

  private grow(): void {
    const capacity = this.targetOf.length * 2;
    this.targetOf = copyInto(new Int32Array(capacity), this.targetOf);
    this.metricOf = copyInto(new Uint16Array(capacity), this.metricOf);
    this.monthOf = copyInto(new Uint16Array(capacity), this.monthOf);
    this.valueOf = copyInto(new Float64Array(capacity), this.valueOf);
  }
}

function internIn<T extends string>(index: Map<string, number>, names: T[], name: T): number {
  let at = index.get(name);
  if (at === undefined) {
    at = names.length;
    // Metrics (the catalog) and months (1900-2199) stay far below Uint16's 65,536.
    if (at > 0xffff) throw new Error('Too many distinct metrics or months to keep.');
    names.push(name);
    index.set(name, at);
  }
  return at;
}

function copyInto<T extends Int32Array | Uint16Array | Float64Array>(target: T, source: T): T {
  target.set(source as never);
  return target;
}
