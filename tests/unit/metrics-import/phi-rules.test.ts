import { describe, expect, it } from 'vitest';
import { METRIC_CATALOG } from '../../../src/shared/metrics/metric-catalog';
import { ROLE_HEADERS } from '../../../src/shared/metrics-import/header-matching';
import { phiHeaderProblem } from '../../../src/shared/metrics-import/phi-header-rules';
import { echoCell, phiInCell, sourceLabel, WITHHELD_VALUE } from '../../../src/shared/metrics-import/phi-tripwire';

describe('PHI rules never flag what aggregate files are made of', () => {
  it('no catalog metric key or label, and no structural header, reads as a patient-level header', () => {
    const headers = [...METRIC_CATALOG.flatMap((d) => [d.key, d.label]), ...Object.values(ROLE_HEADERS).flat()];
    expect(headers.filter((header) => phiHeaderProblem(header) !== null)).toEqual([]);
  });

  it('months, numbers and catalog keys in their own columns are not identifiers', () => {
    for (const cell of ['2026-03', '2026-03-01', '03/2026', 'March 2026', '202603', '46082', '2026-03-31T00:00:00Z']) expect(phiInCell(cell, 'month'), cell).toBeNull();
    for (const cell of ['123456789', '1234567890', '19500203', '1,234,567.89', '$123,456,789', '98.5%', '1.5e9']) expect(phiInCell(cell, 'value'), cell).toBeNull();
    for (const cell of METRIC_CATALOG.map((d) => d.key)) expect(phiInCell(cell, 'text'), cell).toBeNull();
  });
});

describe('row errors and stored sources never carry what may identify a person', () => {
  it('echoCell quotes ordinary cells and withholds names, dates of birth and ids', () => {
    expect(echoCell(' Acme Health ')).toBe('"Acme Health"');
    for (const cell of ['Doe, Jane', 'Maria Garcia', '02/03/1950', 'MRN100234', '123456789', 'jane@example.com', '12 Elm St']) expect(echoCell(cell), cell).toBe(WITHHELD_VALUE);
  });

  it('sourceLabel keeps ordinary file names and replaces identifying ones', () => {
    for (const name of ['riverbend-2026-03.csv', 'Q3 metrics export.csv', 'pmpm_2026-09-30.csv']) expect(sourceLabel(name)).toBe(name);
    for (const name of ['Jane Doe.csv', 'doe_jane_dob.csv', 'MRN100234.csv', 'export_02031950.csv', 'id 123456789.csv']) expect(sourceLabel(name), name).toBe('CSV import');
  });
});
