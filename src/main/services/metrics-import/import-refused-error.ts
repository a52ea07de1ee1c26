import type { ImportRefusal } from '../../../shared/api/schemas/import-schemas';

/** Thrown inside the importer when a whole file must be refused; the job or preview reports it as data. */
export class ImportRefusedError extends Error {
  readonly refusal: ImportRefusal;

  constructor(code: ImportRefusal['code'], message: string, line: number | null = null, column: string | null = null) {
    super(message);
    this.name = 'ImportRefusedError';
    this.refusal = { code, message, line, column };
  }
}

/** Thrown when the user cancels a running import. */
export class ImportCancelledError extends Error {
  constructor() {
    super('The import was cancelled.');
    this.name = 'ImportCancelledError';
  }
}
