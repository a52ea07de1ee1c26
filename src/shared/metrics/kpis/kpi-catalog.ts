import type { KpiDefinition } from './kpi-definition';
import { HYBRID_KPIS } from './hybrid-kpis';
import { PMPM_KPIS } from './pmpm-kpis';
import { RPM_KPIS } from './rpm-kpis';
import { SAAS_KPIS } from './saas-kpis';
import { VBC_KPIS } from './vbc-kpis';

/** Every derived KPI, grouped by metric family in catalog order. */
export const KPI_CATALOG: readonly KpiDefinition[] = [...RPM_KPIS, ...PMPM_KPIS, ...SAAS_KPIS, ...VBC_KPIS, ...HYBRID_KPIS];

/** The KPI definition for a key, or undefined. */
export function findKpiDefinition(key: string): KpiDefinition | undefined {
  return KPI_CATALOG.find((definition) => definition.key === key);
}
