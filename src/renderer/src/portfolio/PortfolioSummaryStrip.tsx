import { Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatUsd } from '../format';
import type { PortfolioSummary } from './portfolio-summary';
import { RENEWAL_WINDOW_DAYS } from './renewal-window';

interface PortfolioSummaryStripProps {
  summary: PortfolioSummary;
  /** True when filters or a search narrow the list: the figures are for the accounts shown. */
  narrowed: boolean;
  onShowRenewals(): void;
  onShowAtRisk(): void;
}

/**
 * The book at a glance, for the accounts on screen: how many, the yearly contract value the terms
 * fix, renewals coming up and accounts at risk (the last two open the matching view).
 */
export function PortfolioSummaryStrip({ summary, narrowed, onShowRenewals, onShowAtRisk }: PortfolioSummaryStripProps) {
  const valueDetail =
    summary.contractValueUsd === null ? 'not in the contract terms yet' : `${summary.contractValueAccounts} of ${countOrWait(summary.accounts)} accounts`;
  return (
    <SimpleGrid component="section" aria-label="Portfolio summary" cols={summary.openCommitments === null ? 4 : 5} spacing="sm" data-testid="portfolio-summary">
      <Stat label={narrowed ? 'Accounts shown' : 'Accounts'} value={countOrWait(summary.accounts)} testId="summary-accounts" />
      <Stat
        label="Contract value / year"
        value={formatUsd(summary.contractValueUsd)}
        detail={valueDetail}
        testId="summary-contract-value"
      />
      <Stat label={`Renewing in ${RENEWAL_WINDOW_DAYS} days`} value={countOrWait(summary.renewalsSoon)} onClick={onShowRenewals} testId="summary-renewals" />
      <Stat label="At risk" value={countOrWait(summary.atRisk)} onClick={onShowAtRisk} testId="summary-at-risk" />
      <OpenCommitmentsStat count={summary.openCommitments} overdue={summary.overdueCommitments} />
    </SimpleGrid>
  );
}

/** A count, or an ellipsis while what it counts is still on its way. */
function countOrWait(count: number | null): string {
  return count === null ? '…' : count.toLocaleString();
}

/**
 * Open commitments in the ledger and how many are overdue; while the facts are loading `count` is
 * null and nothing is shown, rather than a made-up zero.
 */
function OpenCommitmentsStat({ count, overdue }: { count: number | null; overdue: number | null }): ReactNode {
  if (count === null) return null;
  return <Stat label="Open commitments" value={count.toLocaleString()} detail={overdue ? `${overdue.toLocaleString()} overdue` : 'none overdue'} testId="summary-commitments" />;
}

interface StatProps {
  label: string;
  value: string;
  detail?: string;
  testId: string;
  /** Makes the figure a button that shows the accounts behind it. */
  onClick?: () => void;
}

function Stat({ label, value, detail, testId, onClick }: StatProps) {
  const body = (
    <>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }} data-whole-label>
        {label}
      </Text>
      <Text fz={22} fw={700} lh={1.2} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed" truncate title={detail}>
          {detail}
        </Text>
      )}
    </>
  );
  return (
    <Paper withBorder px="md" py={8} data-testid={testId} style={{ minWidth: 0 }}>
      {onClick ? (
        <UnstyledButton onClick={onClick} w="100%" aria-label={`${label}: ${value}. Show these accounts`} className="summary-stat-button">
          {body}
        </UnstyledButton>
      ) : (
        body
      )}
    </Paper>
  );
}
