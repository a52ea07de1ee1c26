import { z } from 'zod';
import { workspaceStateSchema } from './workspace-schemas';

/*
 * A team workspace is a PostgreSQL database, named by a postgres:// URL that never carries a
 * password: the password travels beside it and is kept (or not) by the host's password store.
 * The workspace screen's connect form, the recent list and the backend all read and write the
 * location through this module, so they agree on what one server looks like.
 */

/**
 * How the connection is protected: 'verify-full' (TLS, the server's certificate checked against
 * the system's certificate authorities and its host name), 'no-verify' (TLS, certificate not
 * checked: encrypted but open to a machine in the middle), 'disable' (no TLS; a trusted network only).
 */
export const TEAM_TLS_MODES = ['verify-full', 'no-verify', 'disable'] as const;
export type TeamTlsMode = (typeof TEAM_TLS_MODES)[number];

export const DEFAULT_POSTGRES_PORT = 5432;

/** A host name (db.example.com), an IPv4 address, or an IPv6 address in brackets or not. */
const HOST_PATTERN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?|\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\]?)$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** A PostgreSQL name (database or role): the server allows almost anything up to 63 bytes, but not control characters. */
function postgresName(what: string) {
  return z
    .string()
    .trim()
    .min(1, `Type the ${what}.`)
    .max(63, `A ${what} is at most 63 characters.`)
    .refine((value) => !CONTROL_CHARACTER.test(value), `A ${what} cannot contain control characters.`);
}

/** Where a team workspace lives and who connects to it; everything but the password. */
export const teamServerSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, "Type the server's host name or IP address.")
      .max(253, 'A host name is at most 253 characters.')
      .regex(HOST_PATTERN, 'Give only the host name or IP address, e.g. db.example.com or 10.0.0.5 (no postgres://, port or path).'),
    port: z.number().int('The port is a whole number.').min(1, 'The port is between 1 and 65535.').max(65_535, 'The port is between 1 and 65535.'),
    database: postgresName('database name'),
    user: postgresName('user name'),
    tls: z.enum(TEAM_TLS_MODES),
  })
  .strict();
export type TeamServer = z.infer<typeof teamServerSchema>;

/** A password as typed: never trimmed (spaces may be part of it), never stored in plain text. */
export const teamPasswordSchema = z
  .string()
  .min(1, 'Type the password.')
  .max(1_000, 'A password is at most 1,000 characters.')
  .refine((value) => !value.includes('\0'), 'A password cannot contain a NUL character.');

const TEAM_LOCATION_PATTERN = /^postgres(?:ql)?:\/\//i;

/** True for a team workspace's location (a postgres:// or postgresql:// URL), false for a file path. */
export function isTeamWorkspaceLocation(location: string): boolean {
  return TEAM_LOCATION_PATTERN.test(location.trim());
}

/** A team workspace's URL as the recent list shows it (any password in it already replaced by ***). */
export const teamLocationSchema = z
  .string()
  .max(2_048)
  .refine((value) => isTeamWorkspaceLocation(value) && !value.includes('\0'), 'A team workspace is a postgres:// URL');

/**
 * The URL of a team workspace, without any password: what the recent list shows and the key its
 * kept password is filed under. TLS off is the driver's default, so it adds no `sslmode`.
 * @example teamWorkspaceUrl({ host: 'db.example.com', port: 5432, database: 'book', user: 'ana', tls: 'verify-full' })
 *   // → 'postgres://ana@db.example.com:5432/book?sslmode=verify-full'
 */
export function teamWorkspaceUrl(server: TeamServer): string {
  const host = server.host.includes(':') && !server.host.startsWith('[') ? `[${server.host}]` : server.host;
  const query = server.tls === 'disable' ? '' : `?sslmode=${server.tls}`;
  return `postgres://${encodeURIComponent(server.user)}@${host.toLowerCase()}:${server.port}/${encodeURIComponent(server.database)}${query}`;
}

const URL_PARTS = /^postgres(?:ql)?:\/\/(?:([^:@/?#]*)(?::[^@/?#]*)?@)?(\[[^\]/?#]*\]|[^:/?#]*)(?::(\d+))?\/([^?#]*)(?:\?([^#]*))?$/i;

/**
 * The server a team workspace URL names (the form's fields when reopening one from the recent
 * list); null when the URL lacks a user, host or database. A password in it is ignored. `sslmode`
 * prefer/require/verify-ca read as the mode the driver applies to them (verify-full).
 * @example teamServerFromUrl('postgres://ana:***@db.example.com/book') // → { host: 'db.example.com', port: 5432, database: 'book', user: 'ana', tls: 'disable' }
 */
export function teamServerFromUrl(location: string): TeamServer | null {
  const match = URL_PARTS.exec(location.trim());
  if (!match) return null;
  const [, user, host, port, database, query] = match;
  const params = new Map((query ?? '').split('&').filter(Boolean).map((pair) => pair.split('=', 2) as [string, string | undefined]));
  const sslmode = params.get('sslmode') ?? 'disable';
  const tls: TeamTlsMode = sslmode === 'disable' ? 'disable' : sslmode === 'no-verify' ? 'no-verify' : 'verify-full';
  const parsed = teamServerSchema.safeParse({
    host: (host ?? '').replace(/^\[|\]$/g, ''),
    port: port ? Number(port) : DEFAULT_POSTGRES_PORT,
    database: safeDecode(database ?? ''),
    user: safeDecode(user ?? ''),
    tls,
  });
  return parsed.success ? parsed.data : null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Where this computer keeps team workspace passwords: encrypted with the system keychain, in memory until quit, or not at all. */
export const passwordStorageSchema = z.object({
  kind: z.enum(['encrypted', 'memory', 'unavailable']),
  /** One sentence for the connect form, e.g. "Saved encrypted with this computer's keychain (macOS Keychain)." */
  message: z.string(),
});
export type PasswordStorage = z.infer<typeof passwordStorageSchema>;

export const teamConnectInputSchema = z
  .object({
    server: teamServerSchema,
    /** Absent: use the password kept for this server, or none (a server that trusts this computer, PGPASSWORD, ~/.pgpass). */
    password: teamPasswordSchema.optional(),
    /** Keep the typed password for next time (encrypted where the host can; see passwordStorage). */
    rememberPassword: z.boolean().default(true),
  })
  .strict();

export const teamConnectResultSchema = z.object({
  workspace: workspaceStateSchema,
  /** The URL the recent list shows, without the password. */
  location: z.string(),
  password: z.object({
    /** What happened to the password: saved encrypted, kept in memory until quit, not kept, or none was used. */
    kept: z.enum(['encrypted', 'memory', 'not-kept', 'none']),
    message: z.string(),
  }),
});
export type TeamConnectResult = z.infer<typeof teamConnectResultSchema>;

export const teamConnectionTestInputSchema = z.object({ server: teamServerSchema, password: teamPasswordSchema.optional() }).strict();

export const teamConnectionTestSchema = z.object({
  location: z.string(),
  /** A workspace (at `schemaVersion`), or an empty database that connecting turns into one. */
  found: z.enum(['workspace', 'empty-database']),
  schemaVersion: z.number().int().nullable(),
  message: z.string(),
});
export type TeamConnectionTest = z.infer<typeof teamConnectionTestSchema>;
