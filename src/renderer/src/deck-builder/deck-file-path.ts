import type { DeckType } from '../../../shared/deck-plan/deck-plan-types';

/*
 * Output paths for exported decks, built in the renderer as plain strings (no Node `path` here):
 * the folder of the open workspace plus a file name that says account, deck type, quarter and audience.
 */

/** Characters Windows, macOS or Linux refuse in file names, and spaces (hyphens read better in a path). */
const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f\s]+/g;

/** Longest audience part of a file name before it is shortened. */
const MAX_AUDIENCE_PART = 48;

/**
 * A file name that sorts and reads well in a folder of decks.
 * @example deckFileName({ accountName: 'Riverbend Cardiology', deckType: 'qbr', quarter: '2026Q4', audience: ['clinic_administrator'] })
 *   // 'Riverbend-Cardiology-QBR-2026Q4-clinic_administrator.pptx'
 */
export function deckFileName(input: { accountName: string; deckType: DeckType; quarter: string; audience: readonly string[] }): string {
  const account = input.accountName.replace(UNSAFE_FILE_CHARS, '-').replace(/-+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 80) || 'Account';
  const joined = input.audience.join('+');
  // Several long keys would push the path past Windows' 260 characters; name the first and count the rest.
  const audience = input.audience.length === 0 ? '' : joined.length <= MAX_AUDIENCE_PART ? `-${joined}` : `-${input.audience[0]}+${input.audience.length - 1}-more`;
  return `${account}-${input.deckType.toUpperCase()}-${input.quarter}${audience}.pptx`;
}

/** `folder` + `name` with the separator the folder already uses. */
export function joinPath(folder: string, name: string): string {
  if (!folder) return name;
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

/** The last part of a path, for short mentions in messages. */
export function fileNameOf(filePath: string): string {
  return filePath.slice(Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1);
}
