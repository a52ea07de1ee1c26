import { Badge, Button, Checkbox, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ContractTermHints, StreamAnswer } from '../../../../shared/framework/answers';
import type { RevenueStream } from '../../../../shared/api/schemas/stream-schemas';
import { HOW_PAID_GROUPS, PAYMENT_ENVIRONMENT_LABELS } from '../../framework-labels';
import { REVENUE_MODEL_LABELS } from '../../labels';
import { summarizeTerms } from '../../streams/stream-terms-summary';
import { useStreamsStore } from '../../streams/streams-store';
import { EmptyState } from '../../ui/EmptyState';
import { FieldsetCard } from '../../ui/FieldsetCard';
import { numberText, parseOptionalNumber } from '../../ui/optional-number';
import { OptionalNumberInput } from '../../ui/OptionalNumberInput';
import { howPaidOptionsFor } from '../wizard-prefill';
import { useWizardStore } from '../wizard-store';

/** Step 1: each way the company gets paid, from the account's streams, with how it pays and the terms that matter. */
export function StreamsStep() {
  const answers = useWizardStore((state) => state.answers);
  const streams = useStreamsStore((state) => state.streams);
  const { openCreate } = useStreamsStore.getState();

  if (streams.length === 0) {
    return (
      <EmptyState title="No revenue streams recorded" compact testId="wizard-no-streams" actions={<Button onClick={openCreate}>Add revenue stream</Button>}>
        Add each way your company is paid for this account: a CPT revenue share, a per-member fee, a license, an outcomes bonus. A contract with a
        base fee and a bonus is two streams.
      </EmptyState>
    );
  }
  return (
    <Stack gap="md">
      {answers.streams.map((answer) => {
        const stream = streams.find((candidate) => candidate.id === answer.id);
        return stream ? <StreamAnswerCard key={stream.id} stream={stream} answer={answer} /> : null;
      })}
      <Button variant="light" w="fit-content" onClick={openCreate}>
        Add another revenue stream
      </Button>
    </Stack>
  );
}

function StreamAnswerCard({ stream, answer }: { stream: RevenueStream; answer: StreamAnswer }) {
  const { updateStream } = useWizardStore.getState();
  const hints = answer.contractTerms ?? {};
  const setHint = <K extends keyof ContractTermHints>(key: K, value: ContractTermHints[K] | undefined) => {
    const next: ContractTermHints = { ...hints };
    if (value === undefined) delete next[key];
    else next[key] = value;
    updateStream(stream.id, { contractTerms: next });
  };
  const allowed = new Set(howPaidOptionsFor(stream.revenueModel));
  const howPaidData = HOW_PAID_GROUPS.map((group) => ({ group: group.group, items: group.items.filter((item) => allowed.has(item.value)) })).filter((group) => group.items.length > 0);
  const facts = summarizeTerms(stream.revenueModel, stream.terms).filter((fact) => fact.known);

  return (
    <FieldsetCard legend={stream.name} testId="wizard-stream">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="center">
          <Group gap={6}>
            <Badge variant="light" radius="sm">
              {REVENUE_MODEL_LABELS[stream.revenueModel]}
            </Badge>
            <Badge variant="outline" color="gray" radius="sm">
              {stream.paymentEnvironment ? PAYMENT_ENVIRONMENT_LABELS[stream.paymentEnvironment] : 'Environment unknown'}
            </Badge>
          </Group>
          <Button variant="default" size="xs" onClick={() => useStreamsStore.getState().openEdit(stream)} aria-label={`Edit contract terms of ${stream.name}`}>
            Edit contract terms
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {facts.length > 0 ? facts.map((fact) => `${fact.label}: ${fact.value}`).join(' · ') : 'No contract terms recorded yet. Use Edit contract terms to add the ones you know.'}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          <Select
            label="How are you paid?"
            data={howPaidData}
            value={answer.howPaid}
            onChange={(next) => updateStream(stream.id, { howPaid: (next ?? 'unknown') as StreamAnswer['howPaid'] })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <OptionalNumberInput
            label="Share of the contract's revenue"
            description="Leave empty to split evenly"
            suffix="%"
            max={100}
            allowDecimal={false}
            value={numberText(hints.revenueSharePct)}
            onChange={(text) => setHint('revenueSharePct', clampPercent(parseOptionalNumber(text)))}
          />
          <OptionalNumberInput
            label="Contract term"
            description={stream.startDate && stream.endDate ? 'From the stream dates' : 'In months'}
            suffix=" months"
            allowDecimal={false}
            value={numberText(hints.termMonths)}
            onChange={(text) => setHint('termMonths', positive(parseOptionalNumber(text)))}
          />
          {stream.revenueModel !== 'value_based' && (
            <OptionalNumberInput
              label="Share contingent on outcomes"
              suffix="%"
              max={100}
              allowDecimal={false}
              value={numberText(hints.outcomeContingentPct)}
              onChange={(text) => setHint('outcomeContingentPct', clampPercent(parseOptionalNumber(text)))}
            />
          )}
          <Stack gap="xs" justify="center" style={{ gridColumn: 'span 2' }}>
            {(stream.revenueModel === 'pmpm_pepm' || stream.revenueModel === 'hybrid') && (
              <Checkbox
                label="The buyer pays only for enrolled or engaged members"
                checked={hints.paysOnlyForEngaged === true}
                onChange={(event) => setHint('paysOnlyForEngaged', event.currentTarget.checked ? true : undefined)}
              />
            )}
            {(stream.revenueModel === 'value_based' || stream.revenueModel === 'hybrid') && (
              <Checkbox
                label="The performance payment is withheld until results are validated"
                checked={hints.performanceWithheldUntilValidated === true}
                onChange={(event) => setHint('performanceWithheldUntilValidated', event.currentTarget.checked ? true : undefined)}
              />
            )}
          </Stack>
        </SimpleGrid>
      </Stack>
    </FieldsetCard>
  );
}

function clampPercent(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.max(0, Math.min(100, value));
}

function positive(value: number | undefined): number | undefined {
  return value === undefined || value <= 0 ? undefined : Math.round(value);
}
