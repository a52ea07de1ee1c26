import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RPM_RATES,
  RPM_CODES,
  deviceSupplyCode,
  estimateRpmBillables,
  managementCodes,
  rpmCodeDefinition,
  rpmRateSettingsSchema,
  validateRpmClaimLines,
} from '../../../src/shared/framework';

describe('device-supply codes', () => {
  it.each([
    [0, null],
    [1, null],
    [2, '99445'],
    [5, '99445'],
    [15, '99445'],
    [16, '99454'],
    [30, '99454'],
    [31, null],
  ] as const)('%s device days → %s', (days, code) => {
    expect(deviceSupplyCode(days).code).toBe(code);
  });

  it('warns that a short-tier month may be clinically thin', () => {
    expect(deviceSupplyCode(5).reasons.map((step) => step.code)).toContain('billing_not_clinical_depth');
  });
});

describe('management codes', () => {
  it.each([
    [9, []],
    [10, [{ code: '99470', units: 1 }]],
    [19, [{ code: '99470', units: 1 }]],
    [20, [{ code: '99457', units: 1 }]],
    [39, [{ code: '99457', units: 1 }]],
    [40, [{ code: '99457', units: 1 }, { code: '99458', units: 1 }]],
    [65, [{ code: '99457', units: 1 }, { code: '99458', units: 2 }]],
  ] as const)('%s minutes → %j', (minutes, lines) => {
    expect(managementCodes(minutes).lines).toEqual(lines);
  });
});

describe('claim-line rules', () => {
  it('99445 and 99454 are mutually exclusive in one 30-day period', () => {
    const violations = validateRpmClaimLines([
      { code: '99445', units: 1 },
      { code: '99454', units: 1 },
    ]);
    expect(violations).toEqual([expect.objectContaining({ code: 'mutually_exclusive', codes: ['99445', '99454'] })]);
  });

  it('99458 needs 99457', () => {
    expect(validateRpmClaimLines([{ code: '99458', units: 1 }]).map((violation) => violation.code)).toEqual(['add_on_without_primary']);
    expect(validateRpmClaimLines([{ code: '99457', units: 1 }, { code: '99458', units: 2 }])).toEqual([]);
  });

  it('99470 cannot be billed with 99457 in the same month', () => {
    expect(validateRpmClaimLines([{ code: '99470', units: 1 }, { code: '99457', units: 1 }]).map((violation) => violation.code)).toEqual(['mutually_exclusive']);
  });

  it('99453 is a one-time setup charge', () => {
    expect(validateRpmClaimLines([{ code: '99453', units: 1 }])).toEqual([]);
    expect(validateRpmClaimLines([{ code: '99453', units: 1 }], true).map((violation) => violation.code)).toEqual(['setup_already_billed']);
    expect(rpmCodeDefinition('99453').billingPeriod).toBe('once_per_episode');
  });

  it('device-supply codes are billed at most once per period', () => {
    expect(validateRpmClaimLines([{ code: '99454', units: 2 }]).map((violation) => violation.code)).toEqual(['duplicate_period_code']);
  });
});

describe('reimbursement rates', () => {
  it('ships a dated default for every code, flagged to verify', () => {
    expect(DEFAULT_RPM_RATES.map((rate) => rate.code)).toEqual([...RPM_CODES]);
    for (const rate of DEFAULT_RPM_RATES) {
      expect(rate.verifyNote).toBe('verify against the current fee schedule');
      expect(rate.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(rpmRateSettingsSchema.safeParse(DEFAULT_RPM_RATES).success).toBe(true);
  });

  it('pays 99445 and 99454 at the same rate', () => {
    const rate = (code: string) => DEFAULT_RPM_RATES.find((entry) => entry.code === code)!.rateCents;
    expect(rate('99445')).toBe(rate('99454'));
  });

  it('rejects duplicate codes, fractional cents and bad dates in user edits', () => {
    expect(rpmRateSettingsSchema.safeParse([DEFAULT_RPM_RATES[0], DEFAULT_RPM_RATES[0]]).success).toBe(false);
    expect(rpmRateSettingsSchema.safeParse([{ ...DEFAULT_RPM_RATES[0], rateCents: 10.5 }]).success).toBe(false);
    expect(rpmRateSettingsSchema.safeParse([{ ...DEFAULT_RPM_RATES[0], asOf: '01/01/2026' }]).success).toBe(false);
  });

  it('estimates a patient-period at the given rates', () => {
    const rates = DEFAULT_RPM_RATES.map((rate) => ({ ...rate, rateCents: 1000 }));
    const estimate = estimateRpmBillables({ deviceDays: 20, managementMinutes: 45, isSetupPeriod: true }, rates);
    expect(estimate.lines.map((line) => [line.code, line.units])).toEqual([
      ['99453', 1],
      ['99454', 1],
      ['99457', 1],
      ['99458', 1],
    ]);
    expect(estimate.totalCents).toBe(4000);
    expect(validateRpmClaimLines(estimate.lines)).toEqual([]);
  });
});
