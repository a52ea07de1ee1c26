import { ApiFailure } from '../../../shared/api/errors';
import type { Stakeholder } from '../../../shared/api/schemas/stakeholder-schemas';
import type { StreamRecord } from '../../../shared/api/schemas/stream-schemas';
import { STREAM_TERMS_SCHEMAS } from '../../../shared/api/schemas/stream-terms-schemas';
import { ARCHETYPES, PAYMENT_ENVIRONMENTS, REVENUE_MODELS, type ArchetypeKey, type PaymentEnvironmentKey, type RevenueModelKey } from '../../../shared/framework/keys';
import type { AssessmentResult } from '../../../shared/assessment/assessment-result';
import type { AssessmentRow } from './tables/assessments-table';
import type { RevenueStreamRow } from './tables/revenue-streams-table';
import type { StakeholderRow } from './tables/stakeholders-table';

/*
 * Stored rows as validated domain objects. Every write path validates already; reading validates
 * again so that a row no write path produced (a hand-edited file, a newer version's data) is a
 * clear error naming the row, never a cast that fails later as "Something went wrong".
 */

function stored(what: string, problem: string): ApiFailure {
  return new ApiFailure('stored_data_invalid', `${what} cannot be read by this version of the app: ${problem}. Edit it, or restore a backup.`, { problem });
}

function oneOf<K extends string>(values: readonly K[], value: string | null, what: string, field: string): K {
  if (value !== null && (values as readonly string[]).includes(value)) return value as K;
  throw stored(what, `its ${field} "${value}" is not one this app knows`);
}

/** A revenue stream with its model and payment environment checked and its terms parsed by its model's schema. */
export function streamRecord(row: RevenueStreamRow): StreamRecord {
  const what = `Revenue stream "${row.name}"`;
  const revenueModel = oneOf<RevenueModelKey>(REVENUE_MODELS, row.revenueModel, what, 'revenue model');
  const paymentEnvironment = row.paymentEnvironment === null ? null : oneOf<PaymentEnvironmentKey>(PAYMENT_ENVIRONMENTS, row.paymentEnvironment, what, 'payment environment');
  let raw: unknown;
  try {
    raw = JSON.parse(row.termsJson);
  } catch {
    throw stored(what, 'its contract terms are not valid JSON');
  }
  const terms = STREAM_TERMS_SCHEMAS[revenueModel].safeParse(raw);
  if (!terms.success) {
    const issue = terms.error.issues[0];
    throw stored(what, `its contract terms do not fit a ${revenueModel} stream (${issue ? `${issue.path.join('.') || 'terms'}: ${issue.message}` : 'invalid'})`);
  }
  const { termsJson: _json, ...rest } = row;
  return { ...rest, revenueModel, paymentEnvironment, terms: terms.data } as StreamRecord;
}

/** A stakeholder with a known archetype and its flags as booleans. */
export function stakeholderRecord(row: StakeholderRow): Stakeholder {
  return {
    id: row.id,
    accountId: row.accountId,
    archetype: oneOf<ArchetypeKey>(ARCHETYPES, row.archetype, `Stakeholder "${row.personName}"`, 'role'),
    personName: row.personName,
    title: row.title,
    email: row.email,
    communicationPreference: row.communicationPreference,
    successDefinition: row.successDefinition,
    lastEngagedOn: row.lastEngagedOn,
    isExecutiveSponsor: row.isExecutiveSponsor === 1,
    isBudgetHolder: row.isBudgetHolder === 1,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The catalog version every result saved before results recorded their own was computed with. */
const FIRST_CATALOG_VERSION = '1.0.0';

/**
 * The result saved with an assessment, or null for a draft without one. Results are computed by
 * the backend and stored whole; reading checks they are one (an object with an identification)
 * and fills in the catalog version older results did not record.
 */
export function storedAssessmentResult(row: Pick<AssessmentRow, 'resultJson' | 'quarter'>): AssessmentResult | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.resultJson);
  } catch {
    throw stored(`The ${row.quarter} assessment`, 'its saved result is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || !('identification' in parsed)) return null;
  const result = parsed as Partial<AssessmentResult> & Pick<AssessmentResult, 'identification'>;
  return { ...(result as AssessmentResult), catalogVersion: result.catalogVersion ?? FIRST_CATALOG_VERSION };
}
