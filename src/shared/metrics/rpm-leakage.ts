import type { RpmCode } from '../framework/keys';
import { rpmClaimMetricKey } from '../framework/metric-keys';
import type { RateInput, TermInput } from './kpi-value';
import type { StreamReader } from './stream-reader';

/*
 * Management-code leakage: device codes are billed for a patient while the management codes that
 * need documented clinician time (99470 10-19 minutes, 99457 the first 20) are not. The estimate,
 * with every assumption it rests on, is computed here once; the early-warning signal and the deck's
 * revenue slide both print it.
 */

/** Share of device-billed patients with a management code the estimate aims for. */
export const MANAGEMENT_CAPTURE_TARGET = 0.8;

/** A dollar range: at the 99470 rate (low) and at the 99457 rate (high). */
export interface UsdRange {
  low: number;
  high: number;
}

export interface ManagementLeakage {
  month: string;
  /** Patients billed a device-supply code (99445 + 99454 submitted). */
  deviceBilledPatients: number;
  /** Patients billed a management code (99470 + 99457 submitted). */
  managedPatients: number;
  /** managed ÷ device-billed (0-1), or null without device-billed patients. */
  captureRate: number | null;
  /** The capture share the estimate assumes is reachable (0-1). */
  targetRate: number;
  /** Management claims missing against the target (never negative). */
  missedClaims: number;
  /** The dated rates the range uses; null when the settings have none. */
  lowRate: RateInput | null;
  highRate: RateInput | null;
  /** Reimbursement the practice leaves on the table each month, or null without both rates. */
  monthlyUsd: UsdRange | null;
  /** Our revenue share (terms.revenueSharePct) when the stream is a revenue share, else null. */
  revenueShare: TermInput | null;
  /** The practice's part of monthlyUsd after our revenue share (the whole range when there is none). */
  practiceMonthlyUsd: UsdRange | null;
  /** Our part of monthlyUsd under a revenue share, else null. */
  ourMonthlyUsd: UsdRange | null;
}

/**
 * The leakage estimate for one RPM stream in one month, or null when no claim counts are recorded.
 * Missing counts read as zero only inside a month that has some (the signal's long-standing rule).
 * `targetRate` is the capture share the estimate sizes the gap to: the deck passes the account's
 * success-plan goal when it has one (the target its scorecard judges capture against).
 * @example managementCodeLeakage(reader, '2026-11')?.monthlyUsd // { low: 3432, high: 6864 }
 */
export function managementCodeLeakage(reader: StreamReader, month: string, targetRate: number = MANAGEMENT_CAPTURE_TARGET): ManagementLeakage | null {
  const submitted = (code: RpmCode) => reader.metric(rpmClaimMetricKey('submitted', code), month).input?.value ?? null;
  const counts = (['99445', '99454', '99470', '99457'] as const).map(submitted);
  if (counts.every((value) => value === null)) return null;
  const [short, standard, brief, full] = counts.map((value) => value ?? 0) as [number, number, number, number];
  const deviceBilledPatients = short + standard;
  const managedPatients = brief + full;
  const missedClaims = Math.max(0, Math.round(targetRate * deviceBilledPatients - managedPatients));
  const lowRate = reader.rate('99470').input;
  const highRate = reader.rate('99457').input;
  const monthlyUsd = lowRate && highRate ? { low: (missedClaims * lowRate.rateCents) / 100, high: (missedClaims * highRate.rateCents) / 100 } : null;
  const share = reader.term('revenueSharePct').input;
  const revenueShare = reader.stream.terms.variant === 'revenue_share' && share !== null ? share : null;
  const part = (range: UsdRange | null, fraction: number) => (range === null ? null : { low: range.low * fraction, high: range.high * fraction });
  return {
    month,
    deviceBilledPatients,
    managedPatients,
    captureRate: deviceBilledPatients > 0 ? managedPatients / deviceBilledPatients : null,
    targetRate,
    missedClaims,
    lowRate,
    highRate,
    monthlyUsd,
    revenueShare,
    practiceMonthlyUsd: part(monthlyUsd, 1 - (revenueShare?.value ?? 0) / 100),
    ourMonthlyUsd: revenueShare ? part(monthlyUsd, revenueShare.value / 100) : null,
  };
}
