import type { BenchContext } from './bench-context';
import { round, type BenchRow } from './bench-row';
import { measureImportInChild } from './import-measurement';

/** Re-import: the same file again, every row unchanged, vs the same raw-insert floor. */
export async function benchReImport(context: BenchContext): Promise<BenchRow> {
  const m = await measureImportInChild(context, 're-import');
  const rows = context.importCsv.rows;
  const rate = rows / (m.importMs / 1000);
  const floor = rows / (m.floorMs / 1000);
  return {
    what: 're-import',
    workload: `the same ${rows.toLocaleString('en-US')} rows again, all unchanged (includes the pre-import backup of the 1M-row file)`,
    figure: Math.round(rate),
    unit: 'rows/s',
    floor: Math.round(floor),
    ratio: round(floor / rate, 2),
    target: '≥ 50% of floor',
    pass: rate >= 0.5 * floor,
    extra: { percentOfFloor: Math.round((rate / floor) * 100), unchanged: m.counts.unchanged, backupMs: Math.round(m.backupMs) },
  };
}
