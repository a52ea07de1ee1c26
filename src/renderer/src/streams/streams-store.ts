import { create } from 'zustand';
import type { RevenueStream } from '../../../shared/api/schemas/stream-schemas';
import type { PaymentEnvironmentKey, RevenueModelKey } from '../../../shared/framework/keys';
import { accountRecordsStore, type AccountRecordsState } from '../api/account-records-store';
import { api, ApiClientError } from '../api/client';
import { errorMessage } from '../notify';
import { draftToTerms, EMPTY_TERMS_DRAFT, termKeyOfIssuePath, termsToDraft, type TermsDraft } from './stream-terms-draft';

/** The stream form as the inputs hold it; '' where nothing is chosen yet. */
export interface StreamFormValues {
  name: string;
  revenueModel: RevenueModelKey | '';
  paymentEnvironment: PaymentEnvironmentKey | '';
  startDate: string;
  endDate: string;
  terms: TermsDraft;
}
type StreamFormField = Exclude<keyof StreamFormValues, 'terms'>;

const EMPTY_VALUES: StreamFormValues = { name: '', revenueModel: '', paymentEnvironment: '', startDate: '', endDate: '', terms: EMPTY_TERMS_DRAFT };
const FORM_FIELDS: readonly string[] = ['name', 'revenueModel', 'paymentEnvironment', 'startDate', 'endDate'];

/** Keyed by form field name, or `terms.<dotted key>` for a contract term. */
type StreamFieldErrors = Record<string, string>;

interface StreamsState extends AccountRecordsState<'streams', RevenueStream, StreamFormValues, StreamFieldErrors> {
  openEdit(stream: RevenueStream): void;
  setValue<F extends StreamFormField>(field: F, value: StreamFormValues[F]): void;
  setTerms(terms: TermsDraft): void;
  /** Saves the form; returns the saved stream, or null when something needs the user's attention. */
  submit(): Promise<RevenueStream | null>;
  /** Monthly metric values recorded against a stream, or null when they cannot be counted. */
  countMonthlyValues(streamId: string): Promise<number | null>;
  /** Deletes a stream (and its monthly values); returns how many values went with it. */
  remove(stream: RevenueStream): Promise<number>;
}

/** An account's revenue streams and the add/edit form shared by the Streams tab and the wizard. */
export const useStreamsStore = create<StreamsState>()((set, get) => {
  const records = accountRecordsStore(set, get, { listKey: 'streams', list: (accountId) => api.call('streams.list', { accountId }), emptyValues: EMPTY_VALUES });
  return {
    ...records.base,

    openEdit(stream) {
      records.openEdit(stream, {
        name: stream.name,
        revenueModel: stream.revenueModel,
        paymentEnvironment: stream.paymentEnvironment ?? '',
        startDate: stream.startDate ?? '',
        endDate: stream.endDate ?? '',
        terms: termsToDraft(stream.revenueModel, stream.terms),
      });
    },

    setValue(field, value) {
      const { editor } = get();
      const values = { ...editor.values, [field]: value };
      if (field === 'revenueModel' && value !== editor.values.revenueModel) {
        // Terms belong to a model: switching models starts from that model's terms (or the stored ones, if switching back).
        const original = editor.editing;
        values.terms = original && original.revenueModel === value ? termsToDraft(original.revenueModel, original.terms) : EMPTY_TERMS_DRAFT;
      }
      set({ editor: { ...editor, values, fieldErrors: { ...editor.fieldErrors, [field]: '' } } });
    },

    setTerms(terms) {
      const { editor } = get();
      set({ editor: { ...editor, values: { ...editor.values, terms } } });
    },

    async submit() {
      const { editor, accountId } = get();
      if (editor.submitting || !accountId) return null;
      const { values, editing } = editor;
      const clientErrors: Record<string, string> = {};
      if (!values.name.trim()) clientErrors.name = 'Name the revenue stream, e.g. "RPM revenue share"';
      if (!values.revenueModel) clientErrors.revenueModel = 'Choose how this stream is paid';
      if (values.startDate && values.endDate && values.endDate < values.startDate) clientErrors.endDate = 'The end date is before the start date';
      if (Object.keys(clientErrors).length > 0) {
        set({ editor: { ...editor, fieldErrors: clientErrors, formError: null } });
        return null;
      }
      const model = values.revenueModel as RevenueModelKey;
      const common = {
        name: values.name,
        paymentEnvironment: values.paymentEnvironment || null,
        startDate: values.startDate || null,
        endDate: values.endDate || null,
      };
      const modelAndTerms = { revenueModel: model, terms: draftToTerms(model, values.terms) } as never;
      return records.save(
        accountId,
        () =>
          editing
            ? api.call('streams.update', { id: editing.id, patch: { ...common, modelAndTerms }, expectedUpdatedAt: editing.updatedAt })
            : api.call('streams.create', { accountId, ...common, ...(modelAndTerms as object) } as never),
        mapStreamError,
      );
    },

    async countMonthlyValues(streamId) {
      const { accountId } = get();
      if (!accountId) return null;
      try {
        const observations = await api.call('metrics.list', { accountId });
        return observations.filter((observation) => observation.streamId === streamId).length;
      } catch {
        return null;
      }
    },

    async remove(stream) {
      const result = await api.call('streams.delete', { id: stream.id, expectedUpdatedAt: stream.updatedAt });
      if (get().accountId) await get().load(get().accountId!);
      return result.observationsDeleted;
    },
  };
});

function mapStreamError(error: unknown): { fieldErrors: StreamFieldErrors; formError: string | null } {
  if (!(error instanceof ApiClientError)) return { fieldErrors: {}, formError: errorMessage(error) };
  const details = error.details as { field?: unknown; issues?: { path?: unknown; message?: unknown }[] } | undefined;
  if (error.code !== 'invalid_input' || !Array.isArray(details?.issues)) {
    return typeof details?.field === 'string' && FORM_FIELDS.includes(details.field)
      ? { fieldErrors: { [details.field]: error.message }, formError: null }
      : { fieldErrors: {}, formError: error.message };
  }
  const fieldErrors: Record<string, string> = {};
  const leftOver: string[] = [];
  for (const issue of details.issues) {
    const path = Array.isArray(issue.path) ? issue.path : [];
    const message = typeof issue.message === 'string' ? issue.message : 'Invalid value';
    const termKey = termKeyOfIssuePath(path);
    const last = path[path.length - 1];
    if (termKey) fieldErrors[`terms.${termKey}`] ??= message;
    else if (typeof last === 'string' && FORM_FIELDS.includes(last)) fieldErrors[last] ??= message;
    else leftOver.push(message);
  }
  const unplaced = Object.keys(fieldErrors).some((key) => key.startsWith('terms.'));
  return { fieldErrors, formError: leftOver.length > 0 ? leftOver.join(' ') : unplaced ? 'Check the highlighted contract terms.' : null };
}
