import { Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { notifyError, notifySuccess } from '../notify';

/** No accounts at all: say how to get some. */
export function NoAccountsYet({ onCreate, onLoaded }: { onCreate(): void; onLoaded(): void }) {
  const [loadingDemo, setLoadingDemo] = useState(false);

  async function loadDemo() {
    setLoadingDemo(true);
    try {
      const result = await api.call('demo.load', {});
      notifySuccess('Demo portfolio loaded', `${result.accountsCreated} fictional accounts are ready to explore.`);
      onLoaded();
    } catch (error) {
      notifyError("Couldn't load the demo portfolio", error);
    } finally {
      setLoadingDemo(false);
    }
  }

  return (
    <EmptyFrame title="No accounts yet" testId="portfolio-empty">
      <Text c="dimmed" ta="center" maw={460}>
        Add the accounts you manage to start modelling their revenue and preparing QBRs. Or load the demo portfolio to see how a
        full workspace looks.
      </Text>
      <Group gap="sm">
        <Button onClick={onCreate}>Create account</Button>
        <Button variant="default" onClick={() => void loadDemo()} loading={loadingDemo}>
          Load demo portfolio
        </Button>
      </Group>
    </EmptyFrame>
  );
}

/** Accounts exist, but none match the search. */
export function NoSearchMatches({ search, onClear }: { search: string; onClear(): void }) {
  return (
    <EmptyFrame title="No matching accounts" testId="portfolio-no-matches">
      <Text c="dimmed" ta="center" maw={460} style={{ overflowWrap: 'anywhere' }}>
        No account name or note contains “{search}”. Check the spelling or clear the search to see every account.
      </Text>
      <Button variant="default" onClick={onClear}>
        Clear search
      </Button>
    </EmptyFrame>
  );
}

/** Accounts exist, but the filters leave none. */
export function NoFilterMatches({ onClear }: { onClear(): void }) {
  return (
    <EmptyFrame title="No account passes these filters" testId="portfolio-no-filter-matches">
      <Text c="dimmed" ta="center" maw={460}>
        Loosen a filter, or clear them to see every account.
      </Text>
      <Button variant="default" onClick={onClear}>
        Clear filters
      </Button>
    </EmptyFrame>
  );
}

function EmptyFrame({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Paper withBorder data-testid={testId}>
      <Center py={72} px="xl">
        <Stack align="center" gap="md">
          <Title order={3}>{title}</Title>
          {children}
        </Stack>
      </Center>
    </Paper>
  );
}
