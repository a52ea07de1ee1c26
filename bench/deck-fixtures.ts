import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Backend } from '../src/main/api/backend';
import type { ArchetypeKey } from '../src/shared/framework/keys';

/** The shared ECMA-376 checker the deck tests use; absent on a machine without ../shared. */
const CHECK_PPTX = path.resolve(process.cwd(), '..', 'shared', 'tools', 'check-pptx');

/** The first bench account (an RPM clinic, the richest deck) and the people mapped on it. */
export function benchDeckRequest(backend: Backend, accountId = 'bench-account-1'): { accountId: string; audience: ArchetypeKey[] } {
  const rows = backend.workspace.sqlite.prepare('SELECT DISTINCT archetype FROM stakeholders WHERE account_id = ? ORDER BY archetype').all(accountId) as { archetype: ArchetypeKey }[];
  return { accountId, audience: rows.map((row) => row.archetype) };
}

/** 'valid', 'invalid: …' or 'checker unavailable', from ../shared/tools/check-pptx. */
export function checkPptx(file: string): string {
  if (!fs.existsSync(CHECK_PPTX)) return 'checker unavailable';
  const result = spawnSync(CHECK_PPTX, [file], { encoding: 'utf8' });
  return result.status === 0 ? 'valid' : `invalid: ${(result.stdout + result.stderr).trim().split('\n').slice(-3).join(' ')}`;
}
