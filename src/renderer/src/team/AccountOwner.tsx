import { Select, Text } from '@mantine/core';
import { useState } from 'react';
import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import { api } from '../api/client';
import { notifyError } from '../notify';
import { useTeamStore, userLabel } from './team-store';

const NO_OWNER = '';

/**
 * The account's owner in a workspace with users: they and managers write the account. Its owner
 * or a manager can hand it to someone else here; anyone else gets the backend's refusal saying why.
 */
export function AccountOwner({ account }: { account: AccountSummary }) {
  const { users, current } = useTeamStore();
  const [saving, setSaving] = useState(false);
  if (!current?.enforced) return null;

  async function change(value: string | null) {
    const ownerId = value === null || value === NO_OWNER ? null : value;
    if (ownerId === account.ownerId) return;
    setSaving(true);
    try {
      // The version shown: an account changed since is a conflict, not a silent overwrite.
      await api.call('accounts.setOwner', { id: account.id, ownerId, expectedUpdatedAt: account.updatedAt });
    } catch (error) {
      notifyError("The owner wasn't changed", error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Select
      size="xs"
      w={220}
      label={
        <Text span size="sm" c="dimmed">
          Owner
        </Text>
      }
      styles={{ root: { display: 'flex', alignItems: 'center', gap: 6 }, label: { marginBottom: 0 } }}
      data={[{ value: NO_OWNER, label: 'No owner (anyone may edit)' }, ...users.map((user) => ({ value: user.id, label: userLabel(user) }))]}
      value={account.ownerId ?? NO_OWNER}
      allowDeselect={false}
      disabled={saving}
      onChange={(value) => void change(value)}
      data-testid="account-owner"
    />
  );
}
