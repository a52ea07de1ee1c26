import { ActionIcon, Button, Collapse, Group, Paper, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { RevenueModelKey } from '../../../shared/framework/keys';
import { OptionalNumberInput } from '../ui/OptionalNumberInput';
import { DATA_FLOW_FREQUENCY_OPTIONS, TERM_SECTIONS, type TermField, type TermSection } from './stream-term-fields';
import type { DataFlowDraft, TargetDraft, TermsDraft } from './stream-terms-draft';

interface StreamTermsFieldsProps {
  model: RevenueModelKey;
  value: TermsDraft;
  onChange(next: TermsDraft): void;
  /** Errors keyed `terms.<dotted key>`. */
  errors: Record<string, string>;
}

/** The contract-term fields of one revenue model, rendered from the field table in stream-term-fields.ts. */
export function StreamTermsFields({ model, value, onChange, errors }: StreamTermsFieldsProps) {
  const setField = (key: string, text: string) => onChange({ ...value, fields: { ...value.fields, [key]: text } });
  return (
    <Stack gap="md">
      {TERM_SECTIONS[model].map((section) => (
        <TermSectionBlock key={section.title} section={section}>
          <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
            {section.fields.map((field) => (
              <TermInput key={field.key} field={field} text={value.fields[field.key] ?? ''} onChange={(text) => setField(field.key, text)} error={errors[`terms.${field.key}`]} />
            ))}
          </SimpleGrid>
          {section.withTargets && <TargetsEditor targets={value.targets} onChange={(targets) => onChange({ ...value, targets })} errors={errors} />}
          {section.withDataFlows && <DataFlowsEditor flows={value.dataFlows} onChange={(dataFlows) => onChange({ ...value, dataFlows })} />}
        </TermSectionBlock>
      ))}
    </Stack>
  );
}

function TermSectionBlock({ section, children }: { section: TermSection; children: React.ReactNode }) {
  const [open, setOpen] = useState(!section.collapsed);
  const headingId = `terms-${section.title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Paper withBorder p="md" bg="var(--mantine-color-gray-0)" component="fieldset" style={{ margin: 0, minWidth: 0 }} aria-labelledby={headingId}>
      <Stack gap="sm">
        {section.collapsed ? (
          <UnstyledButton onClick={() => setOpen(!open)} aria-expanded={open} id={headingId}>
            <Group gap={6}>
              <Text fw={600} size="sm">
                {open ? '▾' : '▸'} {section.title}
              </Text>
            </Group>
          </UnstyledButton>
        ) : (
          <Title order={4} size="h6" id={headingId}>
            {section.title}
          </Title>
        )}
        {section.description && (
          <Text size="xs" c="dimmed">
            {section.description}
          </Text>
        )}
        <Collapse in={open}>
          <Stack gap="sm">{children}</Stack>
        </Collapse>
      </Stack>
    </Paper>
  );
}

function TermInput({ field, text, onChange, error }: { field: TermField; text: string; onChange(text: string): void; error?: string }) {
  const common = { label: field.label, description: field.description, error };
  switch (field.kind) {
    case 'usd':
    case 'usd_cents':
      return <OptionalNumberInput {...common} value={text} onChange={onChange} prefix="$" decimalScale={2} />;
    case 'percent':
      return <OptionalNumberInput {...common} value={text} onChange={onChange} suffix="%" decimalScale={2} max={100} />;
    case 'count':
      return <OptionalNumberInput {...common} value={text} onChange={onChange} allowDecimal={false} />;
    case 'months':
      return <OptionalNumberInput {...common} value={text} onChange={onChange} allowDecimal={false} suffix=" months" />;
    case 'select':
      return <Select {...common} data={field.options ?? []} value={text || null} onChange={(next) => onChange(next ?? '')} placeholder="Not recorded" clearable comboboxProps={{ withinPortal: true }} />;
    case 'tristate':
      return (
        <Select
          {...common}
          data={[
            { value: 'yes', label: field.yesNo?.yes ?? 'Yes' },
            { value: 'no', label: field.yesNo?.no ?? 'No' },
          ]}
          value={text || null}
          onChange={(next) => onChange(next ?? '')}
          placeholder="Not recorded"
          clearable
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'date':
      return <TextInput {...common} type="date" value={text} onChange={(event) => onChange(event.currentTarget.value)} />;
    case 'text':
      return <TextInput {...common} value={text} maxLength={500} onChange={(event) => onChange(event.currentTarget.value)} placeholder="Not recorded" />;
    case 'textarea':
      return (
        <Textarea {...common} value={text} autosize minRows={2} maxRows={5} maxLength={2000} onChange={(event) => onChange(event.currentTarget.value)} placeholder="Not recorded" style={{ gridColumn: '1 / -1' }} />
      );
    case 'tags':
      return (
        <TagsInput
          {...common}
          value={text ? text.split('\n') : []}
          onChange={(items) => onChange(items.join('\n'))}
          placeholder="Not recorded"
          clearable
          style={{ gridColumn: '1 / -1' }}
        />
      );
  }
}

function TargetsEditor({ targets, onChange, errors }: { targets: TargetDraft[]; onChange(targets: TargetDraft[]): void; errors: Record<string, string> }) {
  const update = (index: number, patch: Partial<TargetDraft>) => onChange(targets.map((target, i) => (i === index ? { ...target, ...patch } : target)));
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" size="sm" fw={500}>
        Outcome targets
      </Text>
      {targets.length === 0 && (
        <Text size="xs" c="dimmed">
          No targets recorded. Add each contracted target with its benchmark so unrealistic ones are flagged.
        </Text>
      )}
      {targets.map((target, index) => (
        <Group key={index} gap="sm" align="flex-end" wrap="nowrap">
          <TextInput
            label="Metric"
            value={target.metric}
            maxLength={200}
            onChange={(event) => update(index, { metric: event.currentTarget.value })}
            error={errors[`terms.targets.${index}.metric`]}
            style={{ flex: 2 }}
          />
          <OptionalNumberInput label="Target" suffix="%" value={target.targetPct} onChange={(text) => update(index, { targetPct: text })} max={100} decimalScale={2} style={{ flex: 1 }} />
          <OptionalNumberInput label="Benchmark" suffix="%" value={target.benchmarkPct} onChange={(text) => update(index, { benchmarkPct: text })} max={100} decimalScale={2} style={{ flex: 1 }} />
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove target ${target.metric || index + 1}`} onClick={() => onChange(targets.filter((_, i) => i !== index))}>
            ✕
          </ActionIcon>
        </Group>
      ))}
      <Button variant="light" size="xs" w="fit-content" onClick={() => onChange([...targets, { metric: '', targetPct: '', benchmarkPct: '' }])}>
        Add target
      </Button>
    </Stack>
  );
}

function DataFlowsEditor({ flows, onChange }: { flows: DataFlowDraft[]; onChange(flows: DataFlowDraft[]): void }) {
  const update = (index: number, patch: Partial<DataFlowDraft>) => onChange(flows.map((flow, i) => (i === index ? { ...flow, ...patch } : flow)));
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" size="sm" fw={500}>
        Data flows
      </Text>
      {flows.map((flow, index) => (
        <Group key={index} gap="sm" align="flex-end" wrap="nowrap">
          <Select
            label="From"
            data={[
              { value: 'buyer', label: 'Buyer' },
              { value: 'vendor', label: 'Your company' },
            ]}
            value={flow.from}
            allowDeselect={false}
            onChange={(next) => update(index, { from: next === 'vendor' ? 'vendor' : 'buyer' })}
            style={{ flex: 1 }}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput label="What" value={flow.description} maxLength={500} onChange={(event) => update(index, { description: event.currentTarget.value })} style={{ flex: 2 }} />
          <Select
            label="How often"
            data={DATA_FLOW_FREQUENCY_OPTIONS}
            value={flow.frequency}
            allowDeselect={false}
            onChange={(next) => update(index, { frequency: next ?? 'unspecified' })}
            style={{ flex: 1 }}
            comboboxProps={{ withinPortal: true }}
          />
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove data flow ${flow.description || index + 1}`} onClick={() => onChange(flows.filter((_, i) => i !== index))}>
            ✕
          </ActionIcon>
        </Group>
      ))}
      <Button variant="light" size="xs" w="fit-content" onClick={() => onChange([...flows, { from: 'buyer', description: '', frequency: 'monthly' }])}>
        Add data flow
      </Button>
    </Stack>
  );
}
