import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarnessServer, type HarnessServer } from '../../src/main/transports/web/harness-server';
import { openTempBackend } from '../support/temp-backend';

/*
 * The harness answers API calls on the thread that sends the page's files, and a call can hold
 * that thread for a while (the first portfolio list of a big workspace): so a call waits until the
 * page's files have been asked for and have gone out, and the page's script is never stuck behind it.
 */

/** Bigger than any socket buffer, so a client that does not read keeps the response unfinished. */
const BIG_FILE_BYTES = 48 * 1024 * 1024;
/** How long the test gives a call to be dispatched while a file is still being sent (it must not be). */
const DISPATCH_GRACE_MS = 400;

describe('browser harness serving', () => {
  let ctx: Awaited<ReturnType<typeof openTempBackend>>;
  let server: HarnessServer;
  const events: string[] = [];

  beforeEach(async () => {
    events.length = 0;
    ctx = await openTempBackend();
    const staticDir = path.join(ctx.dir, 'renderer');
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title><script type="module" async src="/assets/entry.js"></script><link rel="modulepreload" href="/assets/app.js">');
    fs.writeFileSync(path.join(staticDir, 'assets', 'entry.js'), 'void 0;');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), Buffer.alloc(BIG_FILE_BYTES, 'x'));
    server = await startHarnessServer({
      dispatch: (method, input) => {
        events.push(`dispatched ${String(method)}`);
        return ctx.backend.dispatch(method, input);
      },
      staticDir,
      // Far longer than any test: a call that waited when it should not would time the test out.
      pageFilesMaxWaitMs: 60_000,
    });
  });
  afterEach(async () => {
    await server.close();
    await ctx.cleanup();
  });

  async function call(method: string, input: unknown = {}): Promise<{ ok: boolean }> {
    const response = await fetch(`${server.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-qbr-token': server.token },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean };
  }
  const callAppInfo = () => call('app.info');

  /** GETs `pathname` on a raw socket that reads nothing until `resume` is called; resolves with the bytes once all have come. */
  function slowReader(pathname: string): { resume(): void; received: Promise<number> } {
    const socket = net.connect(server.port, '127.0.0.1');
    socket.pause();
    socket.write(`GET ${pathname} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`);
    let bytes = 0;
    const received = new Promise<number>((resolve, reject) => {
      socket.on('data', (chunk: Buffer) => (bytes += chunk.length));
      socket.on('end', () => {
        events.push('file received');
        resolve(bytes);
      });
      socket.on('error', reject);
    });
    return { resume: () => socket.resume(), received };
  }

  it('an API call waits until the files being sent have gone out, then is answered', async () => {
    const file = slowReader('/assets/app.js');
    // Let the server start sending, and fill the socket's buffers.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const answer = callAppInfo().then((result) => {
      events.push('call answered');
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, DISPATCH_GRACE_MS));
    expect(events, 'no call is dispatched while the file is still going out').toEqual([]);

    // Once the client reads, the file goes out and the call is answered (in either order at the client:
    // the server lets the call go when the last bytes are handed to the OS).
    file.resume();
    expect(await file.received).toBeGreaterThan(BIG_FILE_BYTES);
    expect((await answer).ok).toBe(true);
    expect(events.sort()).toEqual(['call answered', 'dispatched app.info', 'file received']);
  });

  it('a call made before the page has asked for its scripts waits for them', async () => {
    const page = await fetch(`${server.origin}/`, { headers: { 'sec-fetch-dest': 'document' } });
    expect(page.ok).toBe(true);
    await page.text();
    await fetch(`${server.origin}/assets/entry.js`).then((response) => response.text());
    const answer = callAppInfo();
    await new Promise((resolve) => setTimeout(resolve, DISPATCH_GRACE_MS));
    expect(events, 'no call is dispatched before the preloaded script has been asked for').toEqual([]);

    const file = slowReader('/assets/app.js');
    file.resume();
    await file.received;
    expect((await answer).ok).toBe(true);
    expect(events).toContain('dispatched app.info');
  });

  it('the favicon, which the page fallback also answers, does not make calls wait again', async () => {
    await fetch(`${server.origin}/`, { headers: { 'sec-fetch-dest': 'document' } }).then((response) => response.text());
    await fetch(`${server.origin}/assets/entry.js`).then((response) => response.text());
    await fetch(`${server.origin}/assets/app.js`).then((response) => response.arrayBuffer());
    await fetch(`${server.origin}/favicon.ico`, { headers: { 'sec-fetch-dest': 'image', accept: 'image/*' } }).then((response) => response.text());
    expect((await callAppInfo()).ok).toBe(true);
    expect(events).toEqual(['dispatched app.info']);
  });

  it('a call is dispatched straight away when no file is being sent', async () => {
    expect((await callAppInfo()).ok).toBe(true);
    expect(events).toEqual(['dispatched app.info']);
  });
});
