/** The wizard's steps, in the order the framework asks its orienting questions. */
export const WIZARD_STEPS = [
  { key: 'streams', label: 'Revenue streams', title: 'How does your company get paid for this account?', description: 'One stream per way you are paid, each with the contract terms that matter for it.' },
  { key: 'behaviour', label: 'Who must change', title: 'Who must change behaviour for value to appear?', description: 'This decides the engagement gate every stakeholder value chain depends on.' },
  { key: 'environment', label: 'Payment environment', title: 'How is the buyer paid?', description: "The buyer's own payment environment decides whether your program earns them money or saves them money." },
  { key: 'orientation', label: 'Revenue or cost', title: 'Does the buyer experience each stream as generating revenue or reducing costs?', description: 'Pre-filled from the framework with its reason. Change it when the buyer sees it differently, and say why.' },
  { key: 'path', label: 'Path and runway', title: 'How long is the path from engagement to revenue?', description: 'The length of that path sets how early your warning signals need to fire.' },
  { key: 'incentives', label: 'Conflicting incentives', title: 'Do the revenue streams pull in different directions?', description: 'Conflicts between streams are put to the buyer as an explicit choice, not managed quietly.' },
  { key: 'result', label: 'Result', title: 'The assessment', description: "Check the reading, then save it as this quarter's assessment." },
] as const;

export type WizardStepKey = (typeof WIZARD_STEPS)[number]['key'];
export const LAST_STEP = WIZARD_STEPS.length - 1;
