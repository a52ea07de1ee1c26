import { describe, expect, it } from 'vitest';
import { fileNameFromPath, importSourceFor } from '../../../src/renderer/src/metrics-import/import-file-choice';

describe('what "Choose CSV file…" does with the open dialog’s answer', () => {
  it('a chosen path is previewed from the path (streamed by the backend), named after the file', () => {
    expect(importSourceFor({ path: '/home/ana/exports/riverbend-2030.csv', dialogsAvailable: true })).toEqual({
      action: 'preview',
      source: { kind: 'path', path: '/home/ana/exports/riverbend-2030.csv' },
      fileName: 'riverbend-2030.csv',
    });
  });

  it('cancelling the dialog does nothing', () => {
    expect(importSourceFor({ path: null, dialogsAvailable: true })).toEqual({ action: 'nothing' });
    expect(importSourceFor({ path: '  ', dialogsAvailable: true })).toEqual({ action: 'nothing' });
  });

  it('without native dialogs (browser harness) the file input is used instead', () => {
    expect(importSourceFor({ path: null, dialogsAvailable: false })).toEqual({ action: 'pick-file' });
  });
});

describe('file name from a path', () => {
  it('takes the last part of POSIX and Windows paths', () => {
    expect(fileNameFromPath('/tmp/metrics.csv')).toBe('metrics.csv');
    expect(fileNameFromPath('C:\\Users\\ana\\Q1 export.txt')).toBe('Q1 export.txt');
    expect(fileNameFromPath('\\\\server\\share\\big.csv')).toBe('big.csv');
    expect(fileNameFromPath('plain.csv')).toBe('plain.csv');
  });
});
