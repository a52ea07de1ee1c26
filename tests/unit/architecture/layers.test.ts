import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The folder a file sits in says what it may depend on (see README, Architecture). The tsconfig
 * projects enforce types (no DOM or Node types in src/shared); this enforces imports.
 */

const SRC = path.resolve('src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  // Comments may quote words like `from "Updated"`; drop them before looking for imports.
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)].map(
    (m) => (m[1] ?? m[2] ?? m[3])!,
  );
}

/** Where an import lands: a top-level src folder for relative imports, or the package name. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  const resolved = path.relative(SRC, path.resolve(path.dirname(file), specifier));
  return `src/${resolved.split(path.sep)[0]}`;
}

function violations(folder: string, allowed: (dep: string, file: string) => boolean): string[] {
  return sourceFiles(path.join(SRC, folder)).flatMap((file) =>
    importsOf(file)
      .map((specifier) => target(file, specifier))
      .filter((dep) => !allowed(dep, file))
      .map((dep) => `${path.relative(SRC, file)} imports ${dep}`),
  );
}

describe('layer boundaries', () => {
  it('src/shared is pure: only itself, zod and simple-statistics', () => {
    expect(violations('shared', (dep) => dep === 'src/shared' || dep === 'zod' || dep === 'simple-statistics')).toEqual([]);
  });

  it('src/renderer reaches the backend only through the shared contract, never main, Node or Electron', () => {
    const allowedPackages = ['react', 'react-dom', 'zustand', 'chart.js', '@mantine/core', '@mantine/hooks', '@mantine/notifications', '@mantine/modals', '@tanstack/react-virtual', '@tabler/icons-react'];
    expect(violations('renderer', (dep) => dep === 'src/renderer' || dep === 'src/shared' || allowedPackages.includes(dep))).toEqual([]);
  });

  it('src/main never imports the renderer, and only the shell and preload import electron', () => {
    expect(
      violations('main', (dep, file) => {
        if (dep === 'src/renderer') return false;
        if (dep === 'electron') return /[\\/]main[\\/](shell|preload)[\\/]/.test(file);
        return true;
      }),
    ).toEqual([]);
  });
});
