import type { IdentificationAnswers } from '../../../shared/framework/answers';
import { BEHAVIOUR_CHANGER_LABELS, PAYMENT_ENVIRONMENT_LABELS } from '../framework-labels';
import type { WizardStepKey } from './wizard-steps';

/** One line under each step of the stepper saying what has been answered there. */
export function stepSummary(step: WizardStepKey, answers: IdentificationAnswers): string {
  const streams = answers.streams;
  const unknownCount = (pick: (stream: IdentificationAnswers['streams'][number]) => string) => streams.filter((stream) => pick(stream) === 'unknown').length;
  switch (step) {
    case 'streams':
      return streams.length === 0 ? 'No streams yet' : `${streams.length} ${streams.length === 1 ? 'stream' : 'streams'}${unknownCount((s) => s.howPaid) > 0 && !streams.every((s) => s.model) ? ', some unclear' : ''}`;
    case 'behaviour':
      return answers.behaviourChange === 'unknown' ? 'Not answered' : BEHAVIOUR_CHANGER_LABELS[answers.behaviourChange];
    case 'environment':
      return answers.paymentEnvironments.length === 0 ? 'Not answered' : answers.paymentEnvironments.map((env) => PAYMENT_ENVIRONMENT_LABELS[env]).join(', ');
    case 'orientation': {
      const unknown = unknownCount((s) => s.orientation);
      return streams.length === 0 ? 'Per stream' : unknown === 0 ? 'Every stream answered' : `${unknown} don't know`;
    }
    case 'path': {
      const unknown = unknownCount((s) => s.pathToRevenue);
      return streams.length === 0 ? 'Per stream' : unknown === 0 ? 'Every stream answered' : `${unknown} don't know`;
    }
    case 'incentives':
      return { yes: 'Yes, they conflict', no: 'No conflict', unknown: 'Not answered' }[answers.conflictingIncentives.answer];
    case 'result':
      return 'Review and save';
  }
}
