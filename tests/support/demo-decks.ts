import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { deckSlideTexts, type SlideText } from './deck-text';
import { openTempBackend } from './temp-backend';

type Env = Awaited<ReturnType<typeof openTempBackend>>;
type Call = Env['backend']['client']['call'];

/**
 * A temp backend with the demo portfolio loaded before the file's tests (then `ready`, if given)
 * and removed after them. `call` reaches it once it is open.
 * @example const demo = useDemoBackend(); it('…', async () => { await demo.call('accounts.list', {}); });
 */
export function useDemoBackend(ready?: (demo: { call: Call; dir: string }) => Promise<void>, timeoutMs = 120_000): { call: Call; readonly dir: string } {
  let env: Env | undefined;
  const demo = {
    call: ((...args) => env!.backend.client.call(...args)) as Call,
    get dir() {
      return env!.dir;
    },
  };
  beforeAll(async () => {
    env = await openTempBackend();
    await demo.call('demo.load', {});
    await ready?.(demo);
  }, timeoutMs);
  afterAll(async () => env?.cleanup());
  return demo;
}

export interface RoomDeck {
  account: string;
  slides: SlideText[];
  reportMonth: string | null;
}

/** Each demo account's QBR for its mapped room (the first four roles of its stakeholders), as slide texts. */
export async function demoRoomDecks(demo: { call: Call; dir: string }): Promise<RoomDeck[]> {
  const decks: RoomDeck[] = [];
  for (const account of await demo.call('accounts.list', {})) {
    const audience = [...new Set((await demo.call('stakeholders.list', { accountId: account.id })).map((person) => person.archetype))].slice(0, 4);
    const filePath = path.join(demo.dir, `${account.id}-room.pptx`);
    await demo.call('decks.export', { accountId: account.id, audience, deckType: 'qbr', filePath, overwrite: true });
    decks.push({ account: account.name, slides: await deckSlideTexts(filePath), reportMonth: account.latestMetricMonth });
  }
  return decks;
}

/** Every demo account's QBR as the portfolio export writes them (audience "auto"), by file name. */
export async function demoPortfolioDecks(demo: { call: Call; dir: string }): Promise<{ file: string; slides: SlideText[] }[]> {
  const outDir = path.join(demo.dir, 'auto');
  const { jobId } = await demo.call('decks.exportPortfolio', { audience: 'auto', deckType: 'qbr', outDir, overwrite: true, createFolder: true });
  while ((await demo.call('decks.jobProgress', { jobId })).state === 'running') await new Promise((resolve) => setTimeout(resolve, 50));
  const files = fs.readdirSync(outDir).filter((name) => name.endsWith('.pptx'));
  return Promise.all(files.map(async (file) => ({ file, slides: await deckSlideTexts(path.join(outDir, file)) })));
}
