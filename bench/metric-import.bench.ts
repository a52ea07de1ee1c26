import type { BenchContext } from './bench-context';
import { round, type BenchRow } from './bench-row';
import { measureImportInChild } from './import-measurement';

/** Peak RSS the importer may reach on the 1M-row file. */
const PEAK_RSS_LIMIT_MB = 400;

/** Metric import: the 1M-row long CSV through the real importer vs a raw prepared INSERT. */
export async function benchMetricImport(context: BenchContext): Promise<BenchRow> {
  const m = await measureImportInChild(context, 'import');
  const rows = context.importCsv.rows;
  const rate = rows / (m.importMs / 1000);
  const floor = rows / (m.floorMs / 1000);
  const peakRssMb = m.peakRssBytes / 1024 / 1024;
  return {
    what: 'metric import',
    workload: `${rows.toLocaleString('en-US')}-row long CSV, real importer (parse, validate, PHI check, upsert, pre-import backup)`,
    figure: Math.round(rate),
    unit: 'rows/s',
    floor: Math.round(floor),
    ratio: round(floor / rate, 2),
    target: `≥ 50% of floor; peak RSS < ${PEAK_RSS_LIMIT_MB} MB`,
    pass: rate >= 0.5 * floor && peakRssMb < PEAK_RSS_LIMIT_MB,
    extra: { peakRssMb: Math.round(peakRssMb), percentOfFloor: Math.round((rate / floor) * 100), added: m.counts.added, backupMs: Math.round(m.backupMs) },
  };
}
