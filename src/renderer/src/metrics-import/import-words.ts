import type { ImportPreview } from '../../../shared/api/schemas/import-schemas';

/** Words for what the import detected. */

export const DELIMITER_LABELS: Record<string, string> = { ',': 'Comma', ';': 'Semicolon', '\t': 'Tab', '|': 'Pipe' };

export const MAPPING_ORIGIN_LABELS: Record<ImportPreview['mappingOrigin'], string> = {
  given: '· mapped by you',
  remembered: '· mapping remembered from the last import of a file like this',
  suggested: '· mapping suggested from the headers; check it',
  none: '· no mapping found; map the columns below',
};

/** "512 B", "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;
}
