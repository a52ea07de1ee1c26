import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_CATALOG } from '../../../src/shared/metrics/metric-catalog';

/*
 * The README's metric catalog lists each key with the label the CSV mapper matches, so a CSM can
 * name export columns that map by themselves. This keeps the table true when the catalog changes.
 */
describe("the README's metric catalog", () => {
  const readme = fs.readFileSync(path.resolve('README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Metric catalog'), readme.indexOf('### KPIs'));

  it('lists every metric key with its label', () => {
    for (const definition of METRIC_CATALOG) {
      if (definition.key.startsWith('rpm_claims_')) continue;
      expect(section, definition.key).toContain(`| \`${definition.key}\` | ${definition.label} |`);
    }
  });

  it('shows the label pattern of the CPT claim keys', () => {
    const claims = METRIC_CATALOG.filter((definition) => definition.key.startsWith('rpm_claims_'));
    expect(claims).toHaveLength(18);
    for (const label of ['Claims submitted – CPT 99454', 'Claims paid – CPT 99457', 'Claims denied – CPT 99453']) {
      expect(claims.map((definition) => definition.label)).toContain(label);
      expect(section).toContain(label);
    }
  });
});
