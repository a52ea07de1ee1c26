import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import { nameKey } from '../../../shared/text/name-key';
import type { BackendClient } from '../../api/backend-client';

/**
 * The live account a command line names: the one whose name looks the same (`nameKey`: any
 * case, Unicode form or invisible character, so a decomposed "Café" typed in a terminal finds
 * "Café"); otherwise, with `allowPartial`, the only account whose name contains the text.
 * Returns the reason in words when there is none, or several.
 *
 * The search for the text comes first: a name typed as stored is among its few matches, so a
 * command on a 2,000-account workspace does not build every account's summary to find one. Only
 * a name the search cannot see (another Unicode form, an invisible character) reads them all.
 */
export async function findAccountByName(client: BackendClient, name: string, options: { allowPartial: boolean }): Promise<AccountSummary | { error: string }> {
  const wanted = nameKey(name);
  const isNamed = (account: AccountSummary) => nameKey(account.name) === wanted;
  const found = await client.call('accounts.list', { search: name.trim() });
  const exact = found.find(isNamed) ?? (await client.call('accounts.list', {})).find(isNamed);
  if (exact) return exact;
  // The search matches notes too; a partial name is the name's own.
  const matches = options.allowPartial ? found.filter((account) => nameKey(account.name).includes(wanted)) : [];
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) return { error: `"${name}" matches several accounts: ${matches.map((m) => m.name).join(', ')}.` };
  return { error: `There is no account called "${name}" in this workspace.` };
}
