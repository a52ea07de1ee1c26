/*
 * A child process for tests/integration/crash-safety.test.ts, run with `node --import tsx`. It does
 * one kind of durable work in a loop and prints `ack <n>` on stdout only after unit n is durable
 * (stdout to a pipe is synchronous on POSIX, so an ack the parent reads was written before the
 * next unit began). The parent SIGKILLs it at a random moment and checks what survived.
 *
 *   crash-child.ts import  DB UNITS ROWS   real CSV importer (commitMetricsImport), pre-import backup each unit
 *   crash-child.ts naive   DB UNITS ROWS   the same rows written one autocommit at a time: MUST fail the harness
 *   crash-child.ts backup  DB UNITS        workspace backups through the backup API, atomically
 *   crash-child.ts write   FILE UNITS SIZE atomic file writes (the deck exporter's path)
 *
 * Switching the import mode to another importer means changing importUnit() only.
 */
import crypto from 'node:crypto';
import { prepareObservationStatements } from '../../src/main/storage/db/repositories/metric-import-repository';
import { writeFileAtomic } from '../../src/main/storage/files/atomic-write';
import { openImportConnection } from '../../src/main/services/metrics-import/import-session-file';
import { requireWorkspaceFile } from '../../src/main/storage/workspace/file-only';
import { commitMetricsImport } from '../../src/main/services/metrics-import/run-import';
import { backupBeforeBulkImport, backupWorkspace } from '../../src/main/storage/workspace/backups';
import { openWorkspace, type Workspace } from '../../src/main/storage/workspace/open-workspace';

/** The account every crash import writes to; the parent creates it. */
export const CRASH_ACCOUNT = 'Crash Test Clinic';
/** Metrics the generated CSV fills: rows = metrics × months. */
export const CRASH_METRICS = [
  'rpm_enrolled_patients',
  'rpm_eligible_patients',
  'rpm_provider_logins',
  'rpm_device_days_total',
  'rpm_patients_2_15_days',
  'rpm_patients_16_30_days',
  'rpm_claims_submitted_99454',
  'rpm_claims_paid_99454',
];

/** Months 2000-01 onwards (2,000 rows reach 2020-10: imports take months up to the current one), one per row block; every unit writes the same keys with the value `unit`. */
export function crashCsv(unit: number, rows: number): string {
  const lines = ['account,stream,metric,month,value'];
  for (let i = 0; i < rows; i += 1) {
    const metric = CRASH_METRICS[i % CRASH_METRICS.length]!;
    const monthIndex = Math.floor(i / CRASH_METRICS.length);
    const month = `${2000 + Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
    lines.push(`${CRASH_ACCOUNT},,${metric},${month},${unit}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The bytes of version `unit` of the atomically written file: a header naming the version, then deterministic noise. */
export function crashFileContent(unit: number, size: number): Buffer {
  const header = Buffer.from(`version ${unit}\n`);
  const body = crypto.createHash('sha512').update(String(unit)).digest();
  const out = Buffer.alloc(size);
  header.copy(out);
  for (let at = header.length; at < size; at += body.length) body.copy(out, at);
  return out;
}

async function importUnit(workspace: Workspace, unit: number, rows: number): Promise<void> {
  const result = await commitMetricsImport(
    workspace,
    { source: { kind: 'text', fileName: `crash-${unit}.csv`, text: crashCsv(unit, rows) } },
    { mode: 'all-or-nothing', now: () => new Date(), remembered: {}, backup: async () => (await backupBeforeBulkImport(workspace)).path },
  );
  if (!result.committed) throw new Error(`import ${unit} did not commit: ${JSON.stringify(result.rowErrors.slice(0, 3))}`);
}

/** Deliberately wrong: each value is its own transaction, so a kill leaves part of a unit behind. */
function naiveUnit(workspace: Workspace, accountId: string, unit: number, rows: number): void {
  const connection = openImportConnection(requireWorkspaceFile(workspace, 'The naive importer'));
  try {
    const statements = prepareObservationStatements(connection);
    for (let i = 0; i < rows; i += 1) {
      const metric = CRASH_METRICS[i % CRASH_METRICS.length]!;
      const monthIndex = Math.floor(i / CRASH_METRICS.length);
      const month = `${2000 + Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
      statements.upsert({ accountId, streamId: '', metricKey: metric, month }, unit, 'naive', new Date().toISOString());
    }
  } finally {
    connection.close();
  }
}

async function main(): Promise<void> {
  const [mode, target, unitsText, sizeText] = process.argv.slice(2);
  const units = Number(unitsText);
  const size = Number(sizeText ?? 0);
  const ack = (unit: number) => process.stdout.write(`ack ${unit}\n`);

  if (mode === 'write') {
    process.stdout.write('ready\n');
    for (let unit = 1; unit <= units; unit += 1) {
      await writeFileAtomic(target!, crashFileContent(unit, size));
      ack(unit);
    }
  } else {
    const workspace = await openWorkspace(target!, { now: () => new Date() });
    const accountId = String(workspace.sqlite!.prepare('SELECT id FROM accounts WHERE name = ?').pluck().get(CRASH_ACCOUNT));
    process.stdout.write('ready\n');
    for (let unit = 1; unit <= units; unit += 1) {
      if (mode === 'import') await importUnit(workspace, unit, size);
      else if (mode === 'naive') naiveUnit(workspace, accountId, unit, size);
      else if (mode === 'backup') await backupWorkspace(workspace, 'manual', new Date());
      else throw new Error(`unknown mode ${mode}`);
      ack(unit);
    }
    await workspace.close();
  }
  process.stdout.write('done\n');
}

// Only when run as the child, not when the test imports the helpers above.
if (process.argv[1]?.endsWith('crash-child.ts')) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(3);
  });
}
