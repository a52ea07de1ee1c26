import { Alert, Anchor, Badge, Button, Center, Group, Loader, Paper, SimpleGrid, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useAccountFormStore } from '../account-form/account-form-store';
import { useAppStore } from '../app/app-store';
import { formatCalendarDate, formatTimestamp } from '../format';
import { BUYER_TYPE_LABELS, CUSTOMER_SEGMENT_LABELS, REVENUE_MODEL_LABELS } from '../labels';
import { useAccountStore } from './account-store';
import { confirmDeleteAccount } from './confirm-delete-account';

/** A summary of one account with Edit and Delete; the full account workspace grows from here. */
export function AccountScreen({ accountId }: { accountId: string }) {
  const { account, revenueModels, status, error } = useAccountStore();
  const navigate = useAppStore((state) => state.navigate);
  const backToPortfolio = () => navigate({ name: 'portfolio' });

  useEffect(() => {
    void useAccountStore.getState().load(accountId);
  }, [accountId]);

  if (status === 'loading' || status === 'idle') {
    return (
      <Center h="100%">
        <Loader aria-label="Loading account" />
      </Center>
    );
  }
  if (!account || status === 'not_found' || status === 'error') {
    return (
      <Stack maw={640} gap="md">
        <Alert color={status === 'not_found' ? 'yellow' : 'red'} variant="light" title={status === 'not_found' ? 'Account not found' : "Couldn't open this account"}>
          {error}
        </Alert>
        <Button variant="default" w="fit-content" onClick={backToPortfolio}>
          Back to portfolio
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="lg" maw={960} h="100%" style={{ overflowY: 'auto' }}>
      <Stack gap={4}>
        <Anchor component="button" size="sm" onClick={backToPortfolio} w="fit-content">
          ← Portfolio
        </Anchor>
        <Group justify="space-between" wrap="nowrap" gap="lg" align="flex-start">
          <Title order={2} lineClamp={2} title={account.name} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {account.name}
          </Title>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={() => useAccountFormStore.getState().openEdit(account)}>
              Edit
            </Button>
            <Button variant="light" color="red" onClick={() => confirmDeleteAccount(account, backToPortfolio)}>
              Delete
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          Added {formatTimestamp(account.createdAt)} · last updated {formatTimestamp(account.updatedAt)}
        </Text>
      </Stack>

      <Paper withBorder p="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing="lg">
          <Fact label="Customer segment">{CUSTOMER_SEGMENT_LABELS[account.customerSegment]}</Fact>
          <Fact label="Buyer type">{BUYER_TYPE_LABELS[account.buyerType]}</Fact>
          <Fact label="Revenue models">
            {revenueModels.length > 0 ? (
              <Group gap={6}>
                {revenueModels.map((model) => (
                  <Badge key={model} variant="light" radius="sm">
                    {REVENUE_MODEL_LABELS[model]}
                  </Badge>
                ))}
              </Group>
            ) : (
              <Text c="dimmed" size="sm">
                No revenue streams recorded yet
              </Text>
            )}
          </Fact>
          <Fact label="Renewal date">{formatCalendarDate(account.renewalDate)}</Fact>
          <Fact label="Contract start">{formatCalendarDate(account.contractStartDate)}</Fact>
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="lg">
        <Stack gap="xs">
          <Title order={3} size="h5">
            Notes
          </Title>
          {account.notes ? (
            <Spoiler maxHeight={160} showLabel="Show all" hideLabel="Show less">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="account-notes">
                {account.notes}
              </Text>
            </Spoiler>
          ) : (
            <Text size="sm" c="dimmed">
              No notes yet. Use Edit to add context for your next QBR.
            </Text>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      {typeof children === 'string' ? <Text size="sm">{children}</Text> : children}
    </Stack>
  );
}
