import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { API_METHOD_NAMES } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import type { ApiDispatcher } from '../../api/dispatch';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';
import { pageFilesFirst } from './page-files-first';

/** Header carrying the per-launch secret on every API request. */
export const HARNESS_TOKEN_HEADER = 'x-qbr-token';
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const HOST = '127.0.0.1';

export interface HarnessServerOptions {
  dispatch: ApiDispatcher;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to a fresh random secret. */
  token?: string;
  /** How long an API call waits at most for the page's files (page-files-first.ts); tests lengthen it. */
  pageFilesMaxWaitMs?: number;
}

export interface HarnessServer {
  origin: string;
  /** Address to open in a browser; the token travels in the fragment, which is never sent to the server. */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the real renderer and the real handlers over HTTP on 127.0.0.1, for development and
 * browser tests where Electron cannot run. API calls must carry the token and come from our own
 * origin; the Host header is checked so a rebound DNS name cannot reach it.
 * @example const server = await startHarnessServer({ dispatch, staticDir: 'dist-web' });
 */
export async function startHarnessServer(options: HarnessServerOptions): Promise<HarnessServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const staticRoot = path.resolve(options.staticDir);
  let origin = '';
  let host = '';
  const pageFiles = pageFilesFirst(options.pageFilesMaxWaitMs);

  const server = http.createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, failure('internal', 'The harness could not answer this request.'));
      else response.destroy();
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (request.headers.host !== host) {
      return sendJson(response, 421, failure('forbidden', 'Requests must address 127.0.0.1 directly.'));
    }
    const url = new URL(request.url ?? '/', origin);
    if (!url.pathname.startsWith('/api/')) return serveStatic(url.pathname, request, response);

    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) {
      return sendJson(response, 403, failure('forbidden', 'Requests from other origins are refused.'));
    }
    if (!hasToken(request.headers[HARNESS_TOKEN_HEADER], token)) {
      return sendJson(response, 401, failure('forbidden', 'Missing or wrong harness token.'));
    }
    const method = decodeURIComponent(url.pathname.slice('/api/'.length));
    if (method === 'methods' && request.method === 'GET') return sendJson(response, 200, { ok: true, value: API_METHOD_NAMES });
    if (request.method !== 'POST') return sendJson(response, 405, failure('invalid_input', 'API calls use POST.'));

    const body = await readBody(request);
    if (body === null) return sendJson(response, 413, failure('invalid_input', 'The request body is too large.'));
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body) : {};
    } catch {
      return sendJson(response, 400, failure('invalid_input', 'The request body is not valid JSON.'));
    }
    await pageFiles.idle();
    sendJson(response, 200, await options.dispatch(method, input));
  }

  function serveStatic(pathname: string, request: http.IncomingMessage, response: http.ServerResponse): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const relative = decodeURIComponent(pathname).replace(/^\/+/, '');
    let filePath = path.resolve(staticRoot, relative);
    if (filePath !== staticRoot && !filePath.startsWith(staticRoot + path.sep)) {
      response.writeHead(404).end();
      return;
    }
    if (!relative || !fs.existsSync(filePath) || fs.statSync(filePath).isDirectory()) {
      filePath = path.join(staticRoot, 'index.html');
    }
    if (!fs.existsSync(filePath)) {
      response.writeHead(503, { 'content-type': 'text/plain' }).end('The renderer is not built. Run `npm run web`, which builds it first.');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(filePath)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    if (request.method === 'HEAD') return void response.end();
    // Read at once (a few hundred KB from the page cache): a stream's first open waits for libuv's
    // thread pool to start, and every chunk for a turn of this thread.
    const body = fs.readFileSync(filePath);
    const pageLoad = isPageLoad(request) && filePath.endsWith('.html');
    pageFiles.sending(pathname, response, pageLoad ? body.toString('utf8') : undefined);
    response.end(body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  host = `${HOST}:${port}`;
  origin = `http://${host}`;
  return {
    origin,
    url: `${origin}/#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** A navigation to a page (not, say, the favicon request that the index.html fallback also answers). */
function isPageLoad(request: http.IncomingMessage): boolean {
  const destination = request.headers['sec-fetch-dest'];
  return destination === undefined ? (request.headers.accept ?? '').includes('text/html') : destination === 'document';
}

function hasToken(presented: string | string[] | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(request: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function failure(code: ApiError['code'], message: string) {
  return { ok: false, error: { code, message } };
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
