import { Alert, Badge, Button, Group, SimpleGrid, Spoiler, Stack, Text } from '@mantine/core';
import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import type { RevenueStream } from '../../../shared/api/schemas/stream-schemas';
import { orientationFor, type StatedStreams } from '../../../shared/framework/orient';
import { StatusBadge } from '../assessments/AssessmentsTab';
import { useAssessmentsStore } from '../assessments/assessments-store';
import { useAppStore } from '../app/app-store';
import { formatMonth } from '../metrics/metric-format';
import { useMetricsStore } from '../metrics/metrics-store';
import { currentQuarter, formatQuarter, todayIsoDate } from '../dates';
import { formatCalendarDate } from '../format';
import { ORIENTATION_COLORS, ORIENTATION_LABELS, PAYMENT_ENVIRONMENT_LABELS } from '../framework-labels';
import { REVENUE_MODEL_LABELS } from '../labels';
import { engagementStatus, flagText, keyRoles } from '../stakeholders/engagement-flag';
import { useStakeholdersStore } from '../stakeholders/stakeholders-store';
import { useStreamsStore } from '../streams/streams-store';
import { SetupChecklistCard } from '../setup-checklist/SetupChecklistCard';
import { SectionCard } from '../ui/SectionCard';
import { accountTimeline, renewalPhrase } from './account-timeline';
import { HealthSummary } from './HealthSummary';
import { useAccountStore } from './account-store';
import { CommitmentsCard } from '../commitments/CommitmentsCard';

/** The account at a glance: model and orientation per stream, environment, renewal, latest assessment, people and health. */
export function OverviewTab({ account }: { account: AccountSummary }) {
  const streams = useStreamsStore((state) => state.streams);
  const stakeholders = useStakeholdersStore((state) => state.stakeholders);
  const latestFinal = useAssessmentsStore((state) => state.latestFinal);
  const history = useAssessmentsStore((state) => state.history);
  const { insights, status: metricsStatus } = useMetricsStore();
  const navigate = useAppStore((state) => state.navigate);
  const showTab = useAccountStore((state) => state.showTab);
  const today = todayIsoDate();
  const quarter = currentQuarter(today);
  const { daysToRenewal, journey } = accountTimeline(account, today);

  const assessedStreams = new Map((latestFinal?.result?.identification.streams ?? []).map((stream) => [stream.id, stream]));
  const environments = [...new Set([...streams.map((stream) => stream.paymentEnvironment).filter((env) => env !== null), ...(latestFinal?.answers.paymentEnvironments ?? [])])];
  const keyPeople = stakeholders.filter((person) => person.isExecutiveSponsor || person.isBudgetHolder);
  const quiet = keyPeople.filter((person) => engagementStatus(person, today).flagged);
  const latest = history[0] ?? null;
  const latestResult = latestFinal?.result ?? null;

  return (
    <Stack gap="md">
      <SetupChecklistCard account={account} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <SectionCard title="Revenue model and orientation" testId="overview-streams" actions={<Button variant="subtle" size="xs" onClick={() => showTab('streams')}>Streams</Button>}>
          {streams.length === 0 ? (
            <Text size="sm" c="dimmed">
              No revenue streams yet. Add how you are paid on the Revenue streams tab; the orientation follows from the model and the buyer's payment environment.
            </Text>
          ) : (
            <Stack gap="sm">
              {latestResult?.identification.primaryModel && (
                <Group gap="xs">
                  <Text size="sm" c="dimmed">
                    Identified in {formatQuarter(latestFinal!.quarter)}:
                  </Text>
                  <Badge radius="sm">{REVENUE_MODEL_LABELS[latestResult.identification.primaryModel]}</Badge>
                </Group>
              )}
              {streams.map((stream) => (
                <StreamOrientation
                  key={stream.id}
                  stream={stream}
                  assessed={assessedStreams.has(stream.id)}
                  stated={latestResult?.assessment ?? null}
                  quarter={latestFinal?.quarter ?? null}
                  note={latestFinal?.orientationNotes[stream.id]}
                />
              ))}
            </Stack>
          )}
        </SectionCard>

        <SectionCard title="Renewal and environment" testId="overview-renewal">
          <Stack gap="xs">
            <Text size="sm">
              <Text span c="dimmed" inherit>
                Renewal:{' '}
              </Text>
              {account.renewalDate ? `${formatCalendarDate(account.renewalDate)} (${renewalPhrase(daysToRenewal!)})` : 'Unknown. Add it with Edit so renewal warnings can fire in time.'}
            </Text>
            <Text size="sm">
              <Text span c="dimmed" inherit>
                Journey:{' '}
              </Text>
              {journey ? `${journey.phase.name}, day ${journey.daysSinceStart.toLocaleString()}. ${journey.phase.objective}` : 'Unknown without a contract start date.'}
            </Text>
            <Group gap={6}>
              <Text size="sm" c="dimmed">
                Buyer's payment environment:
              </Text>
              {environments.length > 0 ? (
                environments.map((env) => (
                  <Badge key={env} variant="outline" color="gray" radius="sm">
                    {PAYMENT_ENVIRONMENT_LABELS[env]}
                  </Badge>
                ))
              ) : (
                <Text size="sm">Unknown. Ask how the buyer is paid; it decides the value story.</Text>
              )}
            </Group>
          </Stack>
        </SectionCard>

        <SectionCard
          title="Latest assessment"
          testId="overview-assessment"
          actions={
            <Button size="xs" variant={latest?.quarter === quarter ? 'default' : 'filled'} onClick={() => navigate({ name: 'wizard', accountId: account.id, quarter })}>
              {history.some((entry) => entry.quarter === quarter) ? `Open ${formatQuarter(quarter)}` : `Start ${formatQuarter(quarter)}`}
            </Button>
          }
        >
          {!latest ? (
            <Text size="sm" c="dimmed">
              Not assessed yet. The assessment takes about ten minutes and produces the value map, evidence gaps and the questions to ask next.
            </Text>
          ) : (
            <Stack gap="xs">
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {formatQuarter(latest.quarter)}
                </Text>
                <StatusBadge status={latest.status} />
                {latest.primaryModel && <Badge radius="sm" variant="light">{REVENUE_MODEL_LABELS[latest.primaryModel]}</Badge>}
              </Group>
              {latestResult && (
                <>
                  <Text size="sm">
                    {latestResult.openQuestions.length === 0 ? 'No open questions.' : `${latestResult.openQuestions.length} open questions`}
                    {latestResult.openQuestions.length > 0 && ` · ask first: ${latestResult.openQuestions.find((q) => q.priority === 'first_conversation')?.question ?? latestResult.openQuestions[0]!.question}`}
                  </Text>
                  {latestResult.changesSinceLast && latestResult.changesSinceLast.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {latestResult.changesSinceLast.length} changes since {formatQuarter(latestResult.previousQuarter ?? '')}.
                    </Text>
                  )}
                </>
              )}
              <Button
                variant="subtle"
                size="xs"
                w="fit-content"
                onClick={() => {
                  void useAssessmentsStore.getState().open(latest.quarter);
                  showTab('assessments');
                }}
              >
                Read the {formatQuarter(latest.quarter)} assessment
              </Button>
            </Stack>
          )}
        </SectionCard>

        <SectionCard title="Executive sponsor and budget holder" testId="overview-people" actions={<Button variant="subtle" size="xs" onClick={() => showTab('stakeholders')}>Stakeholders</Button>}>
          {keyPeople.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nobody is marked as executive sponsor or budget holder. Mark who signs the renewal and who defends the budget on the Stakeholders tab.
            </Text>
          ) : (
            <Stack gap={6}>
              {quiet.length > 0 && (
                <Alert color="orange" variant="light" p="xs" data-testid="overview-sponsor-flag" title="Sponsor not engaged">
                  {quiet.map((person) => `${person.personName}: ${flagText(engagementStatus(person, today)).toLowerCase()}`).join('; ')}
                </Alert>
              )}
              {keyPeople
                .filter((person) => !quiet.includes(person))
                .map((person) => (
                  <Text key={person.id} size="sm">
                    {person.personName}{' '}
                    <Text span c="dimmed" inherit>
                      ({keyRoles(person).toLowerCase()}), last engaged {formatCalendarDate(person.lastEngagedOn)}
                    </Text>
                  </Text>
                ))}
            </Stack>
          )}
        </SectionCard>
      </SimpleGrid>

      <CommitmentsCard accountId={account.id} />

      <SectionCard title="Health and signals" testId="overview-health" actions={<Button variant="subtle" size="xs" onClick={() => showTab('metrics')}>Metrics</Button>}>
        {!account.latestMetricMonth ? (
          <Text size="sm" c="dimmed">
            No metrics recorded yet. Import monthly metrics (see the Metrics tab) to get a health score and early-warning signals.
          </Text>
        ) : insights ? (
          <HealthSummary insights={insights} />
        ) : (
          <Text size="sm" c="dimmed">
            {metricsStatus === 'loading' ? 'Computing…' : `Metrics recorded up to ${formatMonth(account.latestMetricMonth)}.`}
          </Text>
        )}
      </SectionCard>

      {account.notes && (
        <SectionCard title="Notes">
          <Spoiler maxHeight={120} showLabel="Show all" hideLabel="Show less">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="account-notes">
              {account.notes}
            </Text>
          </Spoiler>
        </SectionCard>
      )}
    </Stack>
  );
}

/** One stream's orientation: what the last assessment recorded, or the framework's suggestion until one is saved (the same rule the decks use). */
function StreamOrientation({ stream, assessed, stated, quarter, note }: { stream: RevenueStream; assessed: boolean; stated: StatedStreams | null; quarter: string | null; note?: string }) {
  const oriented = orientationFor(stream, null, stated);
  const orientation = oriented.orientation;
  const when = quarter ? formatQuarter(quarter) : 'the last assessment';
  let explanation: string;
  if (!assessed) explanation = `Not yet confirmed with the buyer. ${oriented.reason}`;
  else if (oriented.source !== 'stated') explanation = `Still an open question in ${when}: ask the buyer whether they see it as revenue or as savings.`;
  else {
    const expected = oriented.expected !== 'unknown' && oriented.expected !== orientation ? ` The framework would expect ${ORIENTATION_LABELS[oriented.expected].toLowerCase()}.` : '';
    explanation = `Recorded in ${when}.${expected}`;
  }
  return (
    <Stack gap={2} data-testid="overview-stream">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {stream.name}
        </Text>
        <Badge variant="light" radius="sm" color="gray">
          {REVENUE_MODEL_LABELS[stream.revenueModel]}
        </Badge>
        <Badge variant="light" radius="sm" color={ORIENTATION_COLORS[orientation]}>
          {ORIENTATION_LABELS[orientation]}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {explanation}
        {note ? ` Your note: ${note}` : ''}
      </Text>
    </Stack>
  );
}
