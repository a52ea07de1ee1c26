import { describe, expect, it } from 'vitest';
import type { MetricKey } from '../../../src/shared/framework/metric-keys';
import type { ValidObservation } from '../../../src/shared/metrics-import/row-validator';
import { KeptChanges } from '../../../src/main/services/metrics-import/kept-changes';

describe('KeptChanges (a preview’s changed values kept compactly for its commit)', () => {
  it('gives back every value in the order it was added, exactly, across growth and interleaved targets, metrics and months', () => {
    const metrics = ['rpm_enrolled_patients', 'rpm_eligible_patients', 'ccm_enrolled_patients'] as MetricKey[];
    const added: ValidObservation[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      // Mostly runs of the same account, stream and metric (as files are), with jumps back.
      const account = i % 7 === 0 ? 3 : Math.floor(i / 500);
      added.push({
        accountId: `account-${account}`,
        streamId: account % 2 === 0 ? '' : `stream-${account}`,
        metricKey: metrics[Math.floor(i / 50) % metrics.length]!,
        month: `20${10 + (i % 13)}-${String((i % 12) + 1).padStart(2, '0')}`,
        value: i % 3 === 0 ? -i / 7 : i * 0.1 + 1e-9,
        line: i + 2,
      });
    }
    const kept = new KeptChanges();
    for (const value of added) kept.add(value);
    expect(kept.length).toBe(added.length);
    const back = [...kept.batches(1_234)];
    expect(back.map((batch) => batch.length)).toEqual([...Array(8).fill(1_234), 10_000 - 8 * 1_234]);
    expect(back.flat()).toEqual(added.map((value) => ({ ...value, line: 0 })));
  });

  it('keeps nothing when nothing was added', () => {
    expect([...new KeptChanges().batches(10)]).toEqual([]);
  });
});
