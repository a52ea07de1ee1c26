/*
 * A child process for tests/integration/test-postgres-watchdog.test.ts, run with `node --import tsx`:
 * starts a private test server as a test run does, prints {root, pid, url} as one JSON line, then
 * waits to be killed. Arg: `follow` (the server dies with this process) or `stay` (it does not, as
 * with a run older than the watchdog).
 */
import { findPostgresBin, freePort, startTestPostgres } from './postgres-server';

const server = await startTestPostgres(findPostgresBin()!, freePort(), { dieWithParent: process.argv[2] !== 'stay' });
process.stdout.write(`${JSON.stringify({ root: server.root, pid: server.pid, url: server.url })}\n`);
setInterval(() => {}, 60_000);
