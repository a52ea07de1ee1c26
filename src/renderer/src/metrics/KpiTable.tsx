import { Table, Text } from '@mantine/core';
import type { KpiResult } from '../../../shared/metrics/kpi-engine';
import type { KpiTrend } from '../../../shared/metrics/kpi-change';
import { describeMissingInput, formatKpiChange, formatKpiValue, formatMonth, NOT_AVAILABLE } from './metric-format';
import { NumberTrace } from './NumberTrace';

const TREND_WORDS: Record<KpiTrend['assessment'], { text: string; color?: string }> = {
  improving: { text: 'Improving', color: 'teal.8' },
  worsening: { text: 'Worsening', color: 'red.8' },
  stable: { text: 'Stable' },
  unknown: { text: NOT_AVAILABLE, color: 'dimmed' },
};
const ARROWS: Record<KpiTrend['direction'], string> = { up: '↑', down: '↓', flat: '→', unknown: '' };

/** A stream's KPIs for the report month: value (click for its trace), change vs 3 and 12 months before, and the 3-month trend. */
export function KpiTable({ streamName, kpis, nameOfStream }: { streamName: string; kpis: KpiResult[]; nameOfStream(streamId: string): string | null }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={6} aria-label={`KPIs for ${streamName}`} striped="even" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>KPI</Table.Th>
            <Table.Th ta="right">This month</Table.Th>
            <Table.Th ta="right">vs 3 months before</Table.Th>
            <Table.Th ta="right">vs 12 months before</Table.Th>
            <Table.Th>3-month trend</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kpis.map((kpi) => {
            const trend = TREND_WORDS[kpi.trend3m.assessment];
            const missing = kpi.current.missingInputs;
            return (
              <Table.Tr key={kpi.key} data-kpi={kpi.key}>
                <Table.Td>
                  <Text size="sm">{kpi.label}</Text>
                  {kpi.judgedAgainst && (
                    <Text size="xs" c="dimmed">
                      Judged against {kpi.judgedAgainst.phrase}
                    </Text>
                  )}
                  {kpi.current.value === null && (
                    <Text size="xs" c="dimmed">
                      {missing.length > 0 ? `Needs ${missing.map(describeMissingInput).join(', ')} for ${formatMonth(kpi.month)}` : (kpi.current.note ?? '')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <NumberTrace label={`${kpi.label}, ${formatMonth(kpi.month)}`} trace={kpi.current} streamName={nameOfStream}>
                    <Text span size="sm" fw={600} c={kpi.current.value === null ? 'dimmed' : undefined} data-testid="kpi-value">
                      {formatKpiValue(kpi.current.value, kpi.unit)}
                    </Text>
                  </NumberTrace>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" c={kpi.quarterOverQuarter.delta === null ? 'dimmed' : undefined} title={`Compared with ${formatMonth(kpi.quarterOverQuarter.fromMonth)}`}>
                    {formatKpiChange(kpi.quarterOverQuarter, kpi.unit)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" c={kpi.yearOverYear.delta === null ? 'dimmed' : undefined} title={`Compared with ${formatMonth(kpi.yearOverYear.fromMonth)}`}>
                    {formatKpiChange(kpi.yearOverYear, kpi.unit)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={trend.color}>
                    {ARROWS[kpi.trend3m.direction]} {trend.text}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
