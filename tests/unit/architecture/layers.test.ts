import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The folder a file sits in says what it may depend on (README, Architecture). The rules live in
 * .dependency-cruiser.cjs and judge every import at any depth; this runs them on the real tree and
 * on tests/fixtures/layers, a small tree that breaks each rule once, so a rule that stopped firing fails here.
 */

interface Violation {
  rule: string;
  from: string;
  to: string;
}

function cruise(target: string): Violation[] {
  const bin = path.resolve('node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [bin, target, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    // depcruise exits non-zero when it finds violations; the JSON is still on stdout.
    stdout = (error as { stdout?: string }).stdout ?? '';
  }
  const result = JSON.parse(stdout) as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> } };
  return result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

const FIXTURE = 'tests/fixtures/layers/src';
describe('layer boundaries', () => {
  it('the source tree breaks none of the layer rules', () => {
    expect(cruise('src')).toEqual([]);
  }, 60_000);

  it('every rule fires on an import that crosses its layer, however deep the file sits', () => {
    const found = cruise(FIXTURE).map((v) => `${v.rule}: ${v.from.replace(`${FIXTURE}/`, '')} → ${v.to.replace(`${FIXTURE}/`, '')}`);
    expect(found.sort()).toEqual(
      [
        'shared-is-pure: shared/deep/impure.ts → main/storage/db/repositories/rows.ts',
        'shared-is-pure: shared/deep/impure.ts → fs',
        'shared-no-node-builtins: shared/deep/impure.ts → fs',
        'renderer-only-through-contract: renderer/screens/deep/screen.ts → main/api/handlers/handler.ts',
        'storage-is-the-bottom: main/storage/db/repositories/rows.ts → main/services/decks/service.ts',
        'render-draws-only: main/render/slides/deep/draw.ts → main/storage/db/repositories/rows.ts',
        'services-below-api: main/services/decks/service.ts → main/api/handlers/handler.ts',
        'api-below-transports: main/api/handlers/handler.ts → main/transports/cli/commands/command.ts',
        'transports-go-through-api: main/transports/cli/commands/command.ts → main/storage/db/repositories/rows.ts',
        'electron-only-in-shell-and-preload: main/transports/cli/commands/command.ts → node_modules/electron/index.js',
        'main-files-live-in-a-layer: main/stray.ts → shared/deep/domain.ts',
      ].sort(),
    );
    // The shell may import electron and call the api: neither is reported.
    expect(found.filter((line) => line.includes('main/transports/shell/'))).toEqual([]);
  }, 60_000);
});
