import { Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { RevenueStream } from '../../../shared/api/schemas/stream-schemas';
import { REVENUE_MODELS, type PaymentEnvironmentKey, type RevenueModelKey } from '../../../shared/framework/keys';
import { revenueModel } from '../../../shared/framework/revenue-models';
import { PAYMENT_ENVIRONMENT_OPTIONS } from '../framework-labels';
import { REVENUE_MODEL_LABELS } from '../labels';
import { notifySuccess } from '../notify';
import { FormModal } from '../ui/FormModal';
import { StreamTermsFields } from './StreamTermsFields';
import { useStreamsStore } from './streams-store';

const MODEL_OPTIONS = REVENUE_MODELS.map((value) => ({ value, label: REVENUE_MODEL_LABELS[value] }));

/** Add or edit a revenue stream: its model, the buyer's payment environment and the model's contract terms. */
export function StreamFormModal({ onSaved }: { onSaved?: (stream: RevenueStream) => void }) {
  const { opened, editing, values, fieldErrors, formError, submitting } = useStreamsStore((state) => state.editor);
  const { closeEditor, setValue, setTerms, submit } = useStreamsStore.getState();

  async function handleSubmit() {
    const saved = await submit();
    if (!saved) return;
    notifySuccess(editing ? 'Revenue stream saved' : 'Revenue stream added', saved.name);
    onSaved?.(saved);
  }

  const title = editing ? 'Edit revenue stream' : 'Add revenue stream';
  const model = values.revenueModel || null;
  return (
    <FormModal
      opened={opened}
      title={title}
      size="xl"
      onClose={closeEditor}
      onSubmit={handleSubmit}
      formError={formError}
      formErrorTitle="Couldn't save this stream"
      submitting={submitting}
      submitLabel={editing ? 'Save stream' : 'Add stream'}
    >
      <SimpleGrid cols={2} spacing="md">
        <TextInput label="Stream name" required data-autofocus maxLength={200} value={values.name} onChange={(event) => setValue('name', event.currentTarget.value)} error={fieldErrors.name} />
        <Select
          label="Revenue model"
          required
          placeholder="How this stream is paid"
          data={MODEL_OPTIONS}
          value={model}
          onChange={(next) => setValue('revenueModel', (next ?? '') as RevenueModelKey | '')}
          error={fieldErrors.revenueModel}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label="Buyer's payment environment"
          description="How the buyer is paid for this line of business"
          placeholder="Not known yet"
          data={PAYMENT_ENVIRONMENT_OPTIONS}
          value={values.paymentEnvironment || null}
          onChange={(next) => setValue('paymentEnvironment', (next ?? '') as PaymentEnvironmentKey | '')}
          error={fieldErrors.paymentEnvironment}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput type="date" label="Start" value={values.startDate} onChange={(event) => setValue('startDate', event.currentTarget.value)} error={fieldErrors.startDate} />
          <TextInput type="date" label="End" value={values.endDate} onChange={(event) => setValue('endDate', event.currentTarget.value)} error={fieldErrors.endDate} />
        </SimpleGrid>
      </SimpleGrid>
      {model ? (
        <>
          <Text size="sm" c="dimmed">
            {revenueModel(model).howPaid} Leave a term empty if you don't know it; it stays unknown.
          </Text>
          <StreamTermsFields model={model} value={values.terms} onChange={setTerms} errors={fieldErrors} />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          Choose the revenue model to see the contract terms that matter for it.
        </Text>
      )}
    </FormModal>
  );
}
