import type { DeckSlide } from '../deck/deck-document';
import type { DeckPlan, DeckPlanInput } from './deck-plan-types';
import { ownKindPossessive } from './customer-voice';
import { forwardShare, MAIN_SLIDES, MIN_FORWARD_SHARE } from './slide-order';

/*
 * The rules a customer deck keeps, checked on the plan: nothing of the CSM's layer on a slide (signal
 * headlines, plays, day counts about people, app to-dos), no cut or raw text, a main body of at most
 * twelve slides that mostly looks forward, with the summary, the asks, the goals and the plan. The
 * test suite runs it over every demo deck; the deck builder can show its findings before export.
 */

export type DeckLintRule =
  | 'internal-on-slide'
  | 'person-day-count'
  | 'app-to-do'
  | 'truncated'
  | 'raw-key'
  | 'awkward-address'
  | 'zero-wording'
  | 'main-too-long'
  | 'appendix-before-main'
  | 'backward-looking'
  | 'missing-core-slide'
  | 'third-person-buyer';

export interface DeckLintFinding {
  rule: DeckLintRule;
  slideId: string | null;
  message: string;
}

/** Every string a slide shows the room (speaker notes and alt text are not shown). */
export function customerTexts(slide: DeckSlide): string[] {
  const texts: string[] = [slide.title, slide.subtitle ?? ''];
  const bullets = (list: readonly { text: string; emphasis?: string; figure?: string }[] | undefined) => (list ?? []).flatMap((b) => [b.emphasis ?? '', b.text, b.figure ?? '']);
  if ('footnote' in slide && slide.footnote) texts.push(slide.footnote.source, slide.footnote.dateRange, slide.footnote.note ?? '');
  switch (slide.kind) {
    case 'title':
      texts.push(slide.meetingLabel, slide.dateLabel ?? '');
      break;
    case 'section':
      break;
    case 'bullets':
      texts.push(...bullets(slide.bullets));
      break;
    case 'two-column':
      texts.push(slide.left.heading, slide.right.heading, ...bullets(slide.left.bullets), ...bullets(slide.right.bullets));
      break;
    case 'table':
      texts.push(...slide.columns.map((c) => c.header), ...slide.rows.flat().map((cell) => cell ?? ''));
      break;
    case 'kpis':
      texts.push(...slide.tiles.flatMap((t) => [t.label, t.value ?? '', t.delta ?? '', t.caption ?? '']));
      break;
    case 'chart':
      texts.push(slide.chart.title, ...slide.chart.series.map((s) => s.label), ...slide.chart.targetLines.map((t) => t.label), slide.chart.axisTitles.x ?? '', slide.chart.axisTitles.y ?? '', slide.chart.axisTitles.y2 ?? '', slide.chart.footnote ?? '');
      texts.push(...bullets(slide.sideBullets), slide.callout?.figure ?? '', slide.callout?.label ?? '');
      break;
    case 'funnel':
      texts.push(...slide.stages.map((s) => s.label), ...bullets(slide.sideBullets), slide.callout?.figure ?? '', slide.callout?.label ?? '');
      break;
  }
  return texts.filter((text) => text.trim().length > 0);
}

const APP_TO_DO = /\b(QBR Workbench|in the app|this workspace|save the (quarter's )?assessment|complete and save|framework assessment|import (the|a|paid|monthly)|record (it|them) in|map (a|the|someone))\b/i;
const TRUNCATED = /…|\.\.\.|\((e\.g|i\.e)\.?\s*$/i;
/** A metric key, a per-code key template ("rpm_claims_paid_<code>"), a contract-term path or a camelCase name. */
const RAW_KEY = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\b[a-z][a-z0-9]*(?:_[a-z0-9]+)*_<\w+>|\bterms\.\w+|\b[a-z]{2,}[A-Z][a-z]+\w*\b/;
const AWKWARD_ADDRESS = /\bso [A-Z][\w.'-]*(?: [A-Z][\w.'-]*)+ gets?\b|\bthe proof they need\b/;
/** Number words that read wrongly at zero ('No of two goals met', 'no off track', 'None of the two': neither). */
const ZERO_WORDING = /\bno of\b|\bno off track\b|\bnone of the two\b/i;
/** Our own word for the customer, or for us, on a slide the customer reads: "the buyer's actuary", "the vendor's control". */
const THIRD_PERSON_BUYER = /\bthe buyer\b|\bbuyer's\b|\bthe vendor\b|\bvendor's\b/i;
const PERSON_SILENCE = /\bdays since\b|\bnot engaged\b|\blast engaged\b/i;
const DAY_COUNT = /\b\d[\d,.]*\s*days?\b/i;

/** Parentheses that open and never close are a sentence cut short. */
function unbalanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
    if (depth < 0) return true;
  }
  return depth !== 0;
}

/** Signal and play sentences (the CSM's words) long enough that seeing one on a slide is not a coincidence. */
function internalPhrases(input: DeckPlanInput): string[] {
  return input.insights.signals
    .flatMap((signal) => [signal.headline, signal.play.summary, ...signal.play.steps, ...signal.explanation.split(/(?<=[.!?])\s+/)])
    .map((text) => text.trim().replace(/[.!?]$/, '').toLowerCase())
    .filter((text) => text.length >= 20);
}

/** The findings for one planned deck; an empty list is a customer-ready deck by these rules. */
export function lintDeckPlan(plan: DeckPlan, input: DeckPlanInput): DeckLintFinding[] {
  const findings: DeckLintFinding[] = [];
  const internal = internalPhrases(input);
  const people = input.stakeholders.map((person) => person.personName).filter((name) => name.trim().length > 0);
  const ownKind = ownKindPossessive(input.account.buyerType);
  for (const slide of plan.slides) {
    const add = (rule: DeckLintRule, message: string) => findings.push({ rule, slideId: slide.id, message });
    for (const text of customerTexts(slide.content)) {
      const lower = text.toLowerCase();
      const phrase = internal.find((p) => lower.includes(p));
      if (phrase) add('internal-on-slide', `shows the CSM's signal or play text "${phrase}"`);
      if (PERSON_SILENCE.test(text) || (DAY_COUNT.test(text) && people.some((name) => text.includes(name)))) add('person-day-count', `speaks of a person's engagement in days: "${text}"`);
      if (APP_TO_DO.test(text)) add('app-to-do', `carries an app to-do or tool name: "${text}"`);
      if (TRUNCATED.test(text) || unbalanced(text)) add('truncated', `text is cut short: "${text}"`);
      if (RAW_KEY.test(text)) add('raw-key', `shows a raw key: "${RAW_KEY.exec(text)![0]}" in "${text}"`);
      if (people.some((name) => text.includes(`show ${name}`))) add('awkward-address', `speaks of the person in the room in the third person: "${text}"`);
      if (AWKWARD_ADDRESS.test(text)) add('awkward-address', `addresses the person in the room in the third person: "${text}"`);
      if (ZERO_WORDING.test(text)) add('zero-wording', `reads wrongly at zero: "${text}"`);
      if (THIRD_PERSON_BUYER.test(text)) add('third-person-buyer', `speaks of the customer as "the buyer" (or of us as "the vendor"): "${text}"`);
      if (ownKind?.test(text)) add('third-person-buyer', `speaks of the customer by their kind ("the provider's", "the health plan's"): "${text}"`);
    }
  }
  const mainIds = plan.slides.filter((s) => s.section === 'main').map((s) => s.id);
  if (mainIds.length > MAIN_SLIDES.max) findings.push({ rule: 'main-too-long', slideId: null, message: `${mainIds.length} main slides; at most ${MAIN_SLIDES.max}` });
  const firstAppendix = plan.slides.findIndex((s) => s.section === 'appendix');
  if (firstAppendix >= 0 && plan.slides.slice(firstAppendix).some((s) => s.section === 'main')) findings.push({ rule: 'appendix-before-main', slideId: null, message: 'a main slide follows the appendix' });
  const share = forwardShare(mainIds);
  if (share < MIN_FORWARD_SHARE) findings.push({ rule: 'backward-looking', slideId: null, message: `${Math.round(share * 100)}% of the main body looks forward; at least ${Math.round(MIN_FORWARD_SHARE * 100)}%` });
  for (const core of ['executive-summary', 'decisions', 'goals', 'next-90-days']) {
    if (!mainIds.includes(core)) findings.push({ rule: 'missing-core-slide', slideId: core, message: `the main body has no ${core} slide` });
  }
  return findings;
}
