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

/**
 * Renders a deck on a worker thread so the caller's event loop (Electron's main process) stays
 * responsive. One short-lived worker per deck: simple, and a crash cannot poison the next render.
 * @example const bytes = await renderDeckInWorker(document);
 */
export function renderDeckInWorker(document: DeckDocument, options: RenderInWorkerOptions = {}): Promise<Buffer> {
  const url = options.workerUrl ?? defaultWorkerUrl();
  const worker = url.pathname.endsWith('.ts') ? startTypeScriptWorker(url) : new Worker(url);
  return new Promise<Buffer>((resolve, reject) => {
    const timer = setTimeout(() => finish(new DeckRenderError('worker_failed', 'Rendering the deck took too long')), options.timeoutMs ?? 60_000);
    const finish = (result: Buffer | Error): void => {
      clearTimeout(timer);
      worker.removeAllListeners();
      void worker.terminate();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    worker.once('message', (response: RenderResponse) => {
      if (response.ok) finish(Buffer.from(response.bytes.buffer, response.bytes.byteOffset, response.bytes.byteLength));
      else finish(new DeckRenderError(response.error.code, response.error.message));
    });
    worker.once('error', (error) => finish(new DeckRenderError('worker_failed', error.message)));
    worker.once('exit', (code) => finish(new DeckRenderError('worker_failed', `The render worker stopped (exit code ${code})`)));
    worker.postMessage({ id: 1, document } satisfies RenderRequest);
  });
}
