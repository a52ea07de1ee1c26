import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { notifySuccess } from '../notify';
import { useStreamsStore } from '../streams/streams-store';
import { FormModal } from '../ui/FormModal';
import { OptionalNumberInput } from '../ui/OptionalNumberInput';
import { useGoalsStore } from './goals-store';
import { KPI_CATALOG, findKpiDefinition } from '../../../shared/metrics/kpis/kpi-catalog';
import { MODEL_FAMILIES } from '../../../shared/metrics/stream-reader';

/** Add or edit a success-plan goal; any number may stay empty (unknown). */
export function GoalFormModal() {
  const { opened, editing, values, fieldErrors, formError, submitting } = useGoalsStore((state) => state.editor);
  const streams = useStreamsStore((state) => state.streams);
  const { closeEditor, setValue, submit } = useGoalsStore.getState();

  async function handleSubmit() {
    const saved = await submit();
    if (saved) notifySuccess(editing ? 'Goal saved' : 'Goal added', saved.title);
  }

  const title = editing ? 'Edit goal' : 'Add goal';
  // The KPIs the account's streams carry; a goal measured by one takes its numbers from the KPI engine.
  const families = new Set(streams.flatMap((stream) => MODEL_FAMILIES[stream.revenueModel]));
  const kpiOptions = KPI_CATALOG.filter((kpi) => families.has(kpi.family) || kpi.key === values.metricKey).map((kpi) => ({ value: kpi.key, label: kpi.label }));
  const kpi = values.metricKey ? findKpiDefinition(values.metricKey) : undefined;
  const unit = kpi ? (kpi.unit === 'fraction' ? '%' : kpi.unit) : values.unit.trim();
  return (
    <FormModal
      opened={opened}
      title={title}
      size="lg"
      onClose={closeEditor}
      onSubmit={handleSubmit}
      formError={formError}
      formErrorTitle="Couldn't save this goal"
      submitting={submitting}
      submitLabel={editing ? 'Save goal' : 'Add goal'}
    >
      <TextInput label="Goal" required data-autofocus maxLength={300} value={values.title} onChange={(event) => setValue('title', event.currentTarget.value)} error={fieldErrors.title} />
      <SimpleGrid cols={2} spacing="md">
        <Select
          label="Revenue stream"
          placeholder="Whole account"
          data={streams.map((stream) => ({ value: stream.id, label: stream.name }))}
          value={values.streamId || null}
          onChange={(next) => setValue('streamId', next ?? '')}
          clearable
          comboboxProps={{ withinPortal: true }}
          error={fieldErrors.streamId}
        />
        <Select
          label="Measured by KPI"
          placeholder="Measured by hand"
          description={kpi ? 'Current value and history come from the KPI engine' : 'Or type the numbers yourself'}
          data={kpiOptions}
          value={values.metricKey || null}
          onChange={(next) => setValue('metricKey', next ?? '')}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
          error={fieldErrors.metricKey}
          data-testid="goal-kpi"
        />
        <TextInput
          type="month"
          label="Started"
          description={kpi ? 'The KPI at this month is the baseline' : 'Month the goal was agreed'}
          value={values.startMonth}
          onChange={(event) => setValue('startMonth', event.currentTarget.value)}
          error={fieldErrors.startMonth}
        />
        <TextInput disabled={kpi !== undefined} label="Unit" placeholder="e.g. %, patients, $" maxLength={200} value={values.unit} onChange={(event) => setValue('unit', event.currentTarget.value)} error={fieldErrors.unit} />
        <OptionalNumberInput disabled={kpi !== undefined} label="Baseline" description={unit ? `In ${unit}` : 'Where it started'} value={values.baseline} onChange={(text) => setValue('baseline', text)} allowNegative error={fieldErrors.baseline} />
        <OptionalNumberInput label="Target" description={unit ? `In ${unit}` : 'What success is'} value={values.target} onChange={(text) => setValue('target', text)} allowNegative error={fieldErrors.target} />
        <OptionalNumberInput disabled={kpi !== undefined} label="Current" description={kpi ? 'From the KPI engine' : 'Latest measured value'} value={values.current} onChange={(text) => setValue('current', text)} allowNegative error={fieldErrors.current} />
        <TextInput type="date" label="Due" value={values.dueDate} onChange={(event) => setValue('dueDate', event.currentTarget.value)} error={fieldErrors.dueDate} />
      </SimpleGrid>
    </FormModal>
  );
}
