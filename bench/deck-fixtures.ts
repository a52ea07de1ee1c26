import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Backend } from '../src/main/api/backend';
import { createDeckService } from '../src/main/services/decks/deck-service';
import { renderDeck } from '../src/main/render/render-deck';
import type { ArchetypeKey } from '../src/shared/framework/keys';
import { recordPptxCalls, type PptxRecording } from './pptx-call-recorder';
import { BENCH_NOW } from './synthetic-portfolio';

/**
 * The shared ECMA-376 checker the deck tests use: QBR_CHECK_PPTX, else ../shared/tools/check-pptx
 * beside this checkout or beside the main checkout of a git worktree.
 */
function findCheckPptx(): string {
  if (process.env.QBR_CHECK_PPTX) return process.env.QBR_CHECK_PPTX;
  const beside = (root: string) => path.resolve(root, '..', 'shared', 'tools', 'check-pptx');
  const common = spawnSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { encoding: 'utf8' }).stdout.trim();
  const candidates = [beside(process.cwd()), ...(common ? [beside(path.dirname(common))] : [])];
  return candidates.find((candidate) => fs.existsSync(candidate)) ?? candidates[0]!;
}
const CHECK_PPTX = findCheckPptx();

/** The first bench account (an RPM clinic, the richest deck) and the people mapped on it. */
export function benchDeckRequest(backend: Backend, accountId = 'bench-account-1'): { accountId: string; audience: ArchetypeKey[] } {
  const rows = backend.workspace.sqlite!.prepare('SELECT DISTINCT archetype FROM stakeholders WHERE account_id = ? ORDER BY archetype').all(accountId) as { archetype: ArchetypeKey }[];
  return { accountId, audience: rows.map((row) => row.archetype) };
}

/**
 * 'valid' or 'invalid: …' from ../shared/tools/check-pptx for one or more files (one checker run).
 * A missing checker is 'invalid' too: a deck row that could not check its files has not shown
 * that they are valid.
 */
export function checkPptx(files: string | readonly string[]): string {
  const list = typeof files === 'string' ? [files] : files;
  if (!fs.existsSync(CHECK_PPTX)) return `invalid: the checker ${CHECK_PPTX} is missing, so validity is unproven`;
  if (list.length === 0) return 'invalid: no file to check';
  const result = spawnSync(CHECK_PPTX, list, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return result.status === 0 ? 'valid' : `invalid: ${(result.stdout + result.stderr).trim().split('\n').slice(-3).join(' ')}`;
}

/** The pptxgenjs calls our renderer makes for one account's deck, planned from the workspace as decks.export plans it. */
export async function recordAccountDeck(backend: Backend, accountId: string, audience: ArchetypeKey[]): Promise<PptxRecording> {
  const account = await backend.workspace.db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
  const service = createDeckService({ workspace: backend.workspace, now: () => BENCH_NOW, newId: () => 'unused', render: renderDeck });
  return recordPptxCalls((await service.planFor(account, { audience, deckType: 'qbr' })).document);
}

/** "22 slides, 4 native charts, 11 tables, 21 notes". */
export function describeRecording(recording: PptxRecording): string {
  const count = (name: string) => recording.operations.filter((op) => op.name === name).length;
  return `${recording.slideCount} slides, ${count('addChart')} native charts, ${count('addTable')} tables, ${count('addNotes')} notes`;
}
