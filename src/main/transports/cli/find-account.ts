import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import { nameKey } from '../../../shared/text/name-key';
import type { BackendClient } from '../../api/backend-client';

/**
 * The live account a command line names: the one whose name looks the same (`nameKey`: any
 * case, Unicode form or invisible character, so a decomposed "Café" typed in a terminal finds
 * "Café"); otherwise, with `allowPartial`, the only account whose name contains the text.
 * Returns the reason in words when there is none, or several.
 */
export async function findAccountByName(client: BackendClient, name: string, options: { allowPartial: boolean }): Promise<AccountSummary | { error: string }> {
  const wanted = nameKey(name);
  const exact = (await client.call('accounts.list', {})).find((account) => nameKey(account.name) === wanted);
  if (exact) return exact;
  const matches = options.allowPartial ? await client.call('accounts.list', { search: name.trim() }) : [];
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) return { error: `"${name}" matches several accounts: ${matches.map((m) => m.name).join(', ')}.` };
  return { error: `There is no account called "${name}" in this workspace.` };
}
