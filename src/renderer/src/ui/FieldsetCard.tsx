import { Box, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A bordered card that is a real <fieldset> with a <legend>, so a screen reader announces the group
 * (e.g. a revenue stream's name) before each control in it. The legend is floated so it sits inside
 * the card like a heading instead of on the border.
 */
export function FieldsetCard({ legend, children, testId }: { legend: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" component="fieldset" style={{ margin: 0, minWidth: 0 }} data-testid={testId}>
      <Box component="legend" style={{ float: 'left', width: '100%', padding: 0 }} mb="xs">
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {legend}
        </Text>
      </Box>
      <Box style={{ clear: 'both' }}>{children}</Box>
    </Paper>
  );
}
