import type { ArchetypeKey } from '../framework/keys';
import type { AudienceMember } from './deck-plan-types';

/*
 * The question each stakeholder is likely to ask when a slide is on screen, so the presenter walks
 * in with an answer. Written from the framework's description of what each role believes.
 */

/** What a slide is about, for picking the likely question. */
export type SlideTopic = 'value' | 'proof' | 'engagement' | 'scorecard' | 'risk' | 'gaps' | 'trade_off' | 'readiness' | 'benchmark' | 'plan' | 'goals';

type QuestionBook = Partial<Record<SlideTopic, string>> & { default: string };

const QUESTIONS: Record<ArchetypeKey, QuestionBook> = {
  clinic_administrator: {
    default: 'What does this add to our bottom line per enrolled patient, after your share?',
    value: 'How much of the reimbursement we billed was actually paid, and how fast?',
    engagement: 'If patients bill at 2 days, why should I care about device days?',
    risk: 'Which of these will show up in our revenue next month?',
    plan: 'What do you need from my staff, and how many hours is that?',
  },
  provider_clinician: {
    default: 'Are my patients actually better, and how much of my time does this take?',
    engagement: 'Which of my patients stopped transmitting, and who follows up?',
    proof: 'How many patients is that readmission comparison based on?',
  },
  billing_rcm_staff: {
    default: 'Which codes are being denied, and why?',
    proof: 'Are we choosing 99445 vs 99454 correctly, and are management minutes documented?',
  },
  patient_member: { default: 'Is it easy, and is it helping?' },
  cs_team_internal: { default: 'Which signal do we act on first?' },
  health_plan_executive_sponsor: {
    default: 'What can I tell my board this program returned?',
    value: 'What is total cost of care for engaged members against a matched control?',
    benchmark: 'How do we compare with similar plans?',
    trade_off: 'What do we give up if we choose the other option?',
  },
  health_plan_operational_lead: {
    default: 'Are we on target for engagement this month, and is the integration stable?',
    risk: 'What will my care managers have to do differently?',
  },
  employer_hr_benefits_leader: {
    default: 'Are employees using it and telling us it helped, and how much of my team\'s time does it take?',
    value: 'What should I tell leadership the program is worth?',
    engagement: 'Which employee groups are not using it?',
  },
  buyer_cfo: {
    default: 'What is the return against what we pay you, in dollars?',
    value: 'Is that a cost we avoided or an estimate?',
    trade_off: 'What does each option cost us next year?',
    gaps: 'When will you have a number I can take to budget review?',
  },
  platform_executive_sponsor: {
    default: 'What is this platform doing for cost per patient and care-manager capacity?',
    engagement: 'Why are care managers not using it every week?',
  },
  it_integration_lead: {
    default: 'What was uptime against the SLA, and were there any security incidents?',
    risk: 'What will this ask of my team next quarter?',
  },
  clinical_end_user: { default: 'Does it save me time, or add clicks?' },
  compliance_privacy_officer: { default: 'Any incidents, audit findings or certification changes?' },
  health_plan_cfo_actuary: {
    default: 'How was the control group matched, and is the claims run-out complete?',
    value: 'Is that savings figure validated on claims against a matched cohort?',
    readiness: 'How is risk adjustment defined, and who resolves a dispute?',
    gaps: 'Until claims validate it, what exactly are you claiming?',
  },
  health_plan_clinical_lead: {
    default: 'What is the sample size, and is the improvement statistically significant?',
    proof: 'What is the comparison group, and what is the confidence interval?',
  },
  independent_evaluator: { default: 'Is the data complete, and was the analysis plan fixed in advance?' },
  pharma_medical_affairs: { default: 'Is this evidence strong enough to publish?' },
  pharma_brand_commercial: { default: 'Does this move persistence on therapy and prescriptions?' },
  pharma_market_access: { default: 'Will payers accept this evidence in formulary discussions?' },
  pharma_rd: { default: 'Is the data complete and documented well enough for research use?' },
};

/** The question this person is likely to ask on a slide about `topic`. */
export function likelyQuestion(key: ArchetypeKey, topic: SlideTopic): string {
  const book = QUESTIONS[key];
  return book[topic] ?? book.default;
}

/**
 * Speaker notes: talking points, then the likely question from the person the slide is for.
 * Notes are plain text the presenter reads; one point per line.
 */
export function speakerNotes(talkingPoints: readonly string[], asker: AudienceMember, topic: SlideTopic, answerHint?: string): string {
  const points = talkingPoints.filter((point) => point.trim() !== '').map((point) => `• ${point}`);
  const question = `Likely question from ${asker.label}: "${likelyQuestion(asker.archetype, topic)}"`;
  return [...(points.length > 0 ? ['Talking points:', ...points, ''] : []), question, ...(answerHint ? [`Answer: ${answerHint}`] : [])].join('\n');
}
