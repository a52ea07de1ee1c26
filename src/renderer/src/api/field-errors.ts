import { ApiClientError } from './client';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface MappedApiError<F extends string> {
  /** Errors that belong next to a form field. */
  fieldErrors: FieldErrors<F>;
  /** What is left over, for an alert above the form; null when every problem found a field. */
  formError: string | null;
}

/**
 * Places a backend error on the form fields it concerns: `conflict` errors name their field in
 * `details.field`, `invalid_input` errors list issues whose path ends in the field name
 * (`['name']` for a create, `['patch', 'name']` for an update).
 */
export function mapApiErrorToFields<F extends string>(error: unknown, fields: readonly F[]): MappedApiError<F> {
  if (!(error instanceof ApiClientError)) {
    return { fieldErrors: {}, formError: error instanceof Error ? error.message : 'Something went wrong.' };
  }
  const isField = (value: unknown): value is F => typeof value === 'string' && (fields as readonly string[]).includes(value);
  const details = error.details as { field?: unknown; issues?: { path?: unknown; message?: unknown }[] } | undefined;

  if (error.code === 'conflict' && isField(details?.field)) {
    return { fieldErrors: { [details.field]: error.message } as FieldErrors<F>, formError: null };
  }
  if (error.code === 'invalid_input' && Array.isArray(details?.issues)) {
    const fieldErrors: FieldErrors<F> = {};
    const leftOver: string[] = [];
    for (const issue of details.issues) {
      const path = Array.isArray(issue.path) ? issue.path : [];
      const field = path[path.length - 1];
      const message = typeof issue.message === 'string' ? issue.message : 'Invalid value';
      if (isField(field)) fieldErrors[field] ??= message;
      else leftOver.push(message);
    }
    return { fieldErrors, formError: leftOver.length > 0 ? leftOver.join(' ') : null };
  }
  return { fieldErrors: {}, formError: error.message };
}
