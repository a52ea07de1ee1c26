import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import type { BuyerTypeKey, CustomerSegmentKey } from '../../../shared/framework/keys';
import { useAccountStore } from '../account/account-store';
import { useAppStore } from '../app/app-store';
import { BUYER_TYPE_OPTIONS, CUSTOMER_SEGMENT_OPTIONS } from '../labels';
import { notifySuccess } from '../notify';
import { usePortfolioStore } from '../portfolio/portfolio-store';
import { FormModal } from '../ui/FormModal';
import { useAccountFormStore } from './account-form-store';

/** Create or edit an account. Enter submits, Esc cancels, the name field takes focus on open. */
export function AccountFormModal() {
  const { opened, editing, values, fieldErrors, formError, submitting, close, setValue, submit } = useAccountFormStore();

  async function handleSubmit() {
    const saved = await submit();
    if (!saved) return;
    notifySuccess(editing ? 'Changes saved' : 'Account created', saved.name);
    void usePortfolioStore.getState().reload();
    if (editing) void useAccountStore.getState().load(saved.id);
    else useAppStore.getState().navigate({ name: 'account', accountId: saved.id });
  }

  // A textarea keeps Enter for new lines; Ctrl/Cmd+Enter still submits from there.
  function submitOnModEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit();
  }

  const title = editing ? 'Edit account' : 'New account';
  return (
    <FormModal
      opened={opened}
      title={title}
      size="lg"
      onClose={close}
      onSubmit={handleSubmit}
      formError={formError}
      formErrorTitle="Couldn't save this account"
      submitting={submitting}
      submitLabel={editing ? 'Save changes' : 'Create account'}
    >
      <TextInput
        label="Account name"
        required
        data-autofocus
        maxLength={200}
        value={values.name}
        onChange={(event) => setValue('name', event.currentTarget.value)}
        error={fieldErrors.name}
      />
      <SimpleGrid cols={2} spacing="md">
        <Select
          label="Customer segment"
          description="What kind of organisation this is"
          required
          placeholder="Choose a segment"
          data={CUSTOMER_SEGMENT_OPTIONS}
          value={values.customerSegment || null}
          onChange={(value) => setValue('customerSegment', (value ?? '') as CustomerSegmentKey | '')}
          error={fieldErrors.customerSegment}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label="Buyer type"
          description="Who signs and pays the invoice"
          required
          placeholder="Choose a buyer type"
          data={BUYER_TYPE_OPTIONS}
          value={values.buyerType || null}
          onChange={(value) => setValue('buyerType', (value ?? '') as BuyerTypeKey | '')}
          error={fieldErrors.buyerType}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          type="date"
          label="Renewal date"
          description="Leave empty if you don't know it yet"
          value={values.renewalDate}
          onChange={(event) => setValue('renewalDate', event.currentTarget.value)}
          error={fieldErrors.renewalDate}
        />
        <TextInput
          type="date"
          label="Contract start"
          description="Leave empty if you don't know it yet"
          value={values.contractStartDate}
          onChange={(event) => setValue('contractStartDate', event.currentTarget.value)}
          error={fieldErrors.contractStartDate}
        />
      </SimpleGrid>
      <Textarea
        label="Notes"
        autosize
        minRows={3}
        maxRows={8}
        maxLength={20_000}
        value={values.notes}
        onChange={(event) => setValue('notes', event.currentTarget.value)}
        onKeyDown={submitOnModEnter}
        error={fieldErrors.notes}
      />
    </FormModal>
  );
}
