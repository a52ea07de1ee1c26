import { z } from 'zod';
import { RPM_CODES, type RpmCode } from './keys';
import type { NumericRange } from './range';
import { reason, type Reason } from './reason';

/*
 * The 2026 RPM code structure. Since 2026 the device-supply and management codes each have a short
 * tier, so billing no longer needs 16 device days and 20 minutes before anything is payable. That is
 * why billing eligibility alone stopped being a signal of clinical engagement.
 */

/** What an RPM code pays for. */
export type RpmCodeCategory = 'setup_education' | 'device_supply' | 'clinical_management';

export interface RpmCodeDefinition {
  code: RpmCode;
  category: RpmCodeCategory;
  /** What the code pays for, in our words. */
  description: string;
  /** How often it may be billed. */
  billingPeriod: 'once_per_episode' | 'per_30_day_period' | 'per_calendar_month';
  /** Days with transmitted device data needed in the 30-day period (device-supply codes only). */
  deviceDaysPer30?: NumericRange;
  /** Minutes of qualifying clinical staff time in the month (management codes only). */
  managementMinutesPerMonth?: NumericRange;
  /** The primary code this add-on code must accompany. */
  addOnTo?: RpmCode;
  /** Codes that cannot be billed for the same patient in the same period. */
  mutuallyExclusiveWith: RpmCode[];
}

export const RPM_CODE_DEFINITIONS: readonly RpmCodeDefinition[] = [
  {
    code: '99453',
    category: 'setup_education',
    description: 'Initial device setup and teaching the patient to use it; billed once when monitoring starts.',
    billingPeriod: 'once_per_episode',
    mutuallyExclusiveWith: [],
  },
  {
    code: '99445',
    category: 'device_supply',
    description: 'Device supply with data transmission on 2 to 15 days within a 30-day period (short tier added in 2026).',
    billingPeriod: 'per_30_day_period',
    deviceDaysPer30: { min: 2, max: 15 },
    mutuallyExclusiveWith: ['99454'],
  },
  {
    code: '99454',
    category: 'device_supply',
    description: 'Device supply with data transmission on 16 to 30 days within a 30-day period; paid at the same rate as 99445.',
    billingPeriod: 'per_30_day_period',
    deviceDaysPer30: { min: 16, max: 30 },
    mutuallyExclusiveWith: ['99445'],
  },
  {
    code: '99470',
    category: 'clinical_management',
    description: 'Clinical staff treatment management totalling 10 to 19 minutes in the month (short tier added in 2026).',
    billingPeriod: 'per_calendar_month',
    managementMinutesPerMonth: { min: 10, max: 19 },
    mutuallyExclusiveWith: ['99457', '99458'],
  },
  {
    code: '99457',
    category: 'clinical_management',
    description: 'The first 20 minutes of clinical staff treatment management in the month.',
    billingPeriod: 'per_calendar_month',
    managementMinutesPerMonth: { min: 20, max: null },
    mutuallyExclusiveWith: ['99470'],
  },
  {
    code: '99458',
    category: 'clinical_management',
    description: 'Each further full 20 minutes of management beyond the first 20; only billable alongside 99457.',
    billingPeriod: 'per_calendar_month',
    managementMinutesPerMonth: { min: 40, max: null },
    addOnTo: '99457',
    mutuallyExclusiveWith: ['99470'],
  },
];

/** Look up one code's definition. */
export function rpmCodeDefinition(code: RpmCode): RpmCodeDefinition {
  const found = RPM_CODE_DEFINITIONS.find((definition) => definition.code === code);
  if (!found) throw new Error(`Unknown RPM code ${code}`);
  return found;
}

export const RPM_RATE_VERIFY_NOTE = 'verify against the current fee schedule';

export const rpmRateSettingSchema = z.object({
  code: z.enum(RPM_CODES),
  /** Reimbursement per billed unit, in US cents. */
  rateCents: z.number().int().nonnegative(),
  /** ISO date (YYYY-MM-DD) the rate was taken from its source. */
  asOf: z.iso.date(),
  source: z.string().trim().min(1),
  verifyNote: z.string(),
});
/** A user-editable, dated reimbursement rate for one RPM code. */
export type RpmRateSetting = z.infer<typeof rpmRateSettingSchema>;

export const rpmRateSettingsSchema = z
  .array(rpmRateSettingSchema)
  .refine((rates) => new Set(rates.map((rate) => rate.code)).size === rates.length, {
    message: 'Each RPM code may have only one rate',
  });

const DEFAULT_RATE_SOURCE =
  'Approximate CMS CY2026 Medicare Physician Fee Schedule national non-facility average (shipped default)';

/**
 * Shipped default rates. They are plausible national averages, not authoritative: users are expected
 * to replace them with their MAC's or payer's schedule, hence the verify note on every row.
 */
export const DEFAULT_RPM_RATES: readonly RpmRateSetting[] = [
  { code: '99453', rateCents: 2200, asOf: '2026-01-01', source: DEFAULT_RATE_SOURCE, verifyNote: RPM_RATE_VERIFY_NOTE },
  { code: '99445', rateCents: 4700, asOf: '2026-01-01', source: DEFAULT_RATE_SOURCE, verifyNote: RPM_RATE_VERIFY_NOTE },
  { code: '99454', rateCents: 4700, asOf: '2026-01-01', source: DEFAULT_RATE_SOURCE, verifyNote: RPM_RATE_VERIFY_NOTE },
  { code: '99470', rateCents: 2600, asOf: '2026-01-01', source: DEFAULT_RATE_SOURCE, verifyNote: RPM_RATE_VERIFY_NOTE },
  { code: '99457', rateCents: 5200, asOf: '2026-01-01', source: DEFAULT_RATE_SOURCE, verifyNote: RPM_RATE_VERIFY_NOTE },
  { code: '99458', rateCents: 4100, asOf: '2026-01-01', source: DEFAULT_RATE_SOURCE, verifyNote: RPM_RATE_VERIFY_NOTE },
];

export interface CodeDecision {
  code: RpmCode | null;
  reasons: Reason[];
}

/** Which device-supply code (if any) a patient's device days in one 30-day period support. */
export function deviceSupplyCode(deviceDaysIn30: number): CodeDecision {
  const days = Math.floor(deviceDaysIn30);
  if (!Number.isFinite(deviceDaysIn30) || days < 0 || days > 30) {
    return { code: null, reasons: [reason('device_days_out_of_range', `${deviceDaysIn30} is not a day count within a 30-day period (0-30).`)] };
  }
  if (days < 2) {
    return {
      code: null,
      reasons: [reason('device_days_below_minimum', `${days} day(s) of data is under the 2-day minimum, so no device-supply code is billable.`)],
    };
  }
  if (days <= 15) {
    return {
      code: '99445',
      reasons: [
        reason('device_days_short_tier', `${days} days of data falls in the 2-15 day tier (99445), paid the same as the 16-30 day tier.`),
        reason('billing_not_clinical_depth', 'A billable short-tier month can still be too little data to act on clinically; watch average device days, not only eligibility.'),
      ],
    };
  }
  return { code: '99454', reasons: [reason('device_days_standard_tier', `${days} days of data falls in the 16-30 day tier (99454).`)] };
}

export interface ManagementCodeLine {
  code: RpmCode;
  /** Billed units of this code in the month. */
  units: number;
}

export interface ManagementCodeDecision {
  lines: ManagementCodeLine[];
  reasons: Reason[];
}

/** Which management codes a month's qualifying clinical-staff minutes support. */
export function managementCodes(minutesInMonth: number): ManagementCodeDecision {
  const minutes = Math.floor(minutesInMonth);
  if (!Number.isFinite(minutesInMonth) || minutes < 0) {
    return { lines: [], reasons: [reason('minutes_out_of_range', `${minutesInMonth} is not a valid number of minutes.`)] };
  }
  if (minutes < 10) {
    return {
      lines: [],
      reasons: [reason('minutes_below_minimum', `${minutes} minute(s) is under the 10-minute minimum for 99470, so no management code is billable.`)],
    };
  }
  if (minutes < 20) {
    return {
      lines: [{ code: '99470', units: 1 }],
      reasons: [reason('minutes_short_tier', `${minutes} minutes falls in the 10-19 minute tier (99470); 99457 needs a full 20.`)],
    };
  }
  // 99458 counts only complete additional 20-minute blocks beyond the first 20.
  const addOnUnits = Math.floor((minutes - 20) / 20);
  const lines: ManagementCodeLine[] = [{ code: '99457', units: 1 }];
  const reasons = [reason('minutes_first_twenty', `${minutes} minutes covers the first 20-minute block (99457).`)];
  if (addOnUnits > 0) {
    lines.push({ code: '99458', units: addOnUnits });
    reasons.push(reason('minutes_add_on_blocks', `${addOnUnits} further complete 20-minute block(s) are billable as 99458.`));
  } else {
    reasons.push(reason('minutes_no_add_on', `99458 needs another complete 20 minutes (40 in total); ${minutes} minutes is not enough.`));
  }
  return { lines, reasons };
}

export interface RpmClaimLine {
  code: RpmCode;
  units: number;
}

export interface RpmRuleViolation {
  code: 'mutually_exclusive' | 'add_on_without_primary' | 'setup_already_billed' | 'duplicate_period_code';
  codes: RpmCode[];
  text: string;
}

/**
 * Check one patient's claim lines for one 30-day period / month against the code rules.
 * `setupBilledBefore` says whether 99453 was already billed for this monitoring episode.
 */
export function validateRpmClaimLines(lines: readonly RpmClaimLine[], setupBilledBefore = false): RpmRuleViolation[] {
  const violations: RpmRuleViolation[] = [];
  const unitsByCode = new Map<RpmCode, number>();
  for (const line of lines) unitsByCode.set(line.code, (unitsByCode.get(line.code) ?? 0) + line.units);
  const billed = [...unitsByCode.keys()];

  const seenPairs = new Set<string>();
  for (const code of billed) {
    for (const other of rpmCodeDefinition(code).mutuallyExclusiveWith) {
      const pair = [code, other].sort().join('+');
      if (unitsByCode.has(other) && !seenPairs.has(pair)) {
        seenPairs.add(pair);
        violations.push({
          code: 'mutually_exclusive',
          codes: [code, other].sort() as RpmCode[],
          text: `${code} and ${other} cannot both be billed for the same patient in the same period.`,
        });
      }
    }
  }
  for (const code of billed) {
    const primary = rpmCodeDefinition(code).addOnTo;
    if (primary && !unitsByCode.has(primary)) {
      violations.push({ code: 'add_on_without_primary', codes: [code, primary], text: `${code} is an add-on and needs ${primary} billed in the same month.` });
    }
  }
  const setupUnits = unitsByCode.get('99453') ?? 0;
  if (setupUnits > 1 || (setupUnits > 0 && setupBilledBefore)) {
    violations.push({ code: 'setup_already_billed', codes: ['99453'], text: '99453 is a one-time setup charge per monitoring episode.' });
  }
  for (const code of ['99445', '99454', '99470', '99457'] as const) {
    if ((unitsByCode.get(code) ?? 0) > 1) {
      violations.push({ code: 'duplicate_period_code', codes: [code], text: `${code} is billable at most once per patient per period.` });
    }
  }
  return violations;
}

export interface RpmPatientPeriod {
  /** Days with transmitted device data in the 30-day period. */
  deviceDays: number;
  /** Qualifying clinical-staff management minutes in the month. */
  managementMinutes: number;
  /** True when this is the first period of a new monitoring episode and setup was done. */
  isSetupPeriod: boolean;
}

export interface RpmBillableEstimate {
  lines: Array<RpmClaimLine & { amountCents: number }>;
  totalCents: number;
  reasons: Reason[];
}

/** Billable codes and the estimated reimbursement (cents) for one patient-period at the given rates. */
export function estimateRpmBillables(period: RpmPatientPeriod, rates: readonly RpmRateSetting[] = DEFAULT_RPM_RATES): RpmBillableEstimate {
  const reasons: Reason[] = [];
  const lines: RpmClaimLine[] = [];
  if (period.isSetupPeriod) {
    lines.push({ code: '99453', units: 1 });
    reasons.push(reason('setup_period', 'First period of the episode: the one-time setup code 99453 applies.'));
  }
  const supply = deviceSupplyCode(period.deviceDays);
  reasons.push(...supply.reasons);
  if (supply.code) lines.push({ code: supply.code, units: 1 });
  const management = managementCodes(period.managementMinutes);
  reasons.push(...management.reasons);
  lines.push(...management.lines);

  const priced = lines.map((line) => {
    const rate = rates.find((candidate) => candidate.code === line.code);
    if (!rate) reasons.push(reason('rate_missing', `No rate is set for ${line.code}; it is counted at $0.`));
    return { ...line, amountCents: (rate?.rateCents ?? 0) * line.units };
  });
  return { lines: priced, totalCents: priced.reduce((sum, line) => sum + line.amountCents, 0), reasons };
}

/*
 * Remote therapeutic monitoring (RTM) sits beside RPM: it monitors therapy response (respiratory,
 * musculoskeletal, cognitive behavioural therapy) from non-physiologic as well as device data.
 * Like RPM, 2026 added a 2-15 day device-supply tier per therapy area, paid alongside the older
 * 16-30 day codes, so the same billing-vs-engagement caution applies.
 */

export const RTM_SHORT_TIER_CODES = ['98984', '98985', '98986'] as const;
/** One of the 2026 CMS remote therapeutic monitoring 2-15 day device-supply codes. */
export type RtmShortTierCode = (typeof RTM_SHORT_TIER_CODES)[number];

/** What a therapeutic-monitoring code monitors. */
export type RtmTherapyArea = 'respiratory' | 'musculoskeletal' | 'cognitive_behavioral_therapy';

export interface RtmCodeDefinition {
  code: RtmShortTierCode;
  category: 'device_supply';
  therapyArea: RtmTherapyArea;
  description: string;
  billingPeriod: 'per_30_day_period';
  /** Days with monitoring data needed in the 30-day period. */
  deviceDaysPer30: NumericRange;
  /** The 16-30 day device-supply code of the same therapy area; the two cannot be billed together. */
  standardTierCode: '98976' | '98977' | '98978';
  /** Codes that cannot be billed for the same patient in the same period. */
  mutuallyExclusiveWith: string[];
}

const RTM_VERIFY = 'Confirm the code and its rate against the current fee schedule before billing.';

export const RTM_CODE_DEFINITIONS: readonly RtmCodeDefinition[] = [
  {
    code: '98984',
    category: 'device_supply',
    therapyArea: 'respiratory',
    description: `Remote therapeutic monitoring device supply for the respiratory system with data on 2 to 15 days within a 30-day period (short tier added in 2026). ${RTM_VERIFY}`,
    billingPeriod: 'per_30_day_period',
    deviceDaysPer30: { min: 2, max: 15 },
    standardTierCode: '98976',
    mutuallyExclusiveWith: ['98976'],
  },
  {
    code: '98985',
    category: 'device_supply',
    therapyArea: 'musculoskeletal',
    description: `Remote therapeutic monitoring device supply for the musculoskeletal system with data on 2 to 15 days within a 30-day period (short tier added in 2026). ${RTM_VERIFY}`,
    billingPeriod: 'per_30_day_period',
    deviceDaysPer30: { min: 2, max: 15 },
    standardTierCode: '98977',
    mutuallyExclusiveWith: ['98977'],
  },
  {
    code: '98986',
    category: 'device_supply',
    therapyArea: 'cognitive_behavioral_therapy',
    description: `Remote therapeutic monitoring device supply for cognitive behavioural therapy with data on 2 to 15 days within a 30-day period (short tier added in 2026). ${RTM_VERIFY}`,
    billingPeriod: 'per_30_day_period',
    deviceDaysPer30: { min: 2, max: 15 },
    standardTierCode: '98978',
    mutuallyExclusiveWith: ['98978'],
  },
];

/**
 * Which RTM device-supply code (if any) a patient's monitoring days in one 30-day period support:
 * the 2-15 day short tier (98984-98986) or the therapy area's 16-30 day code.
 * @example rtmDeviceSupplyCode('musculoskeletal', 9).code // '98985'
 */
export function rtmDeviceSupplyCode(therapyArea: RtmTherapyArea, deviceDaysIn30: number): { code: string | null; reasons: Reason[] } {
  const definition = RTM_CODE_DEFINITIONS.find((candidate) => candidate.therapyArea === therapyArea)!;
  const days = Math.floor(deviceDaysIn30);
  if (!Number.isFinite(deviceDaysIn30) || days < 0 || days > 30) {
    return { code: null, reasons: [reason('device_days_out_of_range', `${deviceDaysIn30} is not a day count within a 30-day period (0-30).`)] };
  }
  if (days < 2) return { code: null, reasons: [reason('device_days_below_minimum', `${days} day(s) of data is under the 2-day minimum, so no RTM device-supply code is billable.`)] };
  if (days <= 15) {
    return {
      code: definition.code,
      reasons: [
        reason('rtm_short_tier', `${days} days of data falls in the 2-15 day RTM tier (${definition.code}).`),
        reason('billing_not_clinical_depth', 'A billable short-tier month can still be too little data to act on clinically; watch days per patient, not only eligibility.'),
      ],
    };
  }
  return { code: definition.standardTierCode, reasons: [reason('rtm_standard_tier', `${days} days of data falls in the 16-30 day RTM tier (${definition.standardTierCode}).`)] };
}
