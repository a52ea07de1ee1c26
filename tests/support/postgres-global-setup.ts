import type { TestProject } from 'vitest/node';
import { findPostgresBin, freePort, startTestPostgres } from './postgres-server';

/*
 * vitest globalSetup: one private PostgreSQL server for the whole run (about 3 s to start), so the
 * dual-dialect tests (tests/support/test-dialects.ts) run every case on SQLite and PostgreSQL. Each
 * test then works in its own new database on it. Skipped, with a message, only when PostgreSQL is
 * not installed (`.ci/run` installs it, so CI never skips). The server dies with this process even
 * when the run is killed, and servers that killed runs left behind are stopped first
 * (tests/support/postgres-server.ts).
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test server, or null when PostgreSQL is not installed. */
    postgresUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const bin = findPostgresBin();
  if (!bin) {
    console.warn('\n[qbr] PostgreSQL is not installed (apt-get install postgresql): dual-dialect tests run on SQLite only.\n');
    project.provide('postgresUrl', null);
    return undefined;
  }
  const server = await startTestPostgres(bin, freePort());
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
