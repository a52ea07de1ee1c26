import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionCardProps {
  title: string;
  /** One line under the title saying what the section is for. */
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  /** Heading level; 3 inside a screen, 4 inside a step. */
  order?: 3 | 4;
  testId?: string;
}

/** A bordered section with a heading, the building block of the workspace tabs and wizard result. */
export function SectionCard({ title, description, actions, children, order = 3, testId }: SectionCardProps) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={title} data-testid={testId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={order} size="h5">
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </Stack>
          {actions}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
