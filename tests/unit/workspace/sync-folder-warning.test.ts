import { describe, expect, it } from 'vitest';
import { syncFolderWarning } from '../../../src/main/storage/workspace/sync-folder-warning';

describe('cloud-sync and network folder warning', () => {
  it.each([
    ['C:\\Users\\ana\\Dropbox\\clients\\acme.sqlite', 'Dropbox', 'cloud-sync'],
    ['/Users/ana/Dropbox (Contoso)/acme.sqlite', 'Dropbox', 'cloud-sync'],
    ['C:\\Users\\ana\\OneDrive\\Documents\\acme.sqlite', 'OneDrive', 'cloud-sync'],
    ['C:\\Users\\ana\\OneDrive - Contoso Health\\QBR\\acme.sqlite', 'OneDrive', 'cloud-sync'],
    ['/Users/ana/Library/CloudStorage/OneDrive-ContosoHealth/acme.sqlite', 'OneDrive', 'cloud-sync'],
    ['/Users/ana/Library/CloudStorage/GoogleDrive-ana@contoso.com/My Drive/acme.sqlite', 'Google Drive', 'cloud-sync'],
    ['/Users/ana/Library/CloudStorage/Box-Box/acme.sqlite', 'Box', 'cloud-sync'],
    ['/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/acme.sqlite', 'iCloud Drive', 'cloud-sync'],
    ['C:\\Users\\ana\\iCloudDrive\\acme.sqlite', 'iCloud Drive', 'cloud-sync'],
    ['G:\\My Drive\\clients\\acme.sqlite', 'Google Drive', 'cloud-sync'],
    ['C:\\Users\\ana\\Box\\acme.sqlite', 'Box', 'cloud-sync'],
    ['\\\\fileserver\\cs-team\\acme.sqlite', 'network share', 'network'],
    ['//nas.local/share/acme.sqlite', 'network share', 'network'],
    ['/mnt/smb/clients/acme.sqlite', 'network share', 'network'],
    ['/mnt/nfs-home/acme.sqlite', 'network share', 'network'],
    ['/run/user/1000/gvfs/smb-share:server=nas,share=cs/acme.sqlite', 'network share', 'network'],
    ['/net/fileserver/acme.sqlite', 'network share', 'network'],
    ['/Volumes/share/acme.sqlite', 'network share', 'network'],
  ] as const)('%s → %s', (file, provider, kind) => {
    const warning = syncFolderWarning(file);
    expect(warning).toMatchObject({ provider, kind });
    expect(warning?.message).toMatch(/Keep the workspace on this computer/);
  });

  it.each([
    'C:\\Users\\ana\\Documents\\QBR\\acme.sqlite',
    '/home/ana/qbr/acme.sqlite',
    '/Users/ana/Library/Application Support/QBR Workbench/workspace.sqlite',
    '/home/ana/projects/dropbox-notes.sqlite', // the file name is not a folder
    '/home/ana/boxes/acme.sqlite',
    '/mnt/data/acme.sqlite',
    '/tmp/qbr-test-x/workspace.sqlite',
  ])('%s → no warning', (file) => {
    expect(syncFolderWarning(file)).toBeNull();
  });
});
