import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The shared schema checker (`shared/tools/check-pptx`), found from the working directory upwards,
 * so tests run the same from the main checkout and from a worktree one folder deeper
 * (QBR_CHECK_PPTX overrides it).
 */
export function checkPptxPath(): string {
  if (process.env.QBR_CHECK_PPTX) return process.env.QBR_CHECK_PPTX;
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'tools', 'check-pptx');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error('shared/tools/check-pptx was not found above the working directory');
  }
}

/** Runs check-pptx on the files; `ok` is true when every file is valid, `report` is its output. */
export function checkPptx(files: readonly string[]): { ok: boolean; report: string } {
  const result = spawnSync(checkPptxPath(), [...files], { encoding: 'utf8' });
  return { ok: result.status === 0, report: `${result.stdout}${result.stderr}${result.error ? String(result.error) : ''}` };
}
