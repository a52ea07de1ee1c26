import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 built for Electron's ABI lives beside the Node build rather than replacing it,
 * so tests and the CLI (Node) and `npm start` (Electron) never fight over one binary.
 * scripts/native-for-electron.mjs writes it; a packaged app uses the binary electron-builder rebuilt.
 */
export function electronNativeBindingPath(appRoot: string): string | undefined {
  const candidate = path.join(appRoot, '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}
