import type { ImportRowError, ImportRowErrorCode } from '../api/schemas/import-schemas';

/**
 * Collects row errors while a file streams: keeps the first `limit` for display and counts all,
 * so a million bad rows cost a counter, not a million objects.
 */
export class RowErrorLog {
  readonly errors: ImportRowError[] = [];
  count = 0;

  constructor(private readonly limit: number) {}

  /** Forgets every error (a file refused whole as patient-level data must not keep quoting its lines). */
  clear(): void {
    this.count = 0;
    this.errors.length = 0;
  }

  add(line: number, column: string | null, code: ImportRowErrorCode, message: string): void {
    this.count += 1;
    if (this.errors.length < this.limit) this.errors.push({ line, column, code, message });
  }
}
