import type { z } from 'zod';
import { accountMethods } from './methods/account-methods';
import { assessmentMethods } from './methods/assessment-methods';
import { appMethods } from './methods/app-methods';
import { goalMethods } from './methods/goal-methods';
import { importMethods } from './methods/import-methods';
import { insightMethods } from './methods/insight-methods';
import { stakeholderMethods } from './methods/stakeholder-methods';
import { streamMethods } from './methods/stream-methods';
import { workspaceMethods } from './methods/workspace-methods';
import { deckMethods } from './methods/deck-methods';
import { fileDialogMethods } from './methods/file-dialog-methods';
import { deckDraftMethods } from './methods/deck-draft-methods';
import { portfolioMethods } from './methods/portfolio-methods';
import { commitmentMethods } from './methods/commitment-methods';
import { offlineMethods } from './methods/offline-methods';
import { userMethods } from './methods/user-methods';
import { auditMethods } from './methods/audit-methods';

/**
 * Every backend method, by name. Electron IPC, the loopback web harness and the renderer's
 * client all derive from this table, so they cannot drift apart.
 */
export const apiContract = {
  ...appMethods,
  ...accountMethods,
  ...streamMethods,
  ...stakeholderMethods,
  ...goalMethods,
  ...insightMethods,
  ...assessmentMethods,
  ...workspaceMethods,
  ...importMethods,
  ...deckMethods,
  ...deckDraftMethods,
  ...fileDialogMethods,
  ...portfolioMethods,
  ...commitmentMethods,
  ...offlineMethods,
  ...userMethods,
  ...auditMethods,
};

export type ApiContract = typeof apiContract;
export type ApiMethodName = keyof ApiContract;
/** What a caller may send (defaults not yet applied). */
export type ApiInput<M extends ApiMethodName> = z.input<ApiContract[M]['input']>;
/** What a handler receives: the input after validation and defaults. */
export type ApiParsedInput<M extends ApiMethodName> = z.output<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethodName> = z.output<ApiContract[M]['output']>;

export const API_METHOD_NAMES = Object.keys(apiContract) as ApiMethodName[];

/** True when `name` is a method of the contract (own key, so `toString` or `__proto__` never match). */
export function isApiMethodName(name: unknown): name is ApiMethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiContract, name);
}
