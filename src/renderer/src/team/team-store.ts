import { create } from 'zustand';
import type { CurrentUser, User } from '../../../shared/api/schemas/user-schemas';
import { api } from '../api/client';
import { errorMessage } from '../notify';

/*
 * The workspace's users and who this session acts as (issue 17): what the "You are" picker and
 * the account's owner control show. A workspace without users shows neither.
 */

interface TeamState {
  users: User[];
  current: CurrentUser | null;
  error: string | null;
  /** Loads the users and who this session is; call on start and after a workspace switch or a change. */
  load(): Promise<void>;
  /** Chooses who this session acts as. */
  choose(userId: string): Promise<void>;
}

export const useTeamStore = create<TeamState>()((set) => ({
  users: [],
  current: null,
  error: null,

  async load() {
    try {
      const [users, current] = await Promise.all([api.call('users.list', {}), api.call('users.current', {})]);
      set({ users, current, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },

  async choose(userId) {
    try {
      set({ current: await api.call('users.choose', { userId }), error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
}));

/** 'Ana (manager)' / 'Ben'. */
export function userLabel(user: User): string {
  return user.role === 'manager' ? `${user.name} (manager)` : user.name;
}
