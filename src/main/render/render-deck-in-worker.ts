import { Worker } from 'node:worker_threads';
import type { DeckDocument } from '../../shared/deck/deck-document';
import type { RenderRequest, RenderResponse } from './render-worker';

/** Where the worker script is and how to start it; defaults suit tsx (tests, CLI) and the built app. */
export interface RenderInWorkerOptions {
  /** The worker entry; defaults to render-worker.ts or .js beside this module. */
  workerUrl?: URL;
  /** Give up after this long; default 60 s. */
  timeoutMs?: number;
}

/** A render that failed in the worker, with the worker's error code ('invalid_document' | 'render_failed' | 'worker_failed'). */
export class DeckRenderError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DeckRenderError';
  }
}

/**
 * The worker beside this module. Under tsx or vitest this module is a .ts file and so is the
 * worker; in the electron-vite build both are .js in out/main, provided render-worker is built
 * as its own entry (see electron.vite.config.ts `main.build.rollupOptions.input`).
 */
function defaultWorkerUrl(): URL {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./render-worker${ext}`, import.meta.url);
}

/**
 * A .ts worker (under tsx or vitest): inherited `--import tsx` flags do not reach a worker's
 * entry on Node 20, so the worker first registers tsx's ESM hooks itself, then imports the entry.
 */
function startTypeScriptWorker(url: URL): Worker {
  // Resolved here, not in the worker: an eval worker resolves bare specifiers from the process's
  // working directory, so `qbr deck` run from another folder would not find tsx.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(bootstrap, { eval: true });
}

/** One long-lived render worker: requests queue on it, one at a time, in order. */
export interface DeckRenderWorker {
  render(document: DeckDocument): Promise<Buffer>;
  /** Starts the thread now (idle, unref'd), so the first render does not wait for it to load. */
  warm(): void;
  /** Stops the worker; a later render starts a new one. */
  close(): Promise<void>;
}

interface PendingRender {
  document: DeckDocument;
  resolve(bytes: Buffer): void;
  reject(error: Error): void;
}

/**
 * A render worker that stays up between decks: starting one costs about a second under tsx (it
 * loads tsx, pptxgenjs and JSZip), which dominated a 100-deck portfolio export when each deck had
 * its own. Renders run one at a time in request order. A worker that errors, exits or times out
 * is terminated and the next render starts a fresh one, so a crash cannot poison later decks.
 * While idle the worker is unref'd, so it never keeps a CLI process alive.
 * @example const worker = createDeckRenderWorker(); const bytes = await worker.render(document);
 */
export function createDeckRenderWorker(options: RenderInWorkerOptions = {}): DeckRenderWorker {
  const url = options.workerUrl ?? defaultWorkerUrl();
  const queue: PendingRender[] = [];
  let worker: Worker | null = null;
  let active: { request: PendingRender; id: number; timer: NodeJS.Timeout } | null = null;
  let nextId = 1;

  const start = (): Worker => {
    const started = url.pathname.endsWith('.ts') ? startTypeScriptWorker(url) : new Worker(url);
    started.on('message', (response: RenderResponse) => {
      if (!active || response.id !== active.id) return;
      if (response.ok) settle(Buffer.from(response.bytes.buffer, response.bytes.byteOffset, response.bytes.byteLength));
      else settle(new DeckRenderError(response.error.code, response.error.message));
    });
    started.on('error', (error) => fail(started, new DeckRenderError('worker_failed', error.message)));
    started.on('exit', (code) => fail(started, new DeckRenderError('worker_failed', `The render worker stopped (exit code ${code})`)));
    return started;
  };

  /** The worker died or hung: drop it, fail the render in flight, carry on with a new worker. */
  const fail = (failed: Worker, error: Error): void => {
    if (failed !== worker) return;
    worker = null;
    failed.removeAllListeners();
    void failed.terminate();
    settle(error);
  };

  const settle = (result: Buffer | Error): void => {
    if (!active) return;
    const { request, timer } = active;
    clearTimeout(timer);
    active = null;
    if (result instanceof Error) request.reject(result);
    else request.resolve(result);
    pump();
  };

  const pump = (): void => {
    if (active) return;
    const request = queue.shift();
    if (!request) {
      worker?.unref();
      return;
    }
    worker ??= start();
    worker.ref();
    const current = worker;
    const id = nextId++;
    const timer = setTimeout(() => fail(current, new DeckRenderError('worker_failed', 'Rendering the deck took too long')), options.timeoutMs ?? 60_000);
    active = { request, id, timer };
    current.postMessage({ id, document: request.document } satisfies RenderRequest);
  };

  return {
    render: (document) =>
      new Promise<Buffer>((resolve, reject) => {
        queue.push({ document, resolve, reject });
        pump();
      }),
    warm() {
      if (worker) return;
      worker = start();
      if (!active) worker.unref();
    },
    async close() {
      const closing = worker;
      worker = null;
      if (closing) {
        closing.removeAllListeners();
        await closing.terminate();
      }
      settle(new DeckRenderError('worker_failed', 'The render worker was closed'));
      for (const request of queue.splice(0)) request.reject(new DeckRenderError('worker_failed', 'The render worker was closed'));
    },
  };
}

let sharedWorker: DeckRenderWorker | null = null;

/**
 * Renders a deck on the process's shared, long-lived worker thread so the caller's event loop
 * (Electron's main process) stays responsive; see createDeckRenderWorker.
 * @example const bytes = await renderDeckInWorker(document);
 */
export function renderDeckInWorker(document: DeckDocument, options: RenderInWorkerOptions = {}): Promise<Buffer> {
  // A custom worker script or timeout gets its own worker; everyone else shares one.
  if (options.workerUrl || options.timeoutMs) {
    const worker = createDeckRenderWorker(options);
    return worker.render(document).finally(() => void worker.close());
  }
  sharedWorker ??= createDeckRenderWorker();
  return sharedWorker.render(document);
}

/**
 * Starts the shared render thread ahead of the first deck (the desktop app and the harness when a
 * workspace opens, `qbr deck` before it plans). Not under tsx or vitest, where a thread spends a
 * second compiling its modules and warming would only slow tests down.
 */
export function warmDeckRenderWorker(): void {
  if (import.meta.url.endsWith('.ts')) return;
  sharedWorker ??= createDeckRenderWorker();
  sharedWorker.warm();
}
