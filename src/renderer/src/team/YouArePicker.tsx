import { Select } from '@mantine/core';
import { useEffect } from 'react';
import { useWorkspaceChanges } from '../api/workspace-changes';
import { useAppStore } from '../app/app-store';
import { useTeamStore, userLabel } from './team-store';

/**
 * "You are: …" in the header of a workspace with users: who this session writes as. Choosing
 * another user changes whose accounts can be edited here. Absent in a workspace without users.
 */
export function YouArePicker() {
  const { users, current, load, choose } = useTeamStore();
  const workspacePath = useAppStore((state) => state.info?.workspacePath);
  const dataVersion = useWorkspaceChanges((state) => state.version);
  useEffect(() => {
    void load();
  }, [load, workspacePath, dataVersion]);

  if (!current?.enforced) return null;
  const notAUser = current.user === null;
  return (
    <Select
      label="You are"
      aria-label="You are"
      size="xs"
      w={200}
      style={{ flexShrink: 0 }}
      styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 }, label: { whiteSpace: 'nowrap', marginBottom: 0 } }}
      data={users.map((user) => ({ value: user.id, label: userLabel(user) }))}
      value={current.user?.id ?? null}
      placeholder={notAUser ? `${current.actor} (not a user)` : undefined}
      allowDeselect={false}
      onChange={(userId) => userId && void choose(userId)}
      data-testid="you-are"
    />
  );
}
