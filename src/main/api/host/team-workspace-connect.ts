import { ApiFailure } from '../../../shared/api/errors';
import {
  teamWorkspaceUrl,
  type TeamConnectionTest,
  type TeamConnectResult,
  type TeamServer,
} from '../../../shared/api/schemas/team-workspace-schemas';
import type { WorkspaceState } from '../../../shared/api/schemas/workspace-schemas';
import type { TeamPasswordStore } from './team-passwords';

/*
 * Connecting to a team workspace from the workspace screen: the server's fields make the URL (no
 * password in it: that URL is what the recent list shows and the password store's key), the
 * password is the one typed or else the one kept for that URL, and after a successful connect a
 * typed password is kept as the host allows. The password goes to the driver only.
 */

export interface TeamConnectRequest {
  server: TeamServer;
  password?: string;
  rememberPassword: boolean;
}

export interface TeamConnectorDeps {
  passwords: TeamPasswordStore;
  /** Switches to the team workspace at `location` (the host's one-at-a-time switch); throws, leaving the current one open, when refused. */
  open(location: string, password: string | undefined): Promise<WorkspaceState>;
  /** What the database holds, changing nothing (probePostgresWorkspace). */
  probe(location: string, password: string | undefined): Promise<{ schemaVersion: number | null }>;
}

export interface TeamConnector {
  connect(request: TeamConnectRequest): Promise<TeamConnectResult>;
  test(request: { server: TeamServer; password?: string }): Promise<TeamConnectionTest>;
}

/** @example const team = createTeamConnector({ passwords, open: (url, pw) => switchTo(url, pw), probe }); */
export function createTeamConnector(deps: TeamConnectorDeps): TeamConnector {
  const { passwords } = deps;

  /** Runs `attempt` with the typed password or the kept one; a kept password the server refuses is deleted and asked for. */
  async function withPassword<T>(location: string, typed: string | undefined, attempt: (password: string | undefined) => Promise<T>): Promise<{ value: T; usedKept: boolean }> {
    const kept = typed === undefined ? await passwords.get(location) : null;
    try {
      return { value: await attempt(typed ?? kept ?? undefined), usedKept: kept !== null };
    } catch (error) {
      if (kept !== null && error instanceof ApiFailure && (error.details as { reason?: string } | undefined)?.reason === 'wrong_password') {
        await passwords.forget(location);
        throw new ApiFailure(
          'forbidden',
          `${error.message} The password saved on this computer no longer works (changed on the server?), so it was deleted; type the current one.`,
          error.details,
        );
      }
      throw error;
    }
  }

  return {
    async connect({ server, password, rememberPassword }) {
      const location = teamWorkspaceUrl(server);
      const { value: workspace, usedKept } = await withPassword(location, password, (pw) => deps.open(location, pw));
      let kept: TeamConnectResult['password'];
      if (password === undefined) {
        kept = usedKept
          ? { kept: passwords.storage().kind === 'memory' ? 'memory' : 'encrypted', message: 'Connected with the password saved on this computer.' }
          : { kept: 'none', message: 'Connected without a password (the server trusts this computer, or PGPASSWORD / ~/.pgpass supplied one).' };
      } else if (rememberPassword) {
        kept = await passwords.keep(location, password);
      } else {
        await passwords.forget(location);
        kept = { kept: 'not-kept', message: 'The password was not saved, as asked; you will be asked for it next time.' };
      }
      return { workspace, location, password: kept };
    },

    async test({ server, password }) {
      const location = teamWorkspaceUrl(server);
      const { value: probe } = await withPassword(location, password, (pw) => deps.probe(location, pw));
      return probe.schemaVersion === null
        ? { location, found: 'empty-database', schemaVersion: null, message: 'Connected. The database is empty: connecting makes it a team workspace.' }
        : { location, found: 'workspace', schemaVersion: probe.schemaVersion, message: `Connected. This is a QBR Workbench team workspace (schema ${probe.schemaVersion}).` };
    },
  };
}
