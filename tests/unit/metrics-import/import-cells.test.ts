import { describe, expect, it } from 'vitest';
import { METRIC_CATALOG } from '../../../src/shared/metrics/metric-catalog';
import { headerFingerprint, suggestMapping } from '../../../src/shared/metrics-import/column-mapping';
import { FirstLineTable } from '../../../src/shared/metrics-import/first-line-table';
import { detectDayOrder, parseMonthCell } from '../../../src/shared/metrics-import/month-cell';
import { detectDecimalSeparator, parseNumberCell } from '../../../src/shared/metrics-import/number-cell';
import { findPhiHeader, phiInCell } from '../../../src/shared/metrics-import/phi-tripwire';

describe('month cells', () => {
  it.each([
    ['2026-03', '2026-03'], ['2026-3', '2026-03'], ['2026-03-01', '2026-03'], ['2026-03-31 00:00:00', '2026-03'], ['03/2026', '2026-03'],
    ['Mar 2026', '2026-03'], ['march 2026', '2026-03'], ['Mar-26', '2026-03'], ['2026/03', '2026-03'], ['2026-Mar', '2026-03'],
    ['1-Mar-26', '2026-03'], ['202603', '2026-03'], ['46082', '2026-03'], [' 2026-03 ', '2026-03'], ['15/03/2026', '2026-03'], ['03/15/2026', '2026-03'],
  ])('%s → %s', (cell, month) => expect(parseMonthCell(cell)).toEqual({ ok: true, month }));

  it.each(['2026-13', '2026-02-30', 'Smarch 2026', '', '03/04/2026', '1899-12', '12345678', 'Q1 2026'])('rejects %j', (cell) => {
    expect(parseMonthCell(cell).ok).toBe(false);
  });

  it('reads ambiguous slash dates only with a day order, detected from the whole sample', () => {
    expect(detectDayOrder(['01/03/2026', '01/04/2026'])).toBe('dmy');
    expect(detectDayOrder(['3/1/2026', '4/1/2026'])).toBe('mdy');
    expect(detectDayOrder(['13/03/2026', '01/04/2026'])).toBe('dmy');
    expect(detectDayOrder(['03/04/2026', '05/06/2026'])).toBeNull();
    expect(parseMonthCell('03/04/2026', 'dmy')).toEqual({ ok: true, month: '2026-04' });
    expect(parseMonthCell('03/04/2026', 'mdy')).toEqual({ ok: true, month: '2026-03' });
  });
});

describe('number cells', () => {
  it.each([
    ['12', '.', 12], ['1,234', '.', 1234], ['1,234.5', '.', 1234.5], [' 7 ', '.', 7], ['-3', '.', -3], ['1.5E+03', '.', 1500], ['$2,500.50', '.', 2500.5],
    ['12,5', ',', 12.5], ['1.234,5', ',', 1234.5], ['1.234', ',', 1234], ['1 234,5', ',', 1234.5], ['12%', '.', 12], ['\u00a01\u00a0234', '.', 1234],
  ] as const)('%j with decimal %s → %d', (cell, decimal, value) => {
    expect(parseNumberCell(cell, decimal)).toMatchObject({ ok: true, value });
  });

  it.each(['0', '-0', '007', '42', '-42', '123456789012345', '-999999999999999', '1234567890123456', '9007199254740993', '+5'])(
    'reads the plain integer %j exactly as Number() does, with either separator',
    (cell) => {
      for (const decimal of ['.', ','] as const) {
        const parsed = parseNumberCell(cell, decimal);
        expect(parsed.ok && Object.is(parsed.value, Number(cell))).toBe(true);
      }
    },
  );

  it.each([['1,5', '.'], ['1,23', '.'], ['12.5', ','], ['1,2345', '.'], ['abc', '.'], ['12 %%', '.'], ['Infinity', '.'], ['0x10', '.'], ['1e999', '.'], ['-', '.'], ['--1', '.'], ['1-', '.'], ['', '.']] as const)(
    'rejects %j with decimal %s rather than guess',
    (cell, decimal) => expect(parseNumberCell(cell, decimal).ok).toBe(false),
  );

  it('detects a decimal comma only from unambiguous cells; comma files are decimal-point', () => {
    expect(detectDecimalSeparator(['12,5', '3'], ';')).toBe(',');
    expect(detectDecimalSeparator(['12.5', '1.234'], ';')).toBe('.');
    expect(detectDecimalSeparator(['1.234', '7'], ';')).toBe(',');
    expect(detectDecimalSeparator(['1.234', '7'], '\t')).toBe('.');
    expect(detectDecimalSeparator(['12,5'], ',')).toBe('.');
  });
});

describe('column mapping', () => {
  it('suggests a long mapping from standard headers and a wide one from catalog labels and keys', () => {
    expect(suggestMapping(['Account', 'Stream', 'Metric', 'Month', 'Value'], METRIC_CATALOG, false).mapping).toEqual({ format: 'long', account: 0, stream: 1, metric: 2, month: 3, value: 4 });
    const wide = suggestMapping(['Account', 'Month', 'Enrolled Patients', '# Patients eligible', 'rpm_provider_logins', 'Claims paid - CPT 99454', 'Notes'], METRIC_CATALOG, false);
    expect(wide.mapping).toEqual({
      format: 'wide',
      account: 0,
      stream: null,
      month: 1,
      metricColumns: [
        { column: 2, metricKey: 'rpm_enrolled_patients' },
        { column: 3, metricKey: 'rpm_eligible_patients' },
        { column: 4, metricKey: 'rpm_provider_logins' },
        { column: 5, metricKey: 'rpm_claims_paid_99454' },
      ],
    });
  });

  it('leaves a header that fits several metrics unmapped and names the candidates', () => {
    const suggestion = suggestMapping(['Account', 'Month', 'Enrolled members', 'Active members'], METRIC_CATALOG, false);
    expect(suggestion.columns[2]).toMatchObject({ role: 'ignored', candidates: ['pmpm_enrolled_members', 'vbc_enrolled_members'] });
    expect(suggestion.mapping).toMatchObject({ metricColumns: [{ column: 3, metricKey: 'pmpm_active_members' }] });
  });

  it('fingerprints header rows regardless of case and spacing, but not of order', () => {
    expect(headerFingerprint(['Account', 'Month'])).toBe(headerFingerprint([' account ', 'MONTH']));
    expect(headerFingerprint(['Account', 'Month'])).not.toBe(headerFingerprint(['Month', 'Account']));
  });
});

describe('PHI patterns', () => {
  it.each(['Patient Name', 'Member Name', 'Last name', 'DOB', 'Date of Birth', 'MRN', 'Member ID', 'SSN', 'Street Address', 'Phone', 'Email'])('flags header %j', (header) => {
    expect(findPhiHeader(['Account', header])?.column).toBe(1);
  });
  it.each(['Members enrolled', 'Patients enrolled', 'Patient count', 'Account name', 'Active members', 'Month', 'Emails sent', 'Member NPS', 'Mobile app logins'])('passes header %j', (header) => {
    expect(findPhiHeader([header])).toBeNull();
  });
  it.each(['123-45-6789', '(555) 201-3344', '555.201.3344', 'jane@example.com', '12 Elm Street', '1420 N. Maple Ave, Apt 3'])('flags value %j', (cell) => {
    expect(phiInCell(cell)).not.toBeNull();
  });
  it.each(['2026-03-01', '1,234,567', '5.551.234.567,89', 'Riverbend Cardiology Associates', 'Clinic 2 (Route 9)', '46082', 'rpm_claims_paid_99454', '2026-03-01T00:00:00Z'])('passes value %j', (cell) => {
    expect(phiInCell(cell)).toBeNull();
  });
});

describe('FirstLineTable', () => {
  it('returns the first line for repeated keys across growth, including keys above 2^32 (group × 3,600 + month)', () => {
    const table = new FirstLineTable(3_600);
    for (let i = 0; i < 10_000; i += 1) expect(table.firstLineOrAdd(i * 131, i % 3_600, i + 2)).toBeUndefined();
    for (let i = 0; i < 10_000; i += 1) expect(table.firstLineOrAdd(i * 131, i % 3_600, 0)).toBe(i + 2);
  });

  it('agrees with a Map whether months come in order within their group, out of order, interleaved or repeated', () => {
    const table = new FirstLineTable(3_600);
    const reference = new Map<string, number>();
    let seed = 7;
    const random = (below: number) => Math.floor(((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648) * below);
    const keys: [number, number][] = [
      // Groups each in ascending months, one after another (a long file), then interleaved (a wide file).
      ...Array.from({ length: 3_000 }, (_, i): [number, number] => [Math.floor(i / 50), (i % 50) * 2]),
      ...Array.from({ length: 3_000 }, (_, i): [number, number] => [100 + (i % 30), 1_000 + Math.floor(i / 30)]),
      // Then anything: months back in groups already seen, new groups far out, repeats of all of it.
      ...Array.from({ length: 4_000 }, (): [number, number] => [random(200), random(1_200)]),
      ...Array.from({ length: 500 }, (_, i): [number, number] => [2_000_000 + i * 997, random(3_600)]),
      ...Array.from({ length: 3_000 }, (): [number, number] => [random(200), random(1_200)]),
    ];
    keys.forEach(([group, month], line) => {
      const key = `${group}/${month}`;
      expect(table.firstLineOrAdd(group, month, line)).toBe(reference.get(key));
      if (!reference.has(key)) reference.set(key, line);
    });
  });
});
