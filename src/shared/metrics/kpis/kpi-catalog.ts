import type { KpiDefinition, KpiKey } from './kpi-definition';
import { HYBRID_KPIS } from './hybrid-kpis';
import { PMPM_KPIS } from './pmpm-kpis';
import { RPM_KPIS } from './rpm-kpis';
import { SAAS_KPIS } from './saas-kpis';
import { VBC_KPIS } from './vbc-kpis';

/** Every derived KPI, grouped by metric family in catalog order. */
export const KPI_CATALOG: readonly KpiDefinition[] = [...RPM_KPIS, ...PMPM_KPIS, ...SAAS_KPIS, ...VBC_KPIS, ...HYBRID_KPIS];

/** The KPI definition for a key, or undefined. */
export function findKpiDefinition(key: string): KpiDefinition | undefined {
  return BY_KEY.get(key);
}

const BY_KEY: ReadonlyMap<string, KpiDefinition> = new Map(KPI_CATALOG.map((definition) => [definition.key, definition]));

/** The KPI definition for a key the type system knows exists. */
export function kpiDefinition(key: KpiKey): KpiDefinition {
  return BY_KEY.get(key)!;
}

/** True for a KPI that is our fee to the customer (kpi-definition.ts `fee`): a deck neither scores nor judges it. */
export function isFeeKpi(key: string): boolean {
  return BY_KEY.get(key)?.fee === true;
}
