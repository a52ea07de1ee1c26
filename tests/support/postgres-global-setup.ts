import type { TestProject } from 'vitest/node';
import { findPostgresBin, freePort, startTestPostgres } from './postgres-server';

/*
 * vitest globalSetup: one private PostgreSQL server for the whole run (about 3 s to start), so the
 * dual-dialect tests (tests/support/test-dialects.ts) run every case on SQLite and PostgreSQL. Each
 * test then works in its own new database on it. Skipped, with a message, only when PostgreSQL is
 * not installed (`.ci/run` installs it, so CI never skips).
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test server, or null when PostgreSQL is not installed. */
    postgresUrl: string | null;
  }
}

export default function setup(project: TestProject): (() => void) | undefined {
  const bin = findPostgresBin();
  if (!bin) {
    console.warn('\n[qbr] PostgreSQL is not installed (apt-get install postgresql): dual-dialect tests run on SQLite only.\n');
    project.provide('postgresUrl', null);
    return undefined;
  }
  const server = startTestPostgres(bin, freePort());
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
