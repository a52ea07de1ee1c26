import { describe, expect, it } from 'vitest';
import { formatFileSize } from '../../../src/renderer/src/workspace/backup-labels';
import { fileNameOf, siblingPath, stemOf } from '../../../src/renderer/src/workspace/file-path';
import { pathProblem } from '../../../src/renderer/src/workspace/path-problem';

describe('typed workspace paths', () => {
  it('accepts the absolute paths the backend accepts and explains the rest', () => {
    expect(pathProblem('/Users/ana/client.sqlite')).toBeNull();
    expect(pathProblem('C:\\Users\\ana\\client.sqlite')).toBeNull();
    expect(pathProblem('\\\\server\\share\\client.sqlite')).toBeNull();
    expect(pathProblem('  ')).toBe('Type the full path of the file.');
    expect(pathProblem('client.sqlite')).toMatch(/^Give the full path of the file, e\.g\./);
  });

  it('suggests sibling files in the same separator style', () => {
    expect(siblingPath('/w/acme.sqlite', `${stemOf('/w/acme.sqlite')}-export.json`)).toBe('/w/acme-export.json');
    expect(siblingPath('C:\\w\\acme.sqlite', 'b.sqlite')).toBe('C:\\w\\b.sqlite');
    expect(siblingPath('/acme.sqlite', 'b.sqlite')).toBe('/b.sqlite');
    expect(fileNameOf('C:\\w\\acme.sqlite')).toBe('acme.sqlite');
  });
});

describe('backup sizes', () => {
  it('reads as bytes, KB or MB', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(98_304)).toBe('96 KB');
    expect(formatFileSize(3.4 * 1024 * 1024)).toBe('3.4 MB');
  });
});
