import type { BenchContext } from './bench-context';
import { benchRow, round, type BenchRow } from './bench-row';
import { measureImportInChild } from './import-measurement';

/** Re-import: the same file again, every row unchanged, previewed and committed as the UI does, vs one key lookup per row. */
export async function benchReImport(context: BenchContext): Promise<BenchRow> {
  const m = await measureImportInChild(context, 're-import');
  const rows = context.importCsv.rows;
  const totalMs = m.previewMs + m.commitMs;
  return benchRow({
    id: 're-import',
    what: 're-import',
    workload: `the same ${rows.toLocaleString('en-US')} rows again, all unchanged: import.preview, then import.start (with its pre-import backup of the 1M-row file) until done`,
    figure: totalMs,
    unit: 'ms',
    floorIs: 'one prepared primary-key SELECT per row in one read transaction (what an unchanged row needs)',
    floor: m.floorMs,
    target: "≥ 50% of the floor's rows/s (figure ≤ 2× floor)",
    ratioLimit: 2,
    extra: {
      previewMs: Math.round(m.previewMs),
      commitMs: Math.round(m.commitMs),
      rowsPerSecond: Math.round(rows / (totalMs / 1000)),
      floorRowsPerSecond: Math.round(rows / (m.floorMs / 1000)),
      percentOfFloor: round((m.floorMs / totalMs) * 100, 0),
      unchanged: m.counts.unchanged,
    },
  });
}
