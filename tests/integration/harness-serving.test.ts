import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarnessServer, type HarnessServer } from '../../src/main/transports/web/harness-server';
import { openTempBackend } from '../support/temp-backend';

/*
 * The harness answers API calls on the thread that sends the page's files, and a call can hold
 * that thread for a while (the first portfolio list of a big workspace): so a call waits until the
 * files being sent have gone out, and the page's script is never stuck behind it.
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
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), Buffer.alloc(BIG_FILE_BYTES, 'x'));
    server = await startHarnessServer({
      dispatch: (method, input) => {
        events.push(`dispatched ${String(method)}`);
        return ctx.backend.dispatch(method, input);
      },
      staticDir,
    });
  });
  afterEach(async () => {
    await server.close();
    await ctx.cleanup();
  });

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
    const answer = fetch(`${server.origin}/api/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-qbr-token': server.token },
      body: '{}',
    }).then(async (response) => {
      events.push('call answered');
      return (await response.json()) as { ok: boolean };
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

  it('a call is dispatched straight away when no file is being sent', async () => {
    const response = await fetch(`${server.origin}/api/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-qbr-token': server.token },
      body: '{}',
    });
    expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
    expect(events).toEqual(['dispatched app.info']);
  });
});
