import { z } from 'zod';
import type { FrameworkCatalog } from '../../framework/framework-catalog';
import { identificationAnswersSchema } from '../../framework/answers';
import type { IdentificationResult } from '../../framework/identify';
import { defineMethod } from '../define-method';
import {
  assessmentInputSchema,
  assessmentRecordSchema,
  assessmentResultSchema,
  assessmentSummarySchema,
  quarterSchema,
} from '../schemas/assessment-schemas';
import { idSchema, noInputSchema } from '../schemas/common';

const objectOf = <T>() => z.custom<T>((value) => typeof value === 'object' && value !== null);

export const assessmentMethods = {
  'framework.catalog': defineMethod(noInputSchema, objectOf<FrameworkCatalog>(), 'The whole framework catalog (models, archetypes, environments, codes).'),
  'framework.identify': defineMethod(
    z.object({ answers: identificationAnswersSchema }).strict(),
    objectOf<IdentificationResult>(),
    'Runs identification on a set of answers without saving anything.',
  ),
  'assessments.list': defineMethod(z.object({ accountId: idSchema }).strict(), z.array(assessmentSummarySchema), "An account's assessments, newest quarter first."),
  'assessments.get': defineMethod(z.object({ accountId: idSchema, quarter: quarterSchema }).strict(), assessmentRecordSchema, "One quarter's assessment."),
  'assessments.evaluate': defineMethod(assessmentInputSchema, assessmentResultSchema, "Computes a quarter's result from answers and the account's data, without saving."),
  'assessments.saveDraft': defineMethod(assessmentInputSchema, assessmentRecordSchema, 'Saves answers in progress (autosave); nothing is computed.'),
  'assessments.finalize': defineMethod(assessmentInputSchema, assessmentRecordSchema, "Computes and saves the quarter's assessment, compared with the previous saved quarter."),
};
