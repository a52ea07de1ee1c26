import type { AssessmentStream, FrameworkAssessment } from './assessment';
import { believableProof } from './believable-proof';
import { FRAMEWORK_CATALOG_VERSION } from './catalog-version';
import { environmentShift } from './environment-shifts';
import type { ArchetypeKey, BelievableProofKind, BuyerTypeKey, CustomerSegmentKey, ValueOrientationKey } from './keys';
import { orientStreams } from './orient';
import { checkProof } from './proof-checks';
import { reason, type Reason } from './reason';
import { revenueModel } from './revenue-models';
import { archetype, archetypeProfiles, type ArchetypeProfile } from './stakeholder-archetypes';
import { isMetricKey, type MetricKey } from './metric-keys';

/** A real person in the account, cast as one framework archetype. */
export interface AccountStakeholder {
  id: string;
  personName: string;
  archetype: ArchetypeKey;
}

export interface SupportedProof {
  proofKind: BelievableProofKind;
  streamId: string;
  need: string;
  metricKeys: MetricKey[];
}

export interface EvidenceGap {
  proofKind: BelievableProofKind;
  streamId: string;
  /** The believable-proof requirement this gap is (stable across wording changes). */
  requirementKey: string;
  need: string;
  /** Keys that are all required and missing. */
  missingMetricKeys: string[];
  /** Keys of which any one would do, listed only when none is available. */
  anyOfMetricKeys: string[];
  howToClose: string;
  /** The sentence to say in the room instead of stretching weaker data. */
  honestStatement: string;
}

export interface ValueMapEntry {
  stakeholderId: string;
  personName: string;
  archetype: ArchetypeKey;
  archetypeName: string;
  /** Streams whose framework table includes this archetype. */
  streamIds: string[];
  caresAbout: string[];
  valueDrivers: string[];
  kpisToShow: string[];
  orientation: ValueOrientationKey;
  orientationReason: string;
  believableProof: Array<{ kind: BelievableProofKind; label: string; description: string }>;
  proofNote: string;
  supportedBy: SupportedProof[];
  evidenceGaps: EvidenceGap[];
  notes: Reason[];
}

export interface ValueMap {
  catalogVersion: string;
  entries: ValueMapEntry[];
  /** Archetypes the contract's models or environments call for that no mapped person fills. */
  unfilledArchetypes: Array<{ archetype: ArchetypeKey; reason: string }>;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * The model's primary stakeholders for this stream. PMPM/PEPM names two (a health plan's sponsor,
 * an employer's HR leader); once the payment environment says which kind of buyer this is, only
 * that one is expected.
 */
function primaryStakeholdersFor(stream: AssessmentStream): ArchetypeKey[] {
  const primary = revenueModel(stream.model).primaryStakeholders;
  if (stream.model !== 'pmpm_pepm' || stream.paymentEnvironment === null) return primary;
  const employerBuyer = stream.paymentEnvironment === 'self_insured_employer';
  return primary.filter((key) => (key === 'employer_hr_benefits_leader') === employerBuyer);
}

/** Roles that exist only inside a provider organisation (a practice, a hospital's revenue cycle). */
const PROVIDER_OFFICE_ROLES: ReadonlySet<ArchetypeKey> = new Set(['clinic_administrator', 'billing_rcm_staff']);
/** Customers that are not provider organisations: they have no clinic administrator or billing office for the program. */
const NON_PROVIDER_SEGMENTS: ReadonlySet<CustomerSegmentKey> = new Set(['health_plan', 'employer', 'pharma']);
/** Buyers that are not provider organisations (a health system's own MA plan buys as a payer). */
const NON_PROVIDER_BUYERS: ReadonlySet<BuyerTypeKey> = new Set(['payer', 'employer', 'pharma']);

/** One archetype an assessment calls for, and why. */
export interface CalledForArchetype {
  archetype: ArchetypeKey;
  /** e.g. "primary stakeholder for CPT / RPM reimbursement". */
  why: string;
}

/**
 * The archetypes an assessment's streams would normally put in the room, in the framework's order:
 * each model's primary stakeholders (for pharma buyers, replaced by the pharma roles), then those
 * the payment environment adds. A health plan, employer or pharma customer or buyer is never asked
 * for a clinic administrator or billing staff (an MA plan buying RPM has neither). The stakeholder
 * form's suggestions and the value map's unfilled roles both come from here.
 */
export function archetypesCalledFor(assessment: Pick<FrameworkAssessment, 'streams'> & Partial<Pick<FrameworkAssessment, 'customerSegment' | 'buyerType'>>): CalledForArchetype[] {
  const expected = new Map<ArchetypeKey, string>();
  for (const stream of assessment.streams) {
    // With pharma as buyer the health-system roles are replaced, not joined, by the pharma roles.
    const primary = stream.paymentEnvironment === 'pharma' ? [] : primaryStakeholdersFor(stream);
    for (const key of primary) {
      if (!expected.has(key)) expected.set(key, `primary stakeholder for ${revenueModel(stream.model).name}`);
    }
    if (stream.paymentEnvironment) {
      const shift = environmentShift(stream.model, stream.paymentEnvironment);
      for (const key of shift.stakeholders) {
        if (!expected.has(key)) expected.set(key, `needed for ${revenueModel(stream.model).name} under this payment environment`);
      }
    }
  }
  const segment = assessment.customerSegment ?? null;
  const buyer = assessment.buyerType ?? null;
  const noProviderOffice = (segment !== null && NON_PROVIDER_SEGMENTS.has(segment)) || (buyer !== null && NON_PROVIDER_BUYERS.has(buyer));
  return [...expected].filter(([key]) => !(noProviderOffice && PROVIDER_OFFICE_ROLES.has(key))).map(([key, why]) => ({ archetype: key, why }));
}

/**
 * For each mapped stakeholder: what they care about, what to show, the proof they believe, and the
 * evidence gaps the available metric keys cannot fill.
 */
export function buildValueMap(
  assessment: Pick<FrameworkAssessment, 'streams'> & Partial<Pick<FrameworkAssessment, 'customerSegment' | 'buyerType'>>,
  stakeholders: readonly AccountStakeholder[],
  availableMetricKeys: Iterable<string>,
): ValueMap {
  const available = new Set([...availableMetricKeys].filter(isMetricKey));
  const entries = stakeholders.map((stakeholder): ValueMapEntry => {
    const person = archetype(stakeholder.archetype);
    const notes: Reason[] = [];
    const matched: Array<{ stream: AssessmentStream; profiles: ArchetypeProfile[] }> = assessment.streams
      .map((stream) => ({ stream, profiles: archetypeProfiles(person.key, stream.model, stream.paymentEnvironment) }))
      .filter((match) => match.profiles.length > 0);

    let profiles: ArchetypeProfile[];
    let proofStreams: AssessmentStream[];
    if (matched.length > 0) {
      profiles = matched.flatMap((match) => match.profiles);
      proofStreams = matched.map((match) => match.stream);
    } else {
      // The person matters to this account even though the framework's tables for these models do
      // not list the role; show their general profile and judge proof against every stream.
      profiles = person.profiles;
      proofStreams = [...assessment.streams];
      notes.push(
        reason(
          'archetype_outside_model_tables',
          `The framework does not list a ${person.name.toLowerCase()} for this contract's model(s); their concerns are shown from the role's general profile.`,
        ),
      );
    }

    const oriented = orientStreams(
      proofStreams.map((stream) => ({ id: stream.id, model: stream.model, environment: stream.paymentEnvironment, statedOrientation: stream.orientation })),
      person.key,
    );

    const supportedBy: SupportedProof[] = [];
    const evidenceGaps: EvidenceGap[] = [];
    const proofKinds = person.believableProof;
    const streamsForProof = assessment.streams.map((stream) => ({ id: stream.id, revenueModel: stream.model, paymentEnvironment: stream.paymentEnvironment }));
    for (const check of checkProof(person.key, streamsForProof, assessment, available)) {
      const { requirement } = check;
      if (check.met) {
        supportedBy.push({
          proofKind: check.kind,
          streamId: check.streamId,
          need: requirement.need,
          metricKeys: [...(requirement.allOf ?? []), ...(requirement.anyOf ?? []).filter((key) => available.has(key))],
        });
      } else {
        const anyOfMissing = requirement.anyOf && requirement.anyOf.length > 0 && !requirement.anyOf.some((key) => available.has(key));
        evidenceGaps.push({
          proofKind: check.kind,
          streamId: check.streamId,
          requirementKey: requirement.key,
          need: requirement.need,
          missingMetricKeys: (requirement.allOf ?? []).filter((key) => !available.has(key)),
          anyOfMetricKeys: anyOfMissing ? [...requirement.anyOf!] : [],
          howToClose: requirement.howToClose,
          honestStatement: `We cannot yet show ${requirement.need.charAt(0).toLowerCase()}${requirement.need.slice(1)}; here is how we will get it.`,
        });
      }
    }
    if (evidenceGaps.length > 0 && supportedBy.length === 0) {
      notes.push(
        reason('no_believable_proof_yet', `Nothing this ${person.name.toLowerCase()} would find convincing can be shown yet; name the gaps rather than substituting weaker data.`),
      );
    }

    return {
      stakeholderId: stakeholder.id,
      personName: stakeholder.personName,
      archetype: person.key,
      archetypeName: person.name,
      streamIds: matched.map((match) => match.stream.id),
      caresAbout: unique(profiles.flatMap((profile) => profile.caresAbout)),
      valueDrivers: unique(profiles.flatMap((profile) => profile.valueDrivers)),
      kpisToShow: unique(profiles.flatMap((profile) => profile.kpis)),
      orientation: oriented.combined,
      orientationReason: [...oriented.streams.map((stream) => stream.reason), ...oriented.reasons.map((step) => step.text)].join(' '),
      believableProof: proofKinds.map((kind) => believableProof(kind)),
      proofNote: person.proofNote,
      supportedBy,
      evidenceGaps,
      notes,
    };
  });

  const filled = new Set(stakeholders.map((stakeholder) => stakeholder.archetype));
  const unfilledArchetypes = archetypesCalledFor(assessment)
    .filter((called) => !filled.has(called.archetype))
    .map((called) => ({ archetype: called.archetype, reason: `No one in the account is mapped as ${archetype(called.archetype).name.toLowerCase()} (${called.why}).` }));

  return { catalogVersion: FRAMEWORK_CATALOG_VERSION, entries, unfilledArchetypes };
}
