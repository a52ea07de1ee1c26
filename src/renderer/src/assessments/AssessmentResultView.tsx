import { Alert, Badge, Blockquote, Group, List, Paper, SimpleGrid, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import type { AssessmentResult } from '../../../shared/assessment/assessment-result';
import type { ReadinessStatus } from '../../../shared/framework/contract-readiness';
import type { ArchetypeKey } from '../../../shared/framework/keys';
import type { OpenQuestion } from '../../../shared/framework/open-question';
import { formatQuarter } from '../dates';
import { HYBRID_STRUCTURE_LABELS, ORIENTATION_COLORS, ORIENTATION_LABELS, ARCHETYPE_LABELS } from '../framework-labels';
import { REVENUE_MODEL_LABELS } from '../labels';
import { SectionCard } from '../ui/SectionCard';
import { EngagementGateList } from './EngagementGateList';

const ROLE_LABELS = { primary: 'Primary', component: 'Component', read_also: 'Also read', candidate: 'Candidate' } as const;
const PRIORITY_LABELS: Record<OpenQuestion['priority'], string> = { first_conversation: 'First conversation', high: 'High', normal: 'Normal' };
const PRIORITY_COLORS: Record<OpenQuestion['priority'], string> = { first_conversation: 'red', high: 'orange', normal: 'gray' };
const PRIORITY_ORDER: OpenQuestion['priority'][] = ['first_conversation', 'high', 'normal'];
const READINESS_COLORS: Record<ReadinessStatus, string> = { present: 'teal', vague: 'yellow', missing: 'red' };
const READINESS_LABELS: Record<ReadinessStatus, string> = { present: 'Present', vague: 'Vague', missing: 'Missing' };
/** A badge whose label may be a phrase ("Claims-validated savings against a match"): it wraps instead of being cut short. */
const WRAPPING_BADGE = { label: { whiteSpace: 'normal', overflow: 'visible' }, root: { paddingBlock: 2 } } as const;

interface AssessmentResultViewProps {
  result: AssessmentResult;
  /** Stream id → the CSM's note where they overrode the framework's orientation. */
  orientationNotes: Record<string, string>;
  /** Heading level of the sections: 3 on a tab, 4 inside the wizard's step. */
  order?: 3 | 4;
}

/** One quarter's assessment as the CSM reads it: models, orientation, gates, value map, gaps, readiness, questions, changes. */
export function AssessmentResultView({ result, orientationNotes, order = 3 }: AssessmentResultViewProps) {
  const { identification, valueMap } = result;
  const streamLabel = (id: string) => identification.streams.find((stream) => stream.id === id)?.label ?? 'Stream';
  const gaps = valueMap?.entries.flatMap((entry) => entry.evidenceGaps.map((gap) => ({ entry, gap }))) ?? [];
  const questions = [...result.openQuestions].sort((a, b) => PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority));

  return (
    <Stack gap="md" data-testid="assessment-result">
      <SectionCard order={order} title="Revenue model" testId="result-models">
        <Group gap="xs">
          {identification.primaryModel ? (
            <Badge size="lg" radius="sm" data-testid="result-primary-model">
              {REVENUE_MODEL_LABELS[identification.primaryModel]}
            </Badge>
          ) : (
            <Badge size="lg" radius="sm" color="gray">
              Not identified yet
            </Badge>
          )}
          {identification.isHybrid && identification.hybridStructure && (
            <Text size="sm" c="dimmed">
              {HYBRID_STRUCTURE_LABELS[identification.hybridStructure]}
            </Text>
          )}
        </Group>
        <Stack gap="sm">
          {identification.rankedModels.map((ranked) => (
            <Group key={`${ranked.model}-${ranked.role}`} gap="sm" align="flex-start" wrap="nowrap">
              <Badge variant="light" radius="sm" color={ranked.role === 'primary' ? 'indigo' : 'gray'} style={{ flexShrink: 0 }} w={110}>
                {ROLE_LABELS[ranked.role]}
              </Badge>
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {REVENUE_MODEL_LABELS[ranked.model]}
                  {ranked.weight > 0 && ranked.role === 'component' ? ` · ${Math.round(ranked.weight * 100)}% of revenue` : ''}
                </Text>
                {ranked.reasons.map((why, index) => (
                  <Text key={`${why.code}-${index}`} size="sm" c="dimmed">
                    {why.text}
                  </Text>
                ))}
              </Stack>
            </Group>
          ))}
        </Stack>
      </SectionCard>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <SectionCard order={order} title="Orientation per stream" description="How the buyer experiences each stream, next to what the framework expects." testId="result-orientation">
          <Stack gap="sm">
            {identification.streams.map((stream) => (
              <Stack key={stream.id} gap={4} data-testid="result-stream-orientation" data-stream-id={stream.id}>
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {stream.label ?? stream.id}
                  </Text>
                  <Badge color={ORIENTATION_COLORS[stream.statedOrientation]} variant="light" radius="sm">
                    {ORIENTATION_LABELS[stream.statedOrientation]}
                  </Badge>
                </Group>
                {stream.statedOrientation !== stream.expectedOrientation && stream.expectedOrientation !== 'unknown' && (
                  <Text size="xs" c="dimmed">
                    The framework would expect: {ORIENTATION_LABELS[stream.expectedOrientation].toLowerCase()}.
                  </Text>
                )}
                {orientationNotes[stream.id] && (
                  <Text size="xs">
                    <Text span fw={600} inherit>
                      Your note:{' '}
                    </Text>
                    {orientationNotes[stream.id]}
                  </Text>
                )}
              </Stack>
            ))}
            {identification.streams.length === 0 && (
              <Text size="sm" c="dimmed">
                No revenue streams were answered.
              </Text>
            )}
          </Stack>
        </SectionCard>

        <SectionCard order={order} title="Engagement gates" description="What must happen at the end of the chain before anyone sees value." testId="result-gates">
          <Stack gap="sm">
            <EngagementGateList gates={identification.engagementGates} empty="Not known until you say who must change behaviour." />
          </Stack>
        </SectionCard>
      </SimpleGrid>

      <SectionCard order={order} title="Value map" description="What each person cares about, what to show them and the proof they believe." testId="result-value-map">
        {!valueMap ? (
          <Text size="sm" c="dimmed">
            The value map needs every stream's model; answer how each stream is paid.
          </Text>
        ) : valueMap.entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody is on the stakeholder map yet. Add the people on this account on the Stakeholders tab to see what each of them needs.
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {valueMap.entries.map((entry) => (
              <Paper key={entry.stakeholderId} withBorder p="md" data-testid="value-map-entry" aria-label={entry.personName} component="article">
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Stack gap={0}>
                      <Text fw={600}>{entry.personName}</Text>
                      <Text size="xs" c="dimmed">
                        {entry.archetypeName}
                      </Text>
                    </Stack>
                    <Badge color={ORIENTATION_COLORS[entry.orientation]} variant="light" radius="sm" style={{ flexShrink: 0 }}>
                      {ORIENTATION_LABELS[entry.orientation]}
                    </Badge>
                  </Group>
                  <Labelled label="Cares about" items={entry.caresAbout} />
                  <Labelled label="Show them" items={entry.kpisToShow} />
                  <Group gap={6}>
                    <Text size="xs" fw={600} c="dimmed">
                      Believes:
                    </Text>
                    {entry.believableProof.map((proof) => (
                      <Badge key={proof.kind} size="sm" color="grape" variant="light" radius="sm" maw="100%" h="auto" styles={WRAPPING_BADGE}>
                        {proof.label}
                      </Badge>
                    ))}
                  </Group>
                  <Text size="xs" c={entry.evidenceGaps.length > 0 ? 'orange.8' : 'teal.8'}>
                    {entry.evidenceGaps.length === 0
                      ? 'The data you have can show them what they believe.'
                      : `${entry.evidenceGaps.length} evidence ${entry.evidenceGaps.length === 1 ? 'gap' : 'gaps'} (below).`}
                  </Text>
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        )}
        {valueMap && valueMap.unfilledArchetypes.length > 0 && (
          <Alert color="yellow" variant="light" title="Roles nobody fills yet" data-testid="unfilled-archetypes">
            <List size="sm" spacing={2}>
              {valueMap.unfilledArchetypes.map((missing) => (
                <List.Item key={missing.archetype}>
                  <Text span fw={600} inherit>
                    {ARCHETYPE_LABELS[missing.archetype]}
                  </Text>
                  {' '}({whyRoleIsNeeded(missing.archetype, missing.reason)})
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </SectionCard>

      <SectionCard order={order} title="Evidence gaps" description="Proof a stakeholder would believe that the recorded data cannot supply yet. Name the gap; don't stretch weaker data." testId="result-evidence-gaps">
        {gaps.length === 0 ? (
          <Text size="sm" c="dimmed">
            {valueMap && valueMap.entries.length > 0 ? 'No gaps: every mapped stakeholder can be shown proof they believe.' : 'Gaps are worked out per mapped stakeholder.'}
          </Text>
        ) : (
          <Stack gap="sm">
            {gaps.map(({ entry, gap }, index) => (
              <Paper key={index} withBorder p="sm" data-testid="evidence-gap">
                <Stack gap={4}>
                  <Text size="sm" fw={600}>
                    {entry.personName}: {gap.need}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {streamLabel(gap.streamId)} · How to close it: {gap.howToClose}
                  </Text>
                  <Blockquote p={6} pl="sm" color="gray" style={{ fontSize: 'var(--mantine-font-size-xs)' }}>
                    Say in the room: “{gap.honestStatement}”
                  </Blockquote>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </SectionCard>

      {result.contractReadiness.length > 0 && (
        <SectionCard order={order} title="Contract readiness" description="Each outcomes clause that, left vague, turns into an argument at settlement." testId="result-readiness">
          {result.contractReadiness.map(({ streamId, streamName, readiness }) => (
            <Stack key={streamId} gap="xs">
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {streamName}
                </Text>
                <Badge color={readiness.ready ? 'teal' : 'orange'} variant="light" radius="sm">
                  {readiness.ready ? 'Ready' : `${readiness.counts.missing} missing · ${readiness.counts.vague} vague`}
                </Badge>
              </Group>
              <Table verticalSpacing={6} aria-label={`Contract readiness of ${streamName}`}>
                <Table.Tbody>
                  {readiness.items.map((item) => (
                    <Table.Tr key={item.key}>
                      <Table.Td w={220}>
                        <Text size="sm">{item.label}</Text>
                      </Table.Td>
                      <Table.Td w={90}>
                        <Badge color={READINESS_COLORS[item.status]} variant="light" radius="sm" miw="max-content">
                          {READINESS_LABELS[item.status]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{item.explanation}</Text>
                        {item.concerns.map((concern) => (
                          <Text key={concern} size="xs" c="orange.8">
                            {concern}
                          </Text>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {readiness.targetFlags.map((flag) => (
                <Alert key={flag.metric} color="red" variant="light" title={`Target looks unrealistic: ${flag.metric}`}>
                  {flag.message}
                </Alert>
              ))}
            </Stack>
          ))}
        </SectionCard>
      )}

      {result.hybridPhases.length > 0 && (
        <SectionCard order={order} title="Contract phase" testId="result-hybrid-phases">
          {result.hybridPhases.map((phase) => (
            <Stack key={phase.streamId} gap={4}>
              <Text size="sm" fw={600}>
                {phase.streamName}: {phase.phase.csMode === 'activation_critical' ? 'activation-critical' : 'retention-critical'} ({phase.activatedUsers.toLocaleString()} activated users)
              </Text>
              <Text size="xs" c="dimmed">
                Optimise for: {phase.phase.optimiseFor.join('; ')}.
              </Text>
            </Stack>
          ))}
        </SectionCard>
      )}

      {identification.findings.length > 0 && (
        <SectionCard order={order} title="Findings" testId="result-findings">
          <List size="sm" spacing={4}>
            {identification.findings.map((finding, index) => (
              <List.Item key={`${finding.code}-${index}`}>{finding.text}</List.Item>
            ))}
          </List>
        </SectionCard>
      )}

      <SectionCard order={order} title="Open questions" description="What to ask the customer next, most important first." testId="result-open-questions">
        {questions.length === 0 ? (
          <Text size="sm" c="dimmed">
            No open questions.
          </Text>
        ) : (
          <Stack gap="sm">
            {questions.map((question) => (
              <Group key={question.key + (question.streamId ?? '')} gap="sm" align="flex-start" wrap="nowrap" data-testid="open-question" data-question-key={question.key}>
                <Badge color={PRIORITY_COLORS[question.priority]} variant="light" radius="sm" w={140} style={{ flexShrink: 0 }}>
                  {PRIORITY_LABELS[question.priority]}
                </Badge>
                <Stack gap={2}>
                  <Text size="sm" fw={500}>
                    {question.question}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {question.why}
                  </Text>
                </Stack>
              </Group>
            ))}
          </Stack>
        )}
      </SectionCard>

      <SectionCard
        order={order}
        title="Changes since last quarter"
        description={result.previousQuarter ? `Compared with ${formatQuarter(result.previousQuarter)}.` : undefined}
        testId="result-changes"
      >
        {result.changesSinceLast === null ? (
          <Text size="sm" c="dimmed">
            This is the first saved assessment for this account; next quarter's will be compared with it.
          </Text>
        ) : result.changesSinceLast.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing changed since {result.previousQuarter ? formatQuarter(result.previousQuarter) : 'the last quarter'}.
          </Text>
        ) : (
          <List size="sm" spacing={4} icon={<ThemeIcon size={8} radius="xl" color="indigo" />}>
            {result.changesSinceLast.map((change) => (
              <List.Item key={change.key}>{change.description}</List.Item>
            ))}
          </List>
        )}
      </SectionCard>
    </Stack>
  );
}

/** The engine says "No one … is mapped as <role> (<why>)."; the role is already shown, so keep the why. */
function whyRoleIsNeeded(key: ArchetypeKey, reason: string): string {
  const prefix = `No one in the account is mapped as ${ARCHETYPE_LABELS[key].toLowerCase()} (`;
  return reason.startsWith(prefix) ? reason.slice(prefix.length).replace(/\)\.?$/, '') : reason;
}

function Labelled({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <Text size="xs">
      <Text span fw={600} c="dimmed" inherit>
        {label}:{' '}
      </Text>
      {items.join('; ')}
    </Text>
  );
}
