import { BELIEVABLE_PROOF_CATALOG } from './believable-proof';
import { FRAMEWORK_CATALOG_VERSION } from './catalog-version';
import { CUSTOMER_SEGMENT_CATALOG } from './customer-segments';
import { ENVIRONMENT_SHIFTS } from './environment-shifts';
import { HYBRID_STRUCTURE_CATALOG, PROTECT_BASE_REVENUE_FIRST } from './hybrid-structures';
import { JOURNEY_PHASE_CATALOG } from './journey-phase';
import { METRIC_KEYS, OUTCOME_METRIC_KEYS } from './metric-keys';
import { PAYMENT_ENVIRONMENT_CATALOG } from './payment-environments';
import { REVENUE_MODEL_CATALOG } from './revenue-models';
import { DEFAULT_RPM_RATES, RPM_CODE_DEFINITIONS, RTM_CODE_DEFINITIONS } from './rpm-codes';
import { STAKEHOLDER_ARCHETYPES } from './stakeholder-archetypes';

function catalogObject() {
  return {
    version: FRAMEWORK_CATALOG_VERSION,
    revenueModels: REVENUE_MODEL_CATALOG,
    hybridStructures: HYBRID_STRUCTURE_CATALOG,
    hybridPrinciple: PROTECT_BASE_REVENUE_FIRST,
    stakeholderArchetypes: STAKEHOLDER_ARCHETYPES,
    believableProof: BELIEVABLE_PROOF_CATALOG,
    paymentEnvironments: PAYMENT_ENVIRONMENT_CATALOG,
    environmentShifts: ENVIRONMENT_SHIFTS,
    customerSegments: CUSTOMER_SEGMENT_CATALOG,
    journeyPhases: JOURNEY_PHASE_CATALOG,
    rpmCodes: RPM_CODE_DEFINITIONS,
    rtmCodes: RTM_CODE_DEFINITIONS,
    defaultRpmRates: DEFAULT_RPM_RATES,
    metricKeys: { all: METRIC_KEYS, outcome: OUTCOME_METRIC_KEYS },
  };
}
/** The shape returned by frameworkCatalog(). */
export type FrameworkCatalog = ReturnType<typeof catalogObject>;

/** The whole framework catalog as one JSON-serialisable object (for `qbr framework --json`). */
export function frameworkCatalog(): FrameworkCatalog {
  // A JSON round-trip gives callers a deep copy, so they cannot mutate the shared constants, and
  // proves the catalog really is plain JSON.
  return JSON.parse(JSON.stringify(catalogObject())) as FrameworkCatalog;
}
