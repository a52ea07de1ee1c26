import { parentPort } from 'node:worker_threads';
import { deckDocumentSchema } from '../../shared/deck/deck-document';
import { renderDeck } from './render-deck';

/*
 * Worker-thread entry: renders one document per message, so a big deck never blocks the Electron
 * main process. Messages in: { id, document }. Messages out: { id, ok: true, bytes } (the buffer
 * is transferred, not copied) or { id, ok: false, error: { code, message } }.
 */

/** A render request. */
export interface RenderRequest {
  id: number;
  document: unknown;
}

/** A render result; errors cross the thread boundary as data. */
export type RenderResponse = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; error: { code: 'invalid_document' | 'render_failed'; message: string } };

parentPort?.on('message', async (request: RenderRequest) => {
  const port = parentPort!;
  const parsed = deckDocumentSchema.safeParse(request.document);
  if (!parsed.success) {
    port.postMessage({ id: request.id, ok: false, error: { code: 'invalid_document', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') } } satisfies RenderResponse);
    return;
  }
  try {
    const buffer = await renderDeck(parsed.data);
    // Transfer only a buffer we own outright (a pooled Buffer shares its ArrayBuffer with others).
    const owned = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
    const bytes = owned ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer);
    port.postMessage({ id: request.id, ok: true, bytes } satisfies RenderResponse, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ id: request.id, ok: false, error: { code: 'render_failed', message: error instanceof Error ? error.message : String(error) } } satisfies RenderResponse);
  }
});
