import { Anchor, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import { useAccountFormStore } from '../account-form/account-form-store';
import { useAppStore } from '../app/app-store';
import { currentQuarter, formatQuarter, todayIsoDate } from '../dates';
import { formatCalendarDate } from '../format';
import { BUYER_TYPE_LABELS, CUSTOMER_SEGMENT_LABELS } from '../labels';
import { accountTimeline, renewalPhrase } from './account-timeline';
import { confirmDeleteAccount } from './confirm-delete-account';
import { ScreenTitle } from '../ui/ScreenTitle';
import { AccountOwner } from '../team/AccountOwner';

/** Name, segment, renewal countdown and journey phase, with the account's actions. */
export function AccountHeader({ account }: { account: AccountSummary }) {
  const navigate = useAppStore((state) => state.navigate);
  const backToPortfolio = () => navigate({ name: 'portfolio' });
  const { daysToRenewal, journey } = accountTimeline(account, todayIsoDate());
  const quarter = currentQuarter();

  return (
    <Stack gap={6}>
      <Anchor component="button" size="sm" onClick={backToPortfolio} w="fit-content">
        ← Portfolio
      </Anchor>
      <Group justify="space-between" wrap="nowrap" gap="lg" align="flex-start">
        <ScreenTitle lineClamp={2} title={account.name} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {account.name}
        </ScreenTitle>
        <Group gap="sm" wrap="nowrap">
          <Button onClick={() => navigate({ name: 'wizard', accountId: account.id, quarter })}>Assess {formatQuarter(quarter)}</Button>
          <Button variant="default" onClick={() => useAccountFormStore.getState().openEdit(account)}>
            Edit
          </Button>
          <Button variant="light" color="red" onClick={() => confirmDeleteAccount(account, backToPortfolio)}>
            Delete
          </Button>
        </Group>
      </Group>
      <Group gap="md" data-testid="account-header-facts">
        <AccountOwner account={account} />
        <Text size="sm">
          {CUSTOMER_SEGMENT_LABELS[account.customerSegment]}
          <Text span c="dimmed" inherit>
            {' · buyer: '}
            {BUYER_TYPE_LABELS[account.buyerType]}
          </Text>
        </Text>
        <Text size="sm" data-testid="account-renewal">
          <Text span c="dimmed" inherit>
            Renewal{' '}
          </Text>
          {account.renewalDate ? (
            <>
              {formatCalendarDate(account.renewalDate)}{' '}
              <Badge variant="light" radius="sm" color={daysToRenewal !== null && daysToRenewal <= 90 ? 'orange' : 'gray'}>
                {renewalPhrase(daysToRenewal!)}
              </Badge>
            </>
          ) : (
            'unknown'
          )}
        </Text>
        <Text size="sm" data-testid="account-journey">
          <Text span c="dimmed" inherit>
            Journey{' '}
          </Text>
          {journey ? (
            <Tooltip label={journey.phase.objective} withArrow>
              <Badge variant="light" radius="sm" color="indigo" tabIndex={0}>
                {journey.phase.name} · day {journey.daysSinceStart.toLocaleString()}
              </Badge>
            </Tooltip>
          ) : (
            'unknown (no contract start date)'
          )}
        </Text>
      </Group>
    </Stack>
  );
}
