import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from './bench-context';
import { round } from './bench-row';

/** What one import child reports. */
export interface ImportMeasurement {
  previewMs: number;
  commitMs: number;
  floorMs: number;
  peakRssBytes: number;
  counts: { added: number; updated: number; unchanged: number; rejected: number };
}

/** Peak RSS an importer may reach on the 1M-row file (the `import` and `pg-import` rows). */
export const PEAK_RSS_LIMIT_MB = 400;

/**
 * Runs a bench child script (beside this module) under tsx in a fresh Node process and returns the
 * JSON of the last line it printed.
 */
export function runMeasuringChild<T>(script: string, args: readonly string[], label: string): Promise<T> {
  const child = fileURLToPath(new URL(`./${script}`, import.meta.url));
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${label} child exited with ${code}: ${stdout}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as T);
    });
  });
}

/** Runs bench/metric-import-child.ts in a fresh Node process and returns what it measured. */
export function measureImportInChild(context: BenchContext, mode: 'import' | 're-import'): Promise<ImportMeasurement> {
  return runMeasuringChild<ImportMeasurement>('metric-import-child.ts', [mode, context.importCsv.path, String(context.importCsv.accounts), context.dir], mode);
}

/** The figures both import rows report beside their own: preview and commit time, rows/s of each side and the share of the floor. */
export function importThroughput(m: Pick<ImportMeasurement, 'previewMs' | 'commitMs'>, rows: number, floorMs: number): Record<string, number> {
  const totalMs = m.previewMs + m.commitMs;
  return {
    previewMs: Math.round(m.previewMs),
    commitMs: Math.round(m.commitMs),
    rowsPerSecond: Math.round(rows / (totalMs / 1000)),
    floorRowsPerSecond: Math.round(rows / (floorMs / 1000)),
    percentOfFloor: round((floorMs / totalMs) * 100, 0),
  };
}
