import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import { useAppStore } from '../app/app-store';
import { currentQuarter, formatQuarter } from '../dates';
import { formatTimestamp } from '../format';
import { REVENUE_MODEL_LABELS } from '../labels';
import { EmptyState } from '../ui/EmptyState';
import { AssessmentResultView } from './AssessmentResultView';
import { useAssessmentsStore } from './assessments-store';

/** The account's assessments by quarter; open one to read it, or continue this quarter's in the wizard. */
export function AssessmentsTab({ account }: { account: AccountSummary }) {
  const { history, status, error, openQuarter, openRecord, openStatus, open } = useAssessmentsStore();
  const navigate = useAppStore((state) => state.navigate);
  const thisQuarter = currentQuarter();
  const startWizard = (quarter: string) => navigate({ name: 'wizard', accountId: account.id, quarter });
  const hasThisQuarter = history.some((entry) => entry.quarter === thisQuarter);

  if (status === 'error') {
    return (
      <Alert color="red" variant="light" title="Couldn't load the assessments">
        {error}
      </Alert>
    );
  }
  if (status === 'ready' && history.length === 0) {
    return (
      <EmptyState
        title="No assessments yet"
        testId="assessments-empty"
        actions={<Button onClick={() => startWizard(thisQuarter)}>Start the {formatQuarter(thisQuarter)} assessment</Button>}
      >
        The assessment walks you through the framework's questions for this account (how you're paid, who must change behaviour, the
        buyer's payment environment) and saves the quarter's value map, evidence gaps and open questions.
      </EmptyState>
    );
  }

  if (openQuarter) {
    return (
      <Stack gap="md">
        <Group justify="space-between">
          <Anchor component="button" size="sm" onClick={() => void open(null)}>
            ← All assessments
          </Anchor>
          <Button variant="default" onClick={() => startWizard(openQuarter)}>
            {openRecord?.status === 'draft' ? 'Continue in the wizard' : 'Revise in the wizard'}
          </Button>
        </Group>
        <Group gap="sm">
          <Title order={3}>{formatQuarter(openQuarter)} assessment</Title>
          {openRecord && <StatusBadge status={openRecord.status} />}
        </Group>
        {openStatus === 'loading' && <Loader aria-label="Loading the assessment" />}
        {openStatus === 'error' && (
          <Alert color="red" variant="light" title="Couldn't open this assessment">
            It may have been removed. Go back to the list and try again.
          </Alert>
        )}
        {openStatus === 'ready' && openRecord && !openRecord.result && (
          <Alert color="blue" variant="light" title="Draft in progress">
            This quarter's answers are saved as a draft; nothing has been computed yet. Continue in the wizard and save it as the quarter's
            assessment.
          </Alert>
        )}
        {openStatus === 'ready' && openRecord?.status === 'draft' && openRecord.result && (
          <Alert color="blue" variant="light" title="Being revised">
            The answers are being revised as a draft; below is the result last saved for this quarter.
          </Alert>
        )}
        {openStatus === 'ready' && openRecord?.result && <AssessmentResultView result={openRecord.result} orientationNotes={openRecord.orientationNotes} />}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          One assessment per quarter; each saved one is compared with the quarter before it.
        </Text>
        <Button onClick={() => startWizard(thisQuarter)}>{hasThisQuarter ? `Open the ${formatQuarter(thisQuarter)} assessment` : `Start the ${formatQuarter(thisQuarter)} assessment`}</Button>
      </Group>
      <Paper withBorder>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Assessment history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Quarter</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Model</Table.Th>
              <Table.Th>Open questions</Table.Th>
              <Table.Th>Last changed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.map((entry) => (
              <Table.Tr key={entry.id} data-testid="assessment-row">
                <Table.Td>
                  <UnstyledButton onClick={() => void open(entry.quarter)} aria-label={`Open the ${formatQuarter(entry.quarter)} assessment`}>
                    <Text size="sm" fw={600} c="indigo.7">
                      {formatQuarter(entry.quarter)}
                    </Text>
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={entry.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{entry.primaryModel ? REVENUE_MODEL_LABELS[entry.primaryModel] : 'Not computed yet'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{entry.primaryModel ? entry.openQuestionCount : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatTimestamp(entry.updatedAt)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

export function StatusBadge({ status }: { status: 'draft' | 'final' }) {
  return (
    <Badge variant="light" radius="sm" color={status === 'final' ? 'teal' : 'blue'}>
      {status === 'final' ? 'Saved' : 'Draft'}
    </Badge>
  );
}
