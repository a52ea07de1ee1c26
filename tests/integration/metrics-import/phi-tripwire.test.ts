import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempBackend } from '../../support/temp-backend';

/*
 * The PHI tripwire on realistic exports: patient-level files are refused whole with the column,
 * the line and the reason; aggregate exports that merely mention patients or members are not.
 */

const R = 'Riverbend Cardiology Associates';
const N = 'Northwind Logistics';

const REFUSED: [string, string, number, string][] = [
  ['EHR patient roster', `MRN,Patient Name,DOB,Enrolled Date,Device Days\n100234,"Doe, Jane",02/03/1950,2026-01-05,22\n`, 1, 'MRN'],
  ['claims detail with member ids', `Member ID,Claim Date,CPT,Paid Amount\nW123456789,2026-02-01,99454,47.50\n`, 1, 'Member ID'],
  ['enrollment list with contact details', `Account,Month,First Name,Last Name,Phone\n${R},2026-01,Jane,Doe,555-201-3344\n`, 1, 'First Name'],
  ['mailing list', `Account,Street Address,City\n${R},12 Elm St,Springfield\n`, 1, 'Street Address'],
  ['email column', `account,month,email\n${R},2026-01,jane@example.com\n`, 1, 'email'],
  ['birth date column', `Account,Month,Date of Birth,Enrolled patients\n${R},2026-01,1950-02-03,1\n`, 1, 'Date of Birth'],
  ['SSN column', `Account,Month,SSN,Enrolled patients\n${R},2026-01,123-45-6789,1\n`, 1, 'SSN'],
  ['SSN in a value', `account,stream,metric,month,value,ref\n${R},,rpm_enrolled_patients,2026-01,1,ok\n${R},,rpm_enrolled_patients,2026-02,1,SSN 123-45-6789\n`, 3, 'ref'],
  ['personal email in a value', `account,stream,metric,month,value,comment\n${R},,rpm_enrolled_patients,2026-01,1,from jane.doe1950@gmail.com\n`, 2, 'comment'],
  ['phone number in a value', `account,stream,metric,month,value,comment\n${R},,rpm_enrolled_patients,2026-01,1,+1 (555) 201-3344\n`, 2, 'comment'],
  ['street address in a value', `account,stream,metric,month,value,site\n${R},,rpm_enrolled_patients,2026-01,1,"1420 N. Maple Avenue, Apt 3"\n`, 2, 'site'],
];

const CLEAN: [string, string][] = [
  ['wide PMPM export mentioning members', `Account,Stream,Month,Members enrolled,Active members,Program completions,Member NPS\n${N},Behavioural health PEPM,2026-01,1100,880,40,42\n`],
  ['RPM export mentioning patients', `Customer,Period,Patients enrolled,Eligible patients,Patients with 16-30 device days,Patient count note\n${R},Jan 2026,1200,3400,800,aggregate\n`],
  ['long export with big numbers, dates and decimal commas', `account;stream;metric;month;value\n${R};;rpm_claims_paid_99454;01.03.2026;1.234.567\n${N};;vbc_at_risk_revenue_usd;2026-03-31;5.551.234.567,89\n`],
  ['account names with digits and road words', `account,stream,metric,month,value\n${R},,rpm_enrolled_patients,2026-01,5\n"Clinic 2 (Route 9)",,rpm_enrolled_patients,2026-01,6\n`],
];

describe('PHI tripwire', () => {
  let env: Awaited<ReturnType<typeof openTempBackend>>;
  beforeAll(async () => {
    env = await openTempBackend();
    await env.backend.client.call('demo.load', {});
  });
  afterAll(async () => env.cleanup());

  for (const [what, text, line, column] of REFUSED) {
    it(`refuses a ${what}, naming line ${line} and column "${column}"`, async () => {
      const preview = await env.backend.client.call('import.preview', { source: { kind: 'text', fileName: 'x.csv', text } });
      expect(preview.refusal).toMatchObject({ code: 'phi', line, column });
      expect(preview.refusal!.message).toContain('aggregate account data only');
      expect(preview.refusal!.message).not.toMatch(/123-45-6789|jane|555/i);
      const count = () => env.backend.workspace.sqlite!.prepare('SELECT count(*) FROM metric_observations').pluck().get();
      const before = count();
      const { jobId } = await env.backend.client.call('import.start', { source: { kind: 'text', fileName: 'x.csv', text }, mode: 'valid-rows' });
      let progress = await env.backend.client.call('import.progress', { jobId });
      while (progress.state === 'running') progress = await new Promise((r) => setTimeout(r, 5)).then(() => env.backend.client.call('import.progress', { jobId }));
      expect(progress).toMatchObject({ state: 'failed', error: { code: 'phi' } });
      expect(count()).toBe(before);
    });
  }

  for (const [what, text] of CLEAN) {
    it(`does not trip on a ${what}`, async () => {
      const preview = await env.backend.client.call('import.preview', { source: { kind: 'text', fileName: 'clean.csv', text } });
      expect(preview.refusal?.code).not.toBe('phi');
    });
  }
});
