import type { IdentificationAnswers } from './answers';
import type { EngagementGateKey, StreamModelKey } from './keys';
import type { OpenQuestion } from './open-question';
import { reason, type Reason } from './reason';
import { revenueModel } from './revenue-models';

/*
 * Which engagement gates an account faces: from who must change behaviour, corrected by what the
 * models themselves require (RPM billing needs clinicians, outcomes need enrolment volume).
 */

export interface IdentifiedGate {
  gate: EngagementGateKey;
  reasons: Reason[];
}

/** The engagement gates for an account, with reasons, and a question when who-changes is unknown. */
export function identifyGates(answers: IdentificationAnswers, models: ReadonlySet<StreamModelKey>): { gates: IdentifiedGate[]; questions: OpenQuestion[] } {
  const gates = new Map<EngagementGateKey, Reason[]>();
  const add = (gate: EngagementGateKey, why: Reason) => gates.set(gate, [...(gates.get(gate) ?? []), why]);
  const questions: OpenQuestion[] = [];

  switch (answers.behaviourChange) {
    case 'patients':
      add('patient_activation_adherence', reason('patients_change', 'Patients or members must use the product: an activation (days 0-30) and adherence (days 30-365) challenge.'));
      break;
    case 'clinicians':
      add('clinician_workflow_adoption', reason('clinicians_change', 'Clinicians must adopt a workflow: a change-management challenge.'));
      break;
    case 'both':
      add('patient_activation_adherence', reason('both_change_patients', 'Patients must engage (B2B2C): manage activation and adherence.'));
      add('clinician_workflow_adoption', reason('both_change_clinicians', 'Clinicians must adopt the workflow at the same time: manage both gates together.'));
      break;
    case 'unknown':
      for (const model of models) {
        for (const gate of revenueModel(model).engagementGates) {
          add(gate, reason('gate_from_model', `Inferred from the ${revenueModel(model).name} model: ${revenueModel(model).engagementGateNote}`));
        }
      }
      questions.push({
        key: 'who_changes_behaviour',
        question: 'Who has to change behaviour for value to appear: patients/members, clinicians, or both?',
        why: 'It decides whether the engagement gate is an activation-and-adherence problem, a change-management problem, or both at once.',
        priority: 'high',
      });
      break;
  }
  if (models.has('cpt_rpm') && answers.behaviourChange === 'patients') {
    add('clinician_workflow_adoption', reason('rpm_billing_gate', 'RPM also needs providers to document and bill qualifying time, so clinician workflow is a gate too.'));
  }
  if (models.has('saas_license') && answers.behaviourChange === 'patients') {
    add('clinician_workflow_adoption', reason('saas_clinician_gate', 'A platform license is only used if clinicians or care managers adopt it, whatever the patient side does.'));
  }
  if (models.has('value_based')) {
    add(
      'enrollment_volume_significance',
      reason('vbc_significance_gate', 'An outcomes component needs enough enrolled members for the result to be statistically meaningful.'),
    );
  }
  return { gates: [...gates].map(([gate, reasons]) => ({ gate, reasons })), questions };
}
