import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/transports/cli/main';
import { openTempBackend } from '../../support/temp-backend';
import { importAndWait } from './import-test-helpers';

/*
 * The second round of the PHI tripwire: the headers real patient-level exports use (camelCase,
 * abbreviations, "#", other languages), identifiers under innocuous headers, a patient section
 * below an aggregate table, file names that carry a name, and row errors that must never repeat
 * what looks like a person's data. Aggregate files, including the whole golden corpus, still pass.
 */

const R = 'Riverbend Cardiology Associates';
const MONTH = '2019-03';

/** Headers a patient-level export uses; each in an otherwise aggregate file must be refused at line 1. */
const PHI_HEADERS = [
  'PatientName', 'Name', 'First', 'Last', 'Birth Dt', 'Member #', 'MemberID', 'Phone #', 'HICN', 'Policy Number', 'ZIP',
  'Date of Service', 'Pt. First Nm', 'MRN#', 'Subscriber No', 'Medicare Beneficiary Identifier', 'Zip Code', 'DOS', 'Admit Date',
  // Spanish, French, German, Portuguese, Italian, Dutch
  'Nombre', 'Apellidos', 'Fecha de nacimiento', 'Teléfono', 'Dirección', 'Código postal',
  'Prénom', 'Nom de famille', 'Date de naissance', 'Numéro de sécurité sociale', 'Adresse',
  'Vorname', 'Nachname', 'Geburtsdatum', 'Versichertennummer', 'Anschrift',
  'Nome', 'Sobrenome', 'Data de nascimento', 'Endereço', 'CPF',
  'Cognome', 'Data di nascita', 'Codice fiscale', 'Indirizzo',
  'Voornaam', 'Achternaam', 'Geboortedatum',
];

/** Identifiers under innocuous headers: [what, file text, line, column]. */
const PHI_VALUES: [string, string, number, string][] = [
  ['a "Last, First" name in the account column', `account,stream,metric,month,value\n${R},,rpm_enrolled_patients,${MONTH},5\n"Doe, Jane",,rpm_enrolled_patients,${MONTH},1\n`, 3, 'account'],
  ['a "First Last" name in the account column', `account,stream,metric,month,value\nMaria Garcia,,rpm_enrolled_patients,${MONTH},1\n`, 2, 'account'],
  ['a person\'s name in an unmapped column', `account,stream,metric,month,value,contact\n${R},,rpm_enrolled_patients,${MONTH},1,Jennifer Smith\n`, 2, 'contact'],
  ['a date of birth in an unmapped column', `account,stream,metric,month,value,ref\n${R},,rpm_enrolled_patients,${MONTH},1,02/03/1950\n`, 2, 'ref'],
  ['a date of birth in the month column', `account,stream,metric,month,value\n${R},,rpm_enrolled_patients,1950-02-03,1\n`, 2, 'month'],
  ['an MRN in an unmapped column', `account,stream,metric,month,value,ref\n${R},,rpm_enrolled_patients,${MONTH},1,MRN100234\n`, 2, 'ref'],
  ['a member id in an unmapped column', `account,stream,metric,month,value,ref\n${R},,rpm_enrolled_patients,${MONTH},1,W123456789\n`, 2, 'ref'],
  ['a 9-digit id in an unmapped column', `account,stream,metric,month,value,ref\n${R},,rpm_enrolled_patients,${MONTH},1,123456789\n`, 2, 'ref'],
  ['a 10-digit id in the stream column', `account,stream,metric,month,value\n${R},5552013344,rpm_enrolled_patients,${MONTH},1\n`, 2, 'stream'],
  ['an MBI in the metric column', `account,stream,metric,month,value\n${R},,1EG4-TE5-MK73,${MONTH},1\n`, 2, 'metric'],
  ['a phone number in an unmapped column', `account,stream,metric,month,value,ref\n${R},,rpm_enrolled_patients,${MONTH},1,555-201-3344\n`, 2, 'ref'],
  ['a street address in an unmapped column', `account,stream,metric,month,value,site\n${R},,rpm_enrolled_patients,${MONTH},1,12 Elm St\n`, 2, 'site'],
];

/** Aggregate files that mention people, numbers and places without identifying anyone. */
const CLEAN: [string, string][] = [
  ['account and stream name headers', `Account Name,Stream Name,Month,Enrolled Patients\n${R},RPM revenue share,${MONTH},150\n`],
  ['aggregate member headers', `Account,Month,Members enrolled,Member months,Patient count,Claims paid 99454\nNorthwind Logistics,${MONTH},1100,13200,5,40\n`],
  ['service month and report date', `customer,service month,measure,value,report date\n${R},${MONTH},rpm_enrolled_patients,150,2019-04-30\n`],
  ['account names with people\'s names in them', `account,stream,metric,month,value\nMary Washington Hospital,,rpm_enrolled_patients,${MONTH},1\nJohn Muir Health,,rpm_enrolled_patients,${MONTH},1\n`],
  ['big money values and ids that are not people', `account,stream,metric,month,value,batch\n${R},,outcome_enabled_billing_revenue_usd,${MONTH},123456789,Q1-2019\n`],
];

describe('PHI tripwire: headers and values of real patient-level exports', () => {
  let env: Awaited<ReturnType<typeof openTempBackend>>;
  const count = () => env.backend.workspace.sqlite!.prepare('SELECT count(*) FROM metric_observations').pluck().get() as number;
  beforeAll(async () => {
    env = await openTempBackend();
    await env.backend.client.call('demo.load', {});
    // A person-shaped account name the user created is theirs, not a patient's.
    await env.backend.client.call('accounts.create', { name: 'Dana Whitfield', customerSegment: 'physician_practice', buyerType: 'provider' });
  });
  afterAll(async () => env.cleanup());

  it.each(PHI_HEADERS)('refuses a file with a "%s" column, naming it', async (header) => {
    const text = `Account,Month,Enrolled Patients,${header}\n${R},${MONTH},150,x\n`;
    const preview = await env.backend.client.call('import.preview', { source: { kind: 'text', fileName: 'x.csv', text } });
    expect(preview.refusal).toMatchObject({ code: 'phi', line: 1, column: header });
    const before = count();
    const { final } = await importAndWait(env.backend, { source: { kind: 'text', fileName: 'x.csv', text }, mode: 'valid-rows' });
    expect(final).toMatchObject({ state: 'failed', error: { code: 'phi' } });
    expect(count()).toBe(before);
  });

  it.each(PHI_VALUES)('refuses %s, at its line and column, without repeating it', async (_what, text, line, column) => {
    const preview = await env.backend.client.call('import.preview', { source: { kind: 'text', fileName: 'x.csv', text } });
    expect(preview.refusal).toMatchObject({ code: 'phi', line, column });
    const said = JSON.stringify(preview);
    for (const fragment of ['Jane', 'Doe', 'Maria', 'Garcia', 'Jennifer', '1950', 'MRN100234', '123456789', '5552013344', 'MK73', '3344', 'Elm']) expect(said).not.toContain(fragment);
  });

  it.each(CLEAN)('does not trip on %s', async (_what, text) => {
    const preview = await env.backend.client.call('import.preview', { source: { kind: 'text', fileName: 'clean.csv', text } });
    expect(preview.refusal).toBeNull();
  });

  it('spares the user\'s own account names even when they look like a person', async () => {
    const text = `account,stream,metric,month,value\nDana Whitfield,,rpm_enrolled_patients,${MONTH},3\n`;
    const preview = await env.backend.client.call('import.preview', { source: { kind: 'text', fileName: 'x.csv', text } });
    expect(preview.refusal).toBeNull();
  });

});

describe('a patient section under an aggregate table', () => {
  it('is refused, commits nothing, and the CLI repeats none of it', async () => {
    const env = await openTempBackend();
    try {
      await env.backend.client.call('demo.load', {});
      const count = () => env.backend.workspace.sqlite!.prepare('SELECT count(*) FROM metric_observations').pluck().get() as number;
      const text = [
        'Account,Month,Enrolled Patients,Eligible Patients',
        `${R},2019-01,150,420`,
        `${R},2019-02,155,421`,
        '',
        'Patient detail',
        'Patient,Birth,Record,Visits',
        '"Doe, Jane",02/03/1950,100234,4',
        'Maria Garcia,11/12/1948,100235,2',
      ].join('\n');
      const before = count();
      const { final } = await importAndWait(env.backend, { source: { kind: 'text', fileName: 'roster.csv', text }, mode: 'valid-rows' });
      expect(final).toMatchObject({ state: 'failed', error: { code: 'phi' } });
      expect(count()).toBe(before);

      const file = path.join(env.dir, 'roster.csv');
      fs.writeFileSync(file, text);
      await env.backend.close();
      let output = '';
      const io = { stdout: (t: string) => (output += t), stderr: (t: string) => (output += t), env: {} };
      for (const flags of [[], ['--dry-run'], ['--json'], ['--dry-run', '--json']]) {
        output = '';
        const code = await runCli(['import', '--db', env.workspacePath, '--csv', file, ...flags], io);
        expect(code, flags.join(' ')).toBe(1);
        expect(output).toMatch(/aggregate account data only/);
        for (const fragment of ['Jane', 'Doe', 'Maria', 'Garcia', '1950', '1948', '100234', '100235']) expect(output, flags.join(' ')).not.toContain(fragment);
      }
    } finally {
      await env.cleanup();
    }
  });
});

describe('a file name that carries a name, date of birth or record number is not stored', () => {
  it('stores a neutral source label instead, and keeps an ordinary file name', async () => {
    const env = await openTempBackend();
    try {
      await env.backend.client.call('demo.load', {});
      const source = (fileName: string, month: string) => ({ kind: 'text' as const, fileName, text: `account,stream,metric,month,value\n${R},,rpm_enrolled_patients,${month},5\n` });
      for (const [fileName, month] of [['Jane Doe 1950-02-03 MRN100234.csv', '2019-01'], ['doe_jane_dob_02031950.csv', '2019-02'], ['patient 123456789 export.csv', '2019-03']] as const) {
        const { final } = await importAndWait(env.backend, { source: source(fileName, month), mode: 'valid-rows' });
        expect(final.result?.committed, fileName).toBe(true);
      }
      const { final } = await importAndWait(env.backend, { source: source('riverbend-metrics-2019-04-30.csv', '2019-04'), mode: 'valid-rows' });
      expect(final.result?.committed).toBe(true);
      const sources = env.backend.workspace.sqlite!.prepare("SELECT DISTINCT source FROM metric_observations WHERE month BETWEEN '2019-01' AND '2019-04' ORDER BY source").pluck().all();
      expect(sources).toEqual(['CSV import', 'riverbend-metrics-2019-04-30.csv']);
    } finally {
      await env.cleanup();
    }
  });
});
