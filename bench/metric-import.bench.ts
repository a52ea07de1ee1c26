import type { BenchContext } from './bench-context';
import { atMost, benchRow, type BenchRow } from './bench-row';
import { importThroughput, measureImportInChild, PEAK_RSS_LIMIT_MB } from './import-measurement';

/** Metric import: the 1M-row long CSV previewed and committed as the UI does, vs a raw prepared INSERT. */
export async function benchMetricImport(context: BenchContext): Promise<BenchRow> {
  const m = await measureImportInChild(context, 'import');
  const rows = context.importCsv.rows;
  const totalMs = m.previewMs + m.commitMs;
  const peakRssMb = m.peakRssBytes / 1024 / 1024;
  return benchRow({
    id: 'import',
    what: 'metric import',
    workload: `${rows.toLocaleString('en-US')}-row long CSV through the API as the UI does: import.preview, then import.start (parse, validate, PHI check, pre-import backup, upsert) until done`,
    figure: totalMs,
    unit: 'ms',
    floorIs: 'the same rows into the same empty table, one prepared INSERT in one transaction',
    floor: m.floorMs,
    target: `≥ 50% of the floor's rows/s (figure ≤ 2× floor); peak RSS < ${PEAK_RSS_LIMIT_MB} MB`,
    ratioLimit: 2,
    checks: [atMost('peak RSS', peakRssMb, PEAK_RSS_LIMIT_MB, 'MB')],
    extra: { ...importThroughput(m, rows, m.floorMs), added: m.counts.added },
  });
}
