#!/usr/bin/env node
// `npm run test:security`: runs Doyensec's electronegativity over the Electron main-process sources
// (and the built out/ folder when it exists, with --build) and FAILS on:
//   - any HIGH finding (these cannot be annotated away),
//   - any MEDIUM finding without a review annotation,
//   - any file electronegativity could not parse (a file it cannot read is a file it did not check),
//   - any `eng-disable` comment (electronegativity's own switch, which would hide findings of any severity).
// electronegativity itself always exits 0, so this gate decides. Reports (JSON and CSV) go to
// test-results/electronegativity/.
//
// Annotating a reviewed MEDIUM finding: on the flagged line or up to three lines above it, write
//   // electronegativity-reviewed CHECK_ID: why this is safe here
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const toolRoot = path.join(root, 'tools/electronegativity/node_modules/@doyensec/electronegativity');
const reportDir = path.join(root, 'test-results/electronegativity');
const ANNOTATION = /electronegativity-reviewed\s+([A-Z0-9_]+)\s*:\s*\S/;

if (!fs.existsSync(path.join(toolRoot, 'package.json'))) {
  console.error('electronegativity is not installed; run `node scripts/install-electronegativity.mjs` first.');
  process.exit(1);
}
const run = createRequire(import.meta.url)(path.join(toolRoot, 'dist/runner.js'));
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.electron.replace(/^[^\d]*/, '');

// `--input DIR` (repeatable) replaces the default inputs; used to prove the gate fails on a bad fixture.
const given = process.argv.flatMap((arg, i, all) => (arg === '--input' && all[i + 1] ? [path.resolve(all[i + 1])] : []));
const inputs = given.length ? given : [path.join(root, 'src/main')];
if (process.argv.includes('--build') && fs.existsSync(path.join(root, 'out'))) inputs.push(path.join(root, 'out'));
fs.mkdirSync(reportDir, { recursive: true });

const problems = [];
const report = { electronVersion, inputs: [], issues: [], parseErrors: [] };

for (const input of inputs) {
  const label = path.relative(root, input) || path.basename(input);
  const csv = path.join(reportDir, `${label.replace(/[\\/]/g, '-')}.csv`);
  const result = await run({
    input,
    output: csv,
    isSarif: false,
    customScan: [],
    // Looks up Electron releases over the network; the pinned version is checked by other means (Dependabot/npm audit).
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: true,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  report.inputs.push({ input: label, filesWithErrors: result.errors.length, issues: result.issues.length, csv: path.relative(root, csv) });
  for (const error of result.errors) {
    const file = path.relative(root, error.file);
    report.parseErrors.push({ file, message: error.message, tolerable: error.tolerable });
    problems.push(`could not parse ${file}: ${error.message}`);
  }
  for (const issue of result.issues) {
    const file = path.join(input, issue.file);
    const severity = issue.severity.name;
    const annotation = severity === 'MEDIUM' ? findAnnotation(file, issue.location.line, issue.id) : null;
    report.issues.push({
      id: issue.id,
      severity,
      confidence: issue.confidence.name,
      file: path.relative(root, file),
      line: issue.location.line,
      column: issue.location.column,
      description: issue.description,
      reviewed: annotation,
    });
    const where = `${path.relative(root, file)}:${issue.location.line}`;
    if (severity === 'HIGH') problems.push(`HIGH ${issue.id} at ${where}: ${issue.description}`);
    if (severity === 'MEDIUM' && !annotation) problems.push(`MEDIUM ${issue.id} at ${where} has no "electronegativity-reviewed ${issue.id}: why" annotation: ${issue.description}`);
  }
  for (const file of sourceFiles(input)) {
    if (/eng-disable/.test(fs.readFileSync(file, 'utf8'))) problems.push(`${path.relative(root, file)} uses eng-disable; annotate with electronegativity-reviewed instead`);
  }
}

fs.writeFileSync(path.join(reportDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
const summary = report.issues.map((i) => `  ${i.severity.padEnd(13)} ${i.id.padEnd(28)} ${i.file}:${i.line}${i.reviewed ? `  (reviewed: ${i.reviewed})` : ''}`).join('\n');
console.log(`electronegativity ${electronVersion}: ${report.issues.length} findings, ${report.parseErrors.length} parse errors\n${summary}`);
if (process.argv.includes('--expect-failure')) {
  // Self-test on tests/fixtures/electronegativity: proves the gate can fail.
  const expected = problems.some((p) => p.startsWith('HIGH')) && problems.some((p) => p.startsWith('could not parse'));
  console.log(expected ? 'electronegativity gate self-test: failed as it should on the insecure fixture.' : `electronegativity gate self-test FAILED: the insecure fixture passed (${problems.length} problems).`);
  process.exit(expected ? 0 : 1);
}
if (problems.length) {
  console.error(`\nelectronegativity gate FAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('electronegativity gate passed.');

/** The reason given in an `electronegativity-reviewed ID: reason` comment on the line or the three above it. */
function findAnnotation(file, line, id) {
  if (!fs.existsSync(file)) return null;
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  for (let at = Math.max(0, line - 4); at < line; at += 1) {
    const match = ANNOTATION.exec(lines[at] ?? '');
    if (match && match[1] === id) return lines[at].slice(lines[at].indexOf(':', match.index) + 1).trim();
  }
  return null;
}

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|cjs|mjs)$/.test(entry.name) ? [full] : [];
  });
}
