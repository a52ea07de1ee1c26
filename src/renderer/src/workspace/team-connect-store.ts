import { create } from 'zustand';
import {
  teamServerFromUrl,
  type PasswordStorage,
  type TeamConnectionTest,
  type TeamServer,
} from '../../../shared/api/schemas/team-workspace-schemas';
import { api, ApiClientError } from '../api/client';
import { errorMessage, notifyError, notifySuccess } from '../notify';
import { reloadForWorkspace } from './reload-for-workspace';
import { teamWorkspaceName } from './team-location';
import { useWorkspaceStore } from './workspace-store';

/** A field of the connect form a backend refusal points at (details.field), so the form can mark it. */
export type TeamField = 'host' | 'port' | 'database' | 'user' | 'password' | 'tls';

/** Why a connect or test failed: the backend's message, and the field it is about (if any). */
export interface TeamProblem {
  message: string;
  field: TeamField | null;
}

interface TeamConnectState {
  /** The connect form is on screen. */
  opened: boolean;
  /** What the form starts from: a recent team workspace's server, and why it asks again. */
  prefill: { server: TeamServer; problem: TeamProblem | null } | null;
  /** Where this computer keeps passwords (asked when the form opens). */
  storage: PasswordStorage | null;
  busy: 'test' | 'connect' | null;
  /** Opens the form, empty or for a known server. */
  open(prefill?: { server: TeamServer; problem: TeamProblem | null }): void;
  close(): void;
  /** Checks the server without switching; the result or the refusal. */
  test(server: TeamServer, password: string | undefined): Promise<{ result: TeamConnectionTest } | { problem: TeamProblem }>;
  /** Connects and switches; null when done (the form closes), else the refusal. */
  connect(server: TeamServer, password: string | undefined, rememberPassword: boolean): Promise<TeamProblem | null>;
  /** Reopens a team workspace from the recent list with its kept password, or opens the form asking for it. */
  reopen(location: string): Promise<void>;
}

const FIELDS: readonly TeamField[] = ['host', 'port', 'database', 'user', 'password', 'tls'];

/** A backend refusal as the form shows it. */
export function teamProblemOf(error: unknown): TeamProblem {
  const field = error instanceof ApiClientError ? (error.details as { field?: unknown } | undefined)?.field : undefined;
  return { message: errorMessage(error), field: FIELDS.includes(field as TeamField) ? (field as TeamField) : null };
}

/** Refusals the person fixes by typing the password (the form opens for it). */
function asksForPassword(error: unknown): boolean {
  const reason = error instanceof ApiClientError ? (error.details as { reason?: unknown } | undefined)?.reason : undefined;
  return reason === 'password_required' || reason === 'wrong_password';
}

export const useTeamConnectStore = create<TeamConnectState>()((set, get) => {
  async function switched(location: string, passwordMessage: string): Promise<void> {
    notifySuccess('Connected to the team workspace', `${teamWorkspaceName(location)}. ${passwordMessage}`);
    await reloadForWorkspace({ goToPortfolio: true });
    void useWorkspaceStore.getState().load();
  }

  return {
    opened: false,
    prefill: null,
    storage: null,
    busy: null,

    open(prefill) {
      set({ opened: true, prefill: prefill ?? null });
      if (!get().storage) {
        api.call('workspace.passwordStorage', {}).then(
          (storage) => set({ storage }),
          () => set({ storage: { kind: 'unavailable', message: 'Passwords are not saved on this computer.' } }),
        );
      }
    },

    close() {
      if (get().busy === 'connect') return;
      set({ opened: false, prefill: null });
    },

    async test(server, password) {
      set({ busy: 'test' });
      try {
        return { result: await api.call('workspace.testTeamConnection', { server, ...(password === undefined ? {} : { password }) }) };
      } catch (error) {
        return { problem: teamProblemOf(error) };
      } finally {
        set({ busy: null });
      }
    },

    async connect(server, password, rememberPassword) {
      set({ busy: 'connect' });
      try {
        const result = await api.call('workspace.connectTeam', { server, rememberPassword, ...(password === undefined ? {} : { password }) });
        set({ opened: false, prefill: null });
        await switched(result.location, result.password.message);
        return null;
      } catch (error) {
        return teamProblemOf(error);
      } finally {
        set({ busy: null });
      }
    },

    async reopen(location) {
      const server = teamServerFromUrl(location);
      if (!server) {
        notifyError(`Couldn't open ${location}`, new Error('This entry is not a complete team workspace address (user, host and database); connect to it again.'));
        return;
      }
      const workspace = useWorkspaceStore.getState();
      if (workspace.busy) return;
      useWorkspaceStore.setState({ busy: 'open' });
      try {
        const result = await api.call('workspace.connectTeam', { server });
        await switched(result.location, result.password.message);
      } catch (error) {
        if (asksForPassword(error)) get().open({ server, problem: teamProblemOf(error) });
        else notifyError(`Couldn't open ${teamWorkspaceName(location)}`, error);
        void useWorkspaceStore.getState().load();
      } finally {
        useWorkspaceStore.setState({ busy: null });
      }
    },
  };
});
