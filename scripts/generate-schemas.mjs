#!/usr/bin/env node
// `npm run schemas`: regenerates the published JSON Schemas from their zod sources.
// tests/integration/workspace-export.test.ts fails while the checked-in file is stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
register();
const { workspaceExportJsonSchema } = await import('../src/shared/api/schemas/workspace-export-schemas.ts');
const target = path.join(root, 'resources/schemas/workspace-export.schema.json');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, `${JSON.stringify(workspaceExportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(root, target)}`);
