/** Error codes every transport returns; the UI and CLI switch on these, never on messages. */
export const API_ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'unknown_method',
  'forbidden',
  'not_a_workspace',
  'workspace_newer_than_app',
  'migration_failed',
  // Workspace health, backups and files the app writes (issue 7).
  'workspace_corrupt',
  'workspace_not_open',
  'backup_invalid',
  'file_locked',
  'file_not_writable',
  'disk_full',
  'not_available',
  // Another write holds the workspace (an import); nothing was saved, and trying again later works (issue 13).
  'busy',
  // A stored row this version cannot read (a hand-edited file, a newer version's data); the message names it.
  'stored_data_invalid',
  // A write to an account owned by someone else, by a user who is neither its owner nor a manager (issue 17).
  'not_owner',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** An error as it crosses a boundary: data, never a stack trace. */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
  details?: unknown;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * Thrown inside the backend to abort a call with a specific, user-facing error.
 * The dispatcher turns it into `{ ok: false, error }`; anything else thrown becomes `internal`.
 */
export class ApiFailure extends Error {
  readonly code: ApiErrorCode;
  readonly details?: unknown;

  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
    this.details = details;
  }

  toApiError(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
