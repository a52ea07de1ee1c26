import type { BenchContext } from './bench-context';
import { benchRow, type BenchRow } from './bench-row';
import { importThroughput, measureImportInChild } from './import-measurement';

/** Re-import: the same file again, every row unchanged, previewed and committed as the UI does, vs one key lookup per row. */
export async function benchReImport(context: BenchContext): Promise<BenchRow> {
  const m = await measureImportInChild(context, 're-import');
  const rows = context.importCsv.rows;
  const totalMs = m.previewMs + m.commitMs;
  return benchRow({
    id: 're-import',
    what: 're-import',
    workload: `the same ${rows.toLocaleString('en-US')} rows again, all unchanged: import.preview, then import.start until done (the commit reuses the preview and, writing nothing, takes no pre-import backup)`,
    figure: totalMs,
    unit: 'ms',
    floorIs: 'one prepared primary-key SELECT per row in one read transaction (what an unchanged row needs)',
    floor: m.floorMs,
    target: "≥ 50% of the floor's rows/s (figure ≤ 2× floor)",
    ratioLimit: 2,
    extra: { ...importThroughput(m, rows, m.floorMs), unchanged: m.counts.unchanged },
  });
}
