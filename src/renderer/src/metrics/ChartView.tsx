import { Box, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'react';
import { formatChartValue, type ChartSpec } from '../../../shared/charts/chart-spec';
import { chartJsConfig } from './chart-js-config';
import { drawnSeries, paletteColour, TARGET_LINE_COLOR, type DrawnSeries } from './chart-layout';

/**
 * Draws a shared ChartSpec with chart.js: lines, bars, stacked bars, bar + line combos with a
 * second axis, and doughnuts. Nulls are gaps, targets are dashed grey lines, colours follow the
 * deck's order; the data is also in a table for screen readers, and hovering a month lists its values.
 */
export function ChartView({ spec, height = 220 }: { spec: ChartSpec; height?: number }) {
  const series = drawnSeries(spec);
  const empty = spec.series.every((s) => s.values.every((v) => v === null));

  return (
    <Stack gap={6} component="figure" m={0} data-testid={`chart-${spec.id}`} aria-label={spec.title}>
      <Text size="sm" fw={600}>
        {spec.title}
      </Text>
      <Box h={height} pos="relative">
        {empty ? (
          <Paper h="100%" bg="gray.0" radius="sm" style={{ display: 'grid', placeItems: 'center' }}>
            <Text size="sm" c="dimmed">
              Not available: no month in this chart has the inputs it needs.
            </Text>
          </Paper>
        ) : (
          <ChartCanvas spec={spec} height={height} />
        )}
      </Box>
      <Legend spec={spec} series={series} />
      {spec.footnote && (
        <Text size="xs" c="dimmed" component="figcaption">
          {spec.footnote}
        </Text>
      )}
      <VisuallyHidden>
        <ChartDataTable spec={spec} />
      </VisuallyHidden>
    </Stack>
  );
}

/** A chart.js canvas for the spec; recreated when the spec changes, destroyed on unmount. */
function ChartCanvas({ spec, height }: { spec: ChartSpec; height: number }) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let cancelled = false;
    // chart.js is loaded with the first chart (chart-js-setup.ts), not with the app.
    void import('./chart-js-setup').then(({ Chart }) => {
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      chart = new Chart(canvas, chartJsConfig(spec, height) as ChartConfiguration);
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [spec, height]);
  return <canvas ref={canvasRef} role="img" aria-label={`${spec.title}: the values are in the table that follows.`} />;
}

function Legend({ spec, series }: { spec: ChartSpec; series: DrawnSeries[] }) {
  if (spec.type === 'doughnut') {
    const values = spec.series[0]?.values ?? [];
    return (
      <Group gap="xs">
        {spec.labels.map((label, i) => (
          <Text key={label} size="xs" c="gray.7">
            <Swatch color={paletteColour(i)} /> {label}: {formatChartValue(values[i] ?? null, spec.series[0]?.unit ?? 'score')}
          </Text>
        ))}
      </Group>
    );
  }
  if (series.length + spec.targetLines.length <= 1) return null;
  return (
    <Group gap="md">
      {series.map((s) => (
        <Text key={s.id} size="xs" c="gray.7">
          <Swatch color={s.color} line={s.render === 'line'} /> {s.label}
          {s.axis === 'secondary' ? ' (right axis)' : ''}
        </Text>
      ))}
      {spec.targetLines.map((target) => (
        <Text key={target.label} size="xs" c="gray.7">
          <Swatch color={TARGET_LINE_COLOR} dashed /> {target.label} ({formatChartValue(target.value, target.unit)})
        </Text>
      ))}
    </Group>
  );
}

function Swatch({ color, line = false, dashed = false }: { color: string; line?: boolean; dashed?: boolean }) {
  return (
    <svg width={14} height={10} aria-hidden="true" style={{ verticalAlign: 'middle' }}>
      {line || dashed ? (
        <line x1={0} x2={14} y1={5} y2={5} stroke={color} strokeWidth={2.5} strokeDasharray={dashed ? '4 2' : undefined} />
      ) : (
        <rect x={1} y={1} width={12} height={8} rx={1} fill={color} />
      )}
    </svg>
  );
}

function ChartDataTable({ spec }: { spec: ChartSpec }) {
  return (
    <Table aria-label={`${spec.title} data`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{spec.type === 'doughnut' ? 'Part' : 'Month'}</Table.Th>
          {spec.series.map((s) => (
            <Table.Th key={s.id}>{s.label}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {spec.labels.map((label, i) => (
          <Table.Tr key={label}>
            <Table.Td>{label}</Table.Td>
            {spec.series.map((s) => (
              <Table.Td key={s.id}>{s.values[i] === null ? 'Not available' : formatChartValue(s.values[i] ?? null, s.unit)}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
