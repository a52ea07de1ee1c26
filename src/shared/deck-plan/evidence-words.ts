import { formatQuantity, type QuantityUnit } from '../format/quantity';
import type { MetricEvidence } from '../metrics/account-evidence';
import type { DeckFacts } from './deck-facts';
import { monthLabel } from './deck-period';
import type { DeckPlanStream } from './deck-plan-types';
import { capitalise, joinPhrases, lowerFirst } from './value-format';

/*
 * How a slide says where an account-level figure came from, or why it has none
 * (metrics/account-evidence.ts decides which): the same words on a tile, a title and a footnote.
 */

function sourceName(facts: DeckFacts, streamId: string): string {
  return facts.input.streams.find((stream) => stream.id === streamId)?.name ?? 'the account';
}

/** "Outcomes bonus 98%, Quality bonus 91%": each conflicting record with its stream. */
function conflictingValues(facts: DeckFacts, evidence: Extract<MetricEvidence, { status: 'conflict' }>, unit: QuantityUnit): string {
  return evidence.values.map((entry) => `${sourceName(facts, entry.streamId)} ${formatQuantity(entry.value, unit)}`).join(', ');
}

/** The short line under a tile's "Not available" (its label carries the month); undefined when a value is shown. */
export function evidenceCaption(evidence: MetricEvidence): string | undefined {
  if (evidence.status === 'recorded') return undefined;
  return evidence.status === 'conflict' ? 'Streams differ' : 'Not recorded';
}

/** "is not recorded for Nov 2026" / "differs between streams for Nov 2026 (Outcomes bonus 98%, Quality bonus 91%)"; null when recorded. */
export function evidenceGapPhrase(facts: DeckFacts, evidence: MetricEvidence, unit: QuantityUnit): string | null {
  if (evidence.status === 'recorded') return null;
  if (evidence.status === 'conflict') return `differs between streams for ${monthLabel(evidence.month)} (${conflictingValues(facts, evidence, unit)})`;
  return `is not recorded for ${monthLabel(evidence.month)}`;
}

/** One figure a slide quotes, for evidenceNote. */
export interface QuotedEvidence {
  label: string;
  evidence: MetricEvidence;
  unit: QuantityUnit;
}

/**
 * Where account-level figures on a slide come from when that is not the slide's own stream;
 * undefined when every one is the stream's own (or missing).
 * @example "Claims-data completeness and eligibility-file accuracy as recorded on Outcomes bonus."
 */
export function borrowedEvidenceNote(facts: DeckFacts, stream: DeckPlanStream, quoted: readonly QuotedEvidence[]): string | undefined {
  const borrowed = new Map<string, string[]>();
  for (const { label, evidence } of quoted) {
    if (evidence.status !== 'recorded' || evidence.streamId === '' || evidence.streamId === stream.id) continue;
    borrowed.set(evidence.streamId, [...(borrowed.get(evidence.streamId) ?? []), lowerFirst(label)]);
  }
  const sentences = [...borrowed].map(([streamId, labels]) => `${capitalise(joinPhrases(labels))} as recorded on ${sourceName(facts, streamId)}.`);
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}

/** The footnote's word on account-level figures: where borrowed ones come from, and each conflict with every stream's value. */
export function evidenceNote(facts: DeckFacts, stream: DeckPlanStream, quoted: readonly QuotedEvidence[]): string | undefined {
  const conflicts = quoted.flatMap(({ label, evidence, unit }) => (evidence.status === 'conflict' ? [`${label} ${evidenceGapPhrase(facts, evidence, unit)}, so no one figure is shown.`] : []));
  const sentences = [borrowedEvidenceNote(facts, stream, quoted), ...conflicts].filter(Boolean);
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}
