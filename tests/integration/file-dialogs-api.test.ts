import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../src/main/api/api-handlers';
import { createBackendClient, type BackendClient } from '../../src/main/api/backend-client';
import { createDispatcher } from '../../src/main/api/dispatch';
import type { HandlerDeps } from '../../src/main/api/handler-deps';
import type { HostServices } from '../../src/main/api/host/host-services';
import { FIXED_NOW, openTempBackend, sequentialIds } from '../support/temp-backend';

/*
 * files.chooseSavePath / files.chooseOpenPath: the host's native dialogs when there are some, a typed
 * not_available everywhere else (no host services, or the browser harness even if some were given).
 */

type Ctx = Awaited<ReturnType<typeof openTempBackend>>;

/** A stand-in for Electron's dialogs that records what it was asked and answers `answer`. */
function fakeDialogs(answer: string | null) {
  const asked: { kind: 'open' | 'save'; options: unknown }[] = [];
  const services: HostServices = {
    chooseFileToOpen: async (options) => (asked.push({ kind: 'open', options }), answer),
    chooseFileToSave: async (options) => (asked.push({ kind: 'save', options }), answer),
  };
  return { services, asked };
}

describe('file dialog methods', () => {
  let ctx: Ctx;
  const clientWith = (deps: Partial<HandlerDeps>): BackendClient =>
    createBackendClient(
      createDispatcher(
        createApiHandlers({ workspace: ctx.backend.workspace, now: () => FIXED_NOW, newId: sequentialIds(), appVersion: 'test', transport: 'direct', ...deps }),
        () => {},
      ),
    );
  const deckDialog = { title: 'Save deck', defaultPath: '/home/csm/decks/riverbend-qbr.pptx', filters: [{ name: 'PowerPoint presentation', extensions: ['pptx'] }] };

  beforeEach(async () => {
    ctx = await openTempBackend();
  });
  afterEach(async () => {
    await ctx.cleanup();
  });

  it('answers not_available when the backend has no host services (CLI, tests)', async () => {
    const client = clientWith({});
    await expect(client.call('files.chooseSavePath', deckDialog)).rejects.toMatchObject({ code: 'not_available' });
    await expect(client.call('files.chooseOpenPath', { title: 'Read a template' })).rejects.toMatchObject({ code: 'not_available' });
  });

  it('answers not_available in the browser harness even when host services are present', async () => {
    const { services, asked } = fakeDialogs('/tmp/x.pptx');
    const client = clientWith({ transport: 'web-harness', hostServices: services });
    await expect(client.call('files.chooseSavePath', deckDialog)).rejects.toMatchObject({ code: 'not_available' });
    await expect(client.call('files.chooseOpenPath', deckDialog)).rejects.toMatchObject({ code: 'not_available' });
    expect(asked).toEqual([]);
  });

  it('returns the path chosen in the native save dialog, passing title, default path and filters through', async () => {
    const { services, asked } = fakeDialogs('/home/csm/decks/final.pptx');
    const client = clientWith({ transport: 'electron', hostServices: services });
    expect(await client.call('files.chooseSavePath', deckDialog)).toEqual({ path: '/home/csm/decks/final.pptx' });
    expect(asked).toEqual([{ kind: 'save', options: { title: 'Save deck', defaultName: '/home/csm/decks/riverbend-qbr.pptx', filters: deckDialog.filters } }]);
  });

  it('returns the path chosen in the native open dialog', async () => {
    const { services, asked } = fakeDialogs('/home/csm/brand/template.pptx');
    const client = clientWith({ transport: 'electron', hostServices: services });
    const filters = [{ name: 'PowerPoint', extensions: ['pptx', 'potx'] }];
    expect(await client.call('files.chooseOpenPath', { title: 'Company template', filters })).toEqual({ path: '/home/csm/brand/template.pptx' });
    expect(asked).toEqual([{ kind: 'open', options: { title: 'Company template', filters } }]);
  });

  it('returns null when the person cancels the dialog', async () => {
    const client = clientWith({ transport: 'electron', hostServices: fakeDialogs(null).services });
    expect(await client.call('files.chooseSavePath', deckDialog)).toEqual({ path: null });
    expect(await client.call('files.chooseOpenPath', { title: 'Open' })).toEqual({ path: null });
  });

  it('refuses filters with dotted extensions before any dialog opens', async () => {
    const { services, asked } = fakeDialogs('/tmp/x');
    const client = clientWith({ transport: 'electron', hostServices: services });
    await expect(client.call('files.chooseOpenPath', { title: 'Open', filters: [{ name: 'Decks', extensions: ['.pptx'] }] })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(asked).toEqual([]);
  });
});
