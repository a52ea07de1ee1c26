import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  NODE_ATOMIC_WRITE_FS,
  sweepTempFiles,
  TEMP_FILE_PREFIX,
  writeFileAtomic,
  type AtomicWriteFs,
} from '../../src/main/storage/files/atomic-write';
import { ApiFailure } from '../../src/shared/api/errors';
import { makeTempDir } from '../support/temp-backend';

/** The real file system, except that `rename` fails the way the named error code does. */
function failingRename(code: string): AtomicWriteFs {
  return {
    ...NODE_ATOMIC_WRITE_FS,
    rename: async () => {
      throw Object.assign(new Error(`${code}: simulated`), { code });
    },
  };
}

async function failureOf(promise: Promise<unknown>): Promise<ApiFailure> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiFailure);
  return error as ApiFailure;
}

describe('atomic file writes', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  const leftovers = () => fs.readdirSync(dir).filter((name) => name.startsWith(TEMP_FILE_PREFIX));

  it('writes a new file and replaces an existing one, leaving no temp file', async () => {
    const target = path.join(dir, 'deck.pptx');
    await writeFileAtomic(target, 'first');
    await writeFileAtomic(target, Buffer.from('second'));
    expect(fs.readFileSync(target, 'utf8')).toBe('second');
    expect(leftovers()).toEqual([]);
  });

  it.each([
    ['EBUSY', 'linux', 'file_locked'],
    ['EPERM', 'win32', 'file_locked'],
    ['EPERM', 'linux', 'file_not_writable'],
    ['EACCES', 'linux', 'file_not_writable'],
    ['EROFS', 'linux', 'file_not_writable'],
    ['ENOSPC', 'linux', 'disk_full'],
    ['EDQUOT', 'darwin', 'disk_full'],
  ] as const)('%s on %s becomes %s, the old file stays intact and the temp file is removed', async (code, platform, expected) => {
    const target = path.join(dir, 'q3-review.pptx');
    fs.writeFileSync(target, 'the deck the CSM already has');
    const error = await failureOf(writeFileAtomic(target, 'new deck', { fs: failingRename(code), platform }));
    expect(error.code).toBe(expected);
    expect(error.message).toContain('q3-review.pptx');
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(target, 'utf8')).toBe('the deck the CSM already has');
    expect(leftovers()).toEqual([]);
  });

  it('a full disk while writing the temp file also leaves the old file and no temp file', async () => {
    const target = path.join(dir, 'export.json');
    fs.writeFileSync(target, '{"old":true}');
    const full: AtomicWriteFs = {
      ...NODE_ATOMIC_WRITE_FS,
      writeFile: async (file, data) => {
        await NODE_ATOMIC_WRITE_FS.writeFile(file, String(data).slice(0, 3)); // a partial write, then the disk fills
        throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      },
    };
    expect((await failureOf(writeFileAtomic(target, '{"new":true}', { fs: full }))).code).toBe('disk_full');
    expect(fs.readFileSync(target, 'utf8')).toBe('{"old":true}');
    expect(leftovers()).toEqual([]);
  });

  it('a destination folder that does not exist is not_found; a folder as target is file_not_writable', async () => {
    expect((await failureOf(writeFileAtomic(path.join(dir, 'missing', 'x.json'), '{}'))).code).toBe('not_found');
    fs.mkdirSync(path.join(dir, 'a-folder'));
    expect(['file_not_writable', 'file_locked']).toContain((await failureOf(writeFileAtomic(path.join(dir, 'a-folder'), '{}'))).code);
    expect(leftovers()).toEqual([]);
  });

  it('sweeps temp files of dead writers, keeps those of live ones and every other file', async () => {
    const dead = path.join(dir, `${TEMP_FILE_PREFIX}999999-abcd1234-deck.pptx`);
    const deadJournal = `${dead}-journal`;
    const live = path.join(dir, `${TEMP_FILE_PREFIX}${process.pid}-abcd1234-export.json`);
    const unrelated = path.join(dir, 'notes.txt');
    for (const file of [dead, deadJournal, live, unrelated]) fs.writeFileSync(file, 'x');
    const result = await sweepTempFiles(dir, (pid) => pid === process.pid);
    expect(result.removed.sort()).toEqual([dead, deadJournal].sort());
    expect(result.skipped).toEqual([live]);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(live), 'notes.txt'].sort());
    expect(await sweepTempFiles(path.join(dir, 'no-such-folder'))).toEqual({ removed: [], skipped: [] });
  });
});
