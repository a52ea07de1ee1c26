import { revenueModel } from '../framework/revenue-models';
import type { RevenueModelKey } from '../framework/keys';
import type { AssessmentResult } from './assessment-result';

const modelName = (key: RevenueModelKey | null) => (key ? revenueModel(key).name : 'not identified');
const words = (key: string) => key.replace(/_/g, ' ');

/** One thing that differs between two quarters' assessments, in words the UI can show. */
export interface AssessmentChange {
  key: string;
  description: string;
}

/** What changed from `before` to `after`: model, hybrid status, orientation per stream, gates, gaps and questions. */
export function diffAssessmentResults(before: AssessmentResult, after: AssessmentResult): AssessmentChange[] {
  const changes: AssessmentChange[] = [];
  const was = before.identification;
  const now = after.identification;

  if (was.primaryModel !== now.primaryModel) {
    changes.push({ key: 'primary_model', description: `Primary revenue model changed from ${modelName(was.primaryModel)} to ${modelName(now.primaryModel)}.` });
  }
  if (was.isHybrid !== now.isHybrid) {
    changes.push({ key: 'hybrid', description: now.isHybrid ? 'The contract is now read as a hybrid.' : 'The contract is no longer read as a hybrid.' });
  }
  const previousOrientation = new Map(was.streams.map((stream) => [stream.id, stream.statedOrientation]));
  for (const stream of now.streams) {
    const earlier = previousOrientation.get(stream.id);
    if (earlier === undefined) {
      changes.push({ key: `stream_added:${stream.id}`, description: `New revenue stream: ${stream.label ?? stream.id}.` });
    } else if (earlier !== stream.statedOrientation) {
      changes.push({
        key: `orientation:${stream.id}`,
        description: `${stream.label ?? stream.id}: the buyer's orientation changed from ${words(earlier)} to ${words(stream.statedOrientation)}.`,
      });
    }
  }
  for (const stream of was.streams) {
    if (!now.streams.some((current) => current.id === stream.id)) {
      changes.push({ key: `stream_removed:${stream.id}`, description: `Revenue stream no longer present: ${stream.label ?? stream.id}.` });
    }
  }
  const gates = (result: AssessmentResult) => result.identification.engagementGates.map((gate) => words(gate.gate)).sort().join(', ');
  if (gates(before) !== gates(after)) {
    changes.push({ key: 'engagement_gates', description: `Engagement gates changed from [${gates(before) || 'none'}] to [${gates(after) || 'none'}].` });
  }
  const gapCount = (result: AssessmentResult) => result.valueMap?.entries.reduce((n, entry) => n + entry.evidenceGaps.length, 0) ?? 0;
  if (gapCount(before) !== gapCount(after)) {
    changes.push({ key: 'evidence_gaps', description: `Evidence gaps went from ${gapCount(before)} to ${gapCount(after)}.` });
  }
  if (before.openQuestions.length !== after.openQuestions.length) {
    changes.push({ key: 'open_questions', description: `Open questions went from ${before.openQuestions.length} to ${after.openQuestions.length}.` });
  }
  return changes;
}
