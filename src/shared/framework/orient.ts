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

/** The model's expected orientation under a payment environment, before anyone's stated view or lens. */
function expectedOrientation(model: RevenueModelKey, environment: PaymentEnvironmentKey | null | undefined): Orientation {
  if (model === 'hybrid') {
    return { orientation: 'both', source: 'framework', reasons: [reason('hybrid_orient_per_stream', 'A hybrid contract can sit on both sides of the line; orient each revenue stream on its own.')], reason: '' };
  }
  if (!environment) {
    const catalogModel = revenueModel(model);
    return {
      orientation: catalogModel.defaultOrientation,
      source: 'default',
      reasons: [
        reason(
          'environment_unknown',
          `The buyer's payment environment is unknown, so this is the model's usual orientation (${catalogModel.orientationNote}) Ask how the buyer is paid.`,
        ),
      ],
      reason: '',
    };
  }
  const shift = environmentShift(model, environment);
  return { orientation: shift.orientation, source: shift.source, reasons: [reason(shift.source === 'framework' ? 'environment_shift' : 'environment_default', shift.reason)], reason: '' };
}

/** How one person reads an orientation: a mixed account is judged through their lens; MA clinical leads also see Star Ratings revenue. */
function throughStakeholderLens(base: Orientation, environment: PaymentEnvironmentKey | null | undefined, stakeholder: ArchetypeKey | undefined | null): Orientation {
  if (!stakeholder) return base;
  const reasons = [...base.reasons];
  let orientation = base.orientation;
  const person = archetype(stakeholder);
  const lens = person.orientationLens;
  if (lens && orientation === 'both') {
    orientation = lens;
    reasons.push(
      reason('stakeholder_lens', `The account sits on both sides, but a ${person.name.toLowerCase()} judges it mainly as ${lens.replace(/_/g, ' ')}; lead with that story for them.`),
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
  return { ...base, orientation, reasons };
}

function withSentence(orientation: Orientation): Orientation {
  return { ...orientation, reason: orientation.reasons.map((step) => step.text).join(' ') };
}

/** Whether a stream generates revenue, reduces costs or both for this buyer (and this stakeholder, if given), by the framework alone. */
export function orient(model: RevenueModelKey, environment?: PaymentEnvironmentKey | null, stakeholder?: ArchetypeKey): Orientation {
  return withSentence(throughStakeholderLens(expectedOrientation(model, environment), environment, stakeholder));
}

/** A revenue stream as orientation needs it. */
export interface StreamForOrientation {
  id: string;
  revenueModel: RevenueModelKey;
  paymentEnvironment: PaymentEnvironmentKey | null;
}

/** What the CSM recorded about each stream in a saved assessment (its framework reading). */
export interface StatedStreams {
  streams: readonly { id: string; model: StreamModelKey; paymentEnvironment: PaymentEnvironmentKey | null; orientation: ValueOrientationKey }[];
}

/** The assessment's stated orientation for a stream: by id, else the one assessed stream of the same model and environment. */
function statedFor(stream: StreamForOrientation, stated: StatedStreams | null | undefined): ValueOrientationKey | null {
  const streams = stated?.streams ?? [];
  const match =
    streams.find((candidate) => candidate.id === stream.id) ??
    (() => {
      const same = streams.filter((candidate) => candidate.model === stream.revenueModel && candidate.paymentEnvironment === stream.paymentEnvironment);
      return same.length === 1 ? same[0] : undefined;
    })();
  return match && match.orientation !== 'unknown' ? match.orientation : null;
}

/**
 * The one rule for how a stream is oriented for a person in the room: what the CSM recorded in the
 * saved assessment wins over the framework's expectation, and the person's lens then applies.
 * Every path that tells a value story (overview, value map, deck titles, proof slides, evidence
 * gaps) calls this, so they cannot disagree.
 * @example orientationFor({ id: 's1', revenueModel: 'cpt_rpm', paymentEnvironment: 'medicare_ffs' }, 'buyer_cfo', assessment.assessment)
 */
export function orientationFor(stream: StreamForOrientation, audience: ArchetypeKey | null, stated: StatedStreams | null | undefined): Orientation & { expected: ValueOrientationKey } {
  const expected = expectedOrientation(stream.revenueModel, stream.paymentEnvironment);
  const statedOrientation = statedFor(stream, stated);
  let base = expected;
  if (statedOrientation) {
    const reasons = [reason('stated_by_buyer', `The buyer experiences this stream as ${statedOrientation.replace(/_/g, ' ')} (saved assessment).`)];
    if (statedOrientation !== expected.orientation) {
      reasons.push(
        reason(
          'stated_differs_from_expected',
          `The framework would expect ${expected.orientation.replace(/_/g, ' ')} here (${withSentence(expected).reason}) Use the buyer's view, but check the value story fits it.`,
        ),
      );
    }
    base = { orientation: statedOrientation, source: 'stated', reasons, reason: '' };
  }
  return { ...withSentence(throughStakeholderLens(base, stream.paymentEnvironment, audience)), expected: expected.orientation };
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
    const stated = stream.statedOrientation ? { streams: [{ id: stream.id, model: stream.model, paymentEnvironment: stream.environment ?? null, orientation: stream.statedOrientation }] } : null;
    const { expected, ...orientation } = orientationFor({ id: stream.id, revenueModel: stream.model, paymentEnvironment: stream.environment ?? null }, stakeholder ?? null, stated);
    return { ...orientation, id: stream.id, model: stream.model, expected };
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
