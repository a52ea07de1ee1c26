import { create } from 'zustand';
import type { Account } from '../../../shared/api/schemas/account-schemas';
import type { BuyerTypeKey, CustomerSegmentKey } from '../../../shared/framework/keys';
import { api } from '../api/client';
import { mapApiErrorToFields, type FieldErrors } from '../api/field-errors';
import { isStaleVersion } from '../api/account-records-store';
import { useAccountStore } from '../account/account-store';
import { USUAL_BUYER_TYPE } from '../labels';

/** The form's values as the inputs hold them: empty strings where nothing is chosen yet. */
export interface AccountFormValues {
  name: string;
  customerSegment: CustomerSegmentKey | '';
  buyerType: BuyerTypeKey | '';
  renewalDate: string;
  contractStartDate: string;
  notes: string;
}
export type AccountFormField = keyof AccountFormValues;

export const ACCOUNT_FORM_FIELDS: readonly AccountFormField[] = [
  'name',
  'customerSegment',
  'buyerType',
  'renewalDate',
  'contractStartDate',
  'notes',
];

const EMPTY_VALUES: AccountFormValues = {
  name: '',
  customerSegment: '',
  buyerType: '',
  renewalDate: '',
  contractStartDate: '',
  notes: '',
};

interface AccountFormState {
  opened: boolean;
  /** The account being edited, or null when creating one. */
  editing: Account | null;
  values: AccountFormValues;
  fieldErrors: FieldErrors<AccountFormField>;
  formError: string | null;
  submitting: boolean;
  /** Set when the user picked a buyer type, so choosing a segment stops pre-filling it. */
  buyerTypeTouched: boolean;
  openCreate(): void;
  openEdit(account: Account): void;
  close(): void;
  setValue<F extends AccountFormField>(field: F, value: AccountFormValues[F]): void;
  /** Validates, saves, and returns the saved account; null when something needs the user's attention. */
  submit(): Promise<Account | null>;
}

export const useAccountFormStore = create<AccountFormState>()((set, get) => ({
  opened: false,
  editing: null,
  values: EMPTY_VALUES,
  fieldErrors: {},
  formError: null,
  submitting: false,
  buyerTypeTouched: false,

  openCreate() {
    if (get().opened) return;
    set({ opened: true, editing: null, values: EMPTY_VALUES, fieldErrors: {}, formError: null, buyerTypeTouched: false });
  },

  openEdit(account) {
    set({
      opened: true,
      editing: account,
      values: {
        name: account.name,
        customerSegment: account.customerSegment,
        buyerType: account.buyerType,
        renewalDate: account.renewalDate ?? '',
        contractStartDate: account.contractStartDate ?? '',
        notes: account.notes,
      },
      fieldErrors: {},
      formError: null,
      buyerTypeTouched: true,
    });
  },

  close() {
    if (get().submitting) return;
    set({ opened: false });
  },

  setValue(field, value) {
    const { values, fieldErrors, buyerTypeTouched } = get();
    const next: AccountFormValues = { ...values, [field]: value };
    const nextErrors: FieldErrors<AccountFormField> = { ...fieldErrors, [field]: undefined };
    if (field === 'customerSegment' && value && !buyerTypeTouched) {
      next.buyerType = USUAL_BUYER_TYPE[value as CustomerSegmentKey];
      nextErrors.buyerType = undefined;
    }
    set({ values: next, fieldErrors: nextErrors, buyerTypeTouched: buyerTypeTouched || field === 'buyerType' });
  },

  async submit() {
    const { values, editing, submitting } = get();
    if (submitting) return null;
    const clientErrors = validate(values);
    if (Object.keys(clientErrors).length > 0) {
      set({ fieldErrors: clientErrors, formError: null });
      return null;
    }
    set({ submitting: true, formError: null });
    try {
      const input = toAccountInput(values);
      const saved = editing
        ? // The version the form was opened on: if someone saved the account since, this is a conflict saying what changed.
          await api.call('accounts.update', { id: editing.id, patch: input, expectedUpdatedAt: editing.updatedAt })
        : await api.call('accounts.create', input);
      set({ submitting: false, opened: false });
      return saved;
    } catch (error) {
      const { fieldErrors, formError } = mapApiErrorToFields(error, ACCOUNT_FORM_FIELDS);
      set({ submitting: false, fieldErrors, formError });
      // Someone saved the account since: the screen fetches it again, so the next edit starts from their version.
      if (editing && isStaleVersion(error) && useAccountStore.getState().accountId === editing.id) void useAccountStore.getState().load(editing.id);
      return null;
    }
  },
}));

/** The checks worth doing before a round trip; the backend validates everything again. */
function validate(values: AccountFormValues): FieldErrors<AccountFormField> {
  const errors: FieldErrors<AccountFormField> = {};
  if (!values.name.trim()) errors.name = 'Give the account a name';
  else if (values.name.trim().length > 200) errors.name = 'Keep the name under 200 characters';
  if (!values.customerSegment) errors.customerSegment = 'Choose the kind of organisation this account is';
  if (!values.buyerType) errors.buyerType = 'Choose who pays the invoice';
  return errors;
}

function toAccountInput(values: AccountFormValues) {
  return {
    name: values.name,
    customerSegment: values.customerSegment as CustomerSegmentKey,
    buyerType: values.buyerType as BuyerTypeKey,
    notes: values.notes,
    renewalDate: values.renewalDate || null,
    contractStartDate: values.contractStartDate || null,
  };
}
