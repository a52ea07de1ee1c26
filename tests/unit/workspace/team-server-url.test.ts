import { describe, expect, it } from 'vitest';
import { isTeamWorkspaceLocation, teamServerFromUrl, teamServerSchema, teamWorkspaceUrl, type TeamServer } from '../../../src/shared/api/schemas/team-workspace-schemas';
import { redactedUrl } from '../../../src/main/storage/workspace/workspace-location';

/* The connect form's fields and the recent list's URL are one server, in both directions. */

const server: TeamServer = { host: 'db.example.com', port: 5432, database: 'qbr book', user: 'ana@cs', tls: 'verify-full' };

describe('team workspace URL', () => {
  it('builds a URL without a password, escaping names, and reads the same server back', () => {
    const url = teamWorkspaceUrl(server);
    expect(url).toBe('postgres://ana%40cs@db.example.com:5432/qbr%20book?sslmode=verify-full');
    expect(teamServerFromUrl(url)).toEqual(server);
    expect(isTeamWorkspaceLocation(url)).toBe(true);
    // Nothing to redact: the URL never had a password.
    expect(redactedUrl(url)).toBe(url);
  });

  it('leaves TLS off out of the URL (the driver default) and brackets an IPv6 address', () => {
    expect(teamWorkspaceUrl({ ...server, host: '::1', tls: 'disable', user: 'ana', database: 'book' })).toBe('postgres://ana@[::1]:5432/book');
    expect(teamServerFromUrl('postgres://ana@[::1]:5432/book')).toMatchObject({ host: '::1', tls: 'disable' });
  });

  it('reads URLs given to --db: a masked password is ignored, no port means 5432, require means what the driver does (verify-full)', () => {
    expect(teamServerFromUrl('postgresql://ana:***@db.example.com/book?sslmode=require')).toEqual({ host: 'db.example.com', port: 5432, database: 'book', user: 'ana', tls: 'verify-full' });
    expect(teamServerFromUrl('postgres://db.example.com/book')).toBeNull();
    expect(teamServerFromUrl('/Users/ana/book.sqlite')).toBeNull();
  });

  it('refuses a host with a scheme, port or path, with a message saying what to type', () => {
    for (const host of ['postgres://db.example.com', 'db.example.com:5432', 'db.example.com/book', 'db example', '']) {
      const parsed = teamServerSchema.safeParse({ ...server, host });
      expect(parsed.success, host).toBe(false);
    }
    expect(teamServerSchema.safeParse({ ...server, host: 'db.example.com:5432' }).error?.issues[0]?.message).toContain('no postgres://, port or path');
    expect(teamServerSchema.safeParse({ ...server, port: 70_000 }).success).toBe(false);
    expect(teamServerSchema.safeParse({ ...server, user: 'a\u0000' }).success).toBe(false);
  });

  it('redacts only team workspace URLs: a Windows path stays as typed', () => {
    expect(redactedUrl('C:\\Users\\Ana\\book.sqlite')).toBe('C:\\Users\\Ana\\book.sqlite');
    expect(redactedUrl('postgres://ana:s3cret@db/book')).toBe('postgres://ana:***@db/book');
  });
});
