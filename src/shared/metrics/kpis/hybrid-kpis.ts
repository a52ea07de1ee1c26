import { safeDivide } from '../kpi-value';
import { defineKpi, type KpiDefinition } from './kpi-definition';

/* Hybrid KPIs: in a phased contract the CS mode flips at the switchover threshold. */

export const HYBRID_KPIS: readonly KpiDefinition[] = [
  defineKpi({
    key: 'hybrid_switchover_progress',
    label: 'Progress to switchover',
    family: 'hybrid',
    unit: 'fraction',
    higherIsBetter: true,
    formula: 'hybrid_activated_users ÷ terms.switchoverThresholdUsers',
    operands: (r, m) => [r.metric('hybrid_activated_users', m), r.term('switchoverThresholdUsers')],
    calculate: ([users, threshold]) => safeDivide(users!, threshold!),
  }),
];
