import { environmentShift } from './environment-shifts';
import type { ArchetypeKey, PaymentEnvironmentKey, RevenueModelKey, StreamModelKey, ValueOrientationKey } from './keys';
import { reason, type Reason } from './reason';
import { revenueModel } from './revenue-models';
import { archetype } from './stakeholder-archetypes';

export interface Orientation {
  orientation: ValueOrientationKey;
  /** One sentence the UI can show. */
  reason: string;
  /** Every step that led there. */
  reasons: Reason[];
  /** `framework` when the framework states it for this pair, `default` when it is our rule, `stated` when the buyer said so. */
  source: 'framework' | 'default' | 'stated';
}

/** Whether a stream generates revenue, reduces costs or both for this buyer (and this stakeholder, if given). */
export function orient(model: RevenueModelKey, environment?: PaymentEnvironmentKey | null, stakeholder?: ArchetypeKey): Orientation {
  const reasons: Reason[] = [];
  let orientation: ValueOrientationKey;
  let source: Orientation['source'];

  if (model === 'hybrid') {
    orientation = 'both';
    source = 'framework';
    reasons.push(reason('hybrid_orient_per_stream', 'A hybrid contract can sit on both sides of the line; orient each revenue stream on its own.'));
  } else if (!environment) {
    const catalogModel = revenueModel(model);
    orientation = catalogModel.defaultOrientation;
    source = 'default';
    reasons.push(
      reason(
        'environment_unknown',
        `The buyer's payment environment is unknown, so this is the model's usual orientation (${catalogModel.orientationNote}) Ask how the buyer is paid.`,
      ),
    );
  } else {
    const shift = environmentShift(model, environment);
    orientation = shift.orientation;
    source = shift.source;
    reasons.push(reason(shift.source === 'framework' ? 'environment_shift' : 'environment_default', shift.reason));
  }

  if (stakeholder) {
    const person = archetype(stakeholder);
    const lens = person.orientationLens;
    if (lens && orientation === 'both') {
      orientation = lens;
      reasons.push(
        reason(
          'stakeholder_lens',
          `The account sits on both sides, but a ${person.name.toLowerCase()} judges it mainly as ${lens.replace(/_/g, ' ')}; lead with that story for them.`,
        ),
      );
    } else if (lens && orientation !== 'unknown' && lens !== orientation) {
      reasons.push(
        reason(
          'stakeholder_lens_differs',
          `A ${person.name.toLowerCase()} usually thinks in terms of ${lens.replace(/_/g, ' ')}; translate the ${orientation.replace(/_/g, ' ')} story into that language for them.`,
        ),
      );
    }
    if (environment === 'medicare_advantage' && stakeholder === 'health_plan_clinical_lead') {
      reasons.push(reason('star_ratings_revenue_angle', 'Star Ratings gains raise CMS bonus payments, so quality improvement also reads as revenue to this stakeholder.'));
    }
  }

  return { orientation, reason: reasons.map((step) => step.text).join(' '), reasons, source };
}

export interface StreamToOrient {
  id: string;
  model: StreamModelKey;
  environment?: PaymentEnvironmentKey | null;
  /** What the buyer told us; 'unknown' or absent means we fall back to the framework. */
  statedOrientation?: ValueOrientationKey;
}

export interface StreamOrientation extends Orientation {
  id: string;
  model: StreamModelKey;
  /** What the framework expects for this model and environment, kept for comparison with what was stated. */
  expected: ValueOrientationKey;
}

export interface StreamsOrientation {
  streams: StreamOrientation[];
  /** The contract as a whole: the common orientation, 'both' if streams differ, 'unknown' if any is unknown. */
  combined: ValueOrientationKey;
  reasons: Reason[];
}

/** Orient each revenue stream of a (possibly hybrid) contract and combine them. */
export function orientStreams(streams: readonly StreamToOrient[], stakeholder?: ArchetypeKey): StreamsOrientation {
  const oriented = streams.map((stream): StreamOrientation => {
    const expected = orient(stream.model, stream.environment, stakeholder);
    if (!stream.statedOrientation || stream.statedOrientation === 'unknown') {
      return { ...expected, id: stream.id, model: stream.model, expected: expected.orientation };
    }
    const reasons = [reason('stated_by_buyer', `The buyer experiences this stream as ${stream.statedOrientation.replace(/_/g, ' ')}.`)];
    if (stream.statedOrientation !== expected.orientation) {
      reasons.push(
        reason(
          'stated_differs_from_expected',
          `The framework would expect ${expected.orientation.replace(/_/g, ' ')} here (${expected.reason}) Use the buyer's view, but check the value story fits it.`,
        ),
      );
    }
    return {
      id: stream.id,
      model: stream.model,
      orientation: stream.statedOrientation,
      reason: reasons.map((step) => step.text).join(' '),
      reasons,
      source: 'stated',
      expected: expected.orientation,
    };
  });

  const distinct = new Set(oriented.map((stream) => stream.orientation));
  const reasons: Reason[] = [];
  let combined: ValueOrientationKey;
  if (oriented.length === 0 || distinct.has('unknown')) {
    combined = 'unknown';
    reasons.push(reason('combined_unknown', 'At least one stream has no known orientation; that is the first conversation to have with the buyer.'));
  } else if (distinct.size === 1) {
    combined = oriented[0]!.orientation;
    reasons.push(reason('combined_same', `Every stream reads as ${combined.replace(/_/g, ' ')}.`));
  } else {
    combined = 'both';
    reasons.push(
      reason('combined_mixed', 'Streams sit on different sides of the line: hold each value story and lead with the one that matches the stakeholder in the room.'),
    );
  }
  return { streams: oriented, combined, reasons };
}
