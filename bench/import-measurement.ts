import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from './bench-context';

/** What one import child reports. */
export interface ImportMeasurement {
  previewMs: number;
  commitMs: number;
  floorMs: number;
  peakRssBytes: number;
  counts: { added: number; updated: number; unchanged: number; rejected: number };
}

/** Runs bench/metric-import-child.ts in a fresh Node process and returns what it measured. */
export function measureImportInChild(context: BenchContext, mode: 'import' | 're-import'): Promise<ImportMeasurement> {
  const child = fileURLToPath(new URL('./metric-import-child.ts', import.meta.url));
  const args = ['--import', 'tsx', child, mode, context.importCsv.path, String(context.importCsv.accounts), context.dir];
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`${mode} child exited with ${code}: ${stdout}`));
      resolve(JSON.parse(last) as ImportMeasurement);
    });
  });
}
