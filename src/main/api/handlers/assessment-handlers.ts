import { composeAssessmentResult, type AssessmentResult } from '../../../shared/assessment/assessment-result';
import { ApiFailure } from '../../../shared/api/errors';
import type { AssessmentRecord } from '../../../shared/api/schemas/assessment-schemas';
import { identificationAnswersSchema, type IdentificationAnswers } from '../../../shared/framework/answers';
import { frameworkCatalog } from '../../../shared/framework/framework-catalog';
import { identify } from '../../../shared/framework/identify';
import { stripXmlIllegalCharactersDeep } from '../../../shared/text/xml-safe-text';
import { listStakeholders, listStreams } from '../../storage/db/repositories/account-children-repository';
import {
  findAssessment,
  findPreviousFinalAssessment,
  latestValuePerStream,
  listAssessments,
  listAvailableMetricKeys,
  upsertAssessment,
} from '../../storage/db/repositories/assessments-repository';
import type { AssessmentRow } from '../../storage/db/tables/assessments-table';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';
import { requireLiveAccount } from './require-account';
import { storedAssessmentResult } from '../../storage/db/records';

type AssessmentHandlers = Pick<
  ApiHandlers,
  'framework.catalog' | 'framework.identify' | 'assessments.list' | 'assessments.get' | 'assessments.evaluate' | 'assessments.saveDraft' | 'assessments.finalize'
>;

type ParsedAssessmentInput = { accountId: string; quarter: string; answers: IdentificationAnswers; orientationNotes: Record<string, string> };

export function assessmentHandlers({ workspace, now, newId }: HandlerDeps): AssessmentHandlers {
  const { db } = workspace;

  /** The result of these answers against the account's current people, streams and data. */
  async function evaluate(input: ParsedAssessmentInput): Promise<AssessmentResult> {
    await requireLiveAccount(db, input.accountId);
    const [stakeholders, streams, metricKeys, activated, previous] = await Promise.all([
      listStakeholders(db, input.accountId),
      listStreams(db, input.accountId),
      listAvailableMetricKeys(db, input.accountId),
      latestValuePerStream(db, input.accountId, 'hybrid_activated_users'),
      findPreviousFinalAssessment(db, input.accountId, input.quarter),
    ]);
    const previousResult = previous ? storedAssessmentResult(previous) : null;
    return composeAssessmentResult({
      answers: input.answers,
      stakeholders,
      availableMetricKeys: metricKeys,
      streams,
      latestActivatedUsers: activated,
      previous: previous && previousResult?.identification ? { quarter: previous.quarter, result: previousResult } : null,
    });
  }

  async function save(input: ParsedAssessmentInput, status: 'draft' | 'final', result: AssessmentResult | null): Promise<AssessmentRecord> {
    const stamp = now().toISOString();
    const existing = await findAssessment(db, input.accountId, input.quarter);
    const identification = result?.identification;
    await upsertAssessment(db, {
      id: existing?.id ?? newId(),
      accountId: input.accountId,
      quarter: input.quarter,
      status,
      answersJson: JSON.stringify({ answers: input.answers, orientationNotes: input.orientationNotes }),
      revenueModelsJson: JSON.stringify(identification?.rankedModels.map((m) => m.model) ?? []),
      orientationsJson: JSON.stringify(
        identification?.streams.map((s) => ({ streamId: s.id, orientation: s.statedOrientation, expected: s.expectedOrientation, note: input.orientationNotes[s.id] ?? null })) ?? [],
      ),
      paymentEnvironmentsJson: JSON.stringify(input.answers.paymentEnvironments),
      engagementGatesJson: JSON.stringify(identification?.engagementGates.map((g) => g.gate) ?? []),
      // A draft keeps the last computed result so history stays readable while a quarter is reopened.
      resultJson: result ? JSON.stringify(result) : (existing?.resultJson ?? '{}'),
      createdAt: existing?.createdAt ?? stamp,
      updatedAt: stamp,
    });
    return toRecord((await findAssessment(db, input.accountId, input.quarter))!);
  }

  return {
    'framework.catalog': async () => frameworkCatalog(),

    'framework.identify': async ({ answers }) => identify(answers),

    'assessments.list': async ({ accountId }) => {
      await requireLiveAccount(db, accountId);
      return (await listAssessments(db, accountId)).map((row) => {
        const result = storedAssessmentResult(row);
        return {
          id: row.id,
          quarter: row.quarter,
          status: row.status as 'draft' | 'final',
          primaryModel: result?.identification.primaryModel ?? null,
          isHybrid: result?.identification.isHybrid ?? false,
          openQuestionCount: result?.openQuestions.length ?? 0,
          updatedAt: row.updatedAt,
        };
      });
    },

    'assessments.get': async ({ accountId, quarter }) => {
      await requireLiveAccount(db, accountId);
      const row = await findAssessment(db, accountId, quarter);
      if (!row) throw new ApiFailure('not_found', `There is no assessment for ${quarter} yet.`, { quarter });
      return toRecord(row);
    },

    'assessments.evaluate': async (input) => evaluate(input),

    'assessments.saveDraft': async (input) => {
      await requireLiveAccount(db, input.accountId);
      return save(input, 'draft', null);
    },

    'assessments.finalize': async (input) => save(input, 'final', await evaluate(input)),
  };
}


function toRecord(row: AssessmentRow): AssessmentRecord {
  const stored = JSON.parse(row.answersJson) as { answers: unknown; orientationNotes?: Record<string, string> };
  return {
    id: row.id,
    accountId: row.accountId,
    quarter: row.quarter,
    status: row.status as 'draft' | 'final',
    // Answers saved before the text rule existed may hold characters it now refuses; drop them rather than fail.
    answers: identificationAnswersSchema.parse(stripXmlIllegalCharactersDeep(stored.answers)),
    orientationNotes: stored.orientationNotes ?? {},
    result: storedAssessmentResult(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

