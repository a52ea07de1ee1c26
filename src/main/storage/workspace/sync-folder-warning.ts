/**
 * Why a workspace location is risky: SQLite's WAL needs shared memory and byte-range locks that
 * cloud-sync clients and network file systems do not honour, and a sync client may upload the
 * main file without its -wal (or two machines may edit at once), which can corrupt it or lose work.
 */
export interface SyncFolderWarning {
  kind: 'cloud-sync' | 'network';
  /** The service or share type recognised, e.g. "Dropbox", "OneDrive", "network share". */
  provider: string;
  message: string;
}

interface Rule {
  provider: string;
  kind: SyncFolderWarning['kind'];
  /** Tested against the path with forward slashes, lower-cased. */
  test: (normalised: string, segments: string[]) => boolean;
}

const segmentIs = (...names: string[]) => (_: string, segments: string[]) => segments.some((s) => names.includes(s));
const segmentStarts = (...prefixes: string[]) => (_: string, segments: string[]) => segments.some((s) => prefixes.some((p) => s.startsWith(p)));

const RULES: Rule[] = [
  // Windows and macOS UNC shares: \\server\share or //server/share.
  { provider: 'network share', kind: 'network', test: (n) => /^\/\/[^/]+\/[^/]+/.test(n) },
  // Linux and macOS network mounts: gvfs (GNOME), autofs /net, and conventional /mnt/<smb|nfs|cifs…> mount points.
  { provider: 'network share', kind: 'network', test: (n) => /\/gvfs\/(smb|sftp|ftp|dav|afp|nfs)/.test(n) || /^\/net\//.test(n) },
  { provider: 'network share', kind: 'network', test: (n) => /^\/(mnt|media|volumes)\/(smb|nfs|cifs|afp|webdav|share|shares|network|nas)[^/]*(\/|$)/.test(n) },
  { provider: 'network share', kind: 'network', test: (n) => /^\/volumes\/[^/]+\.(smb|afp|nfs)(\/|$)/.test(n) },
  // macOS File Provider: ~/Library/CloudStorage/<Provider>-<account>.
  { provider: 'OneDrive', kind: 'cloud-sync', test: (n) => /\/library\/cloudstorage\/onedrive/.test(n) },
  { provider: 'Google Drive', kind: 'cloud-sync', test: (n) => /\/library\/cloudstorage\/googledrive/.test(n) },
  { provider: 'Dropbox', kind: 'cloud-sync', test: (n) => /\/library\/cloudstorage\/dropbox/.test(n) },
  { provider: 'Box', kind: 'cloud-sync', test: (n) => /\/library\/cloudstorage\/box/.test(n) },
  { provider: 'a cloud storage provider', kind: 'cloud-sync', test: (n) => /\/library\/cloudstorage\//.test(n) },
  { provider: 'iCloud Drive', kind: 'cloud-sync', test: (n) => n.includes('/library/mobile documents/') || n.includes('com~apple~clouddocs') },
  { provider: 'iCloud Drive', kind: 'cloud-sync', test: segmentIs('icloud drive', 'iclouddrive') },
  { provider: 'Dropbox', kind: 'cloud-sync', test: segmentStarts('dropbox') },
  // "OneDrive", "OneDrive - Contoso Health" (business accounts).
  { provider: 'OneDrive', kind: 'cloud-sync', test: segmentStarts('onedrive') },
  { provider: 'Google Drive', kind: 'cloud-sync', test: segmentIs('google drive', 'googledrive', 'my drive', 'shared drives') },
  { provider: 'Box', kind: 'cloud-sync', test: segmentIs('box', 'box sync', 'box drive') },
];

/**
 * A warning when `workspacePath` looks like it lives in a cloud-sync folder or on a network
 * share, else null. Pure: decides from the path text alone (a mapped network drive letter such
 * as Z:\ cannot be recognised this way).
 * @example syncFolderWarning('C:\\Users\\ana\\OneDrive - Contoso\\qbr.sqlite') // → { provider: 'OneDrive', … }
 */
export function syncFolderWarning(workspacePath: string): SyncFolderWarning | null {
  const normalised = workspacePath.replace(/\\/g, '/').toLowerCase();
  // The file name itself is not a folder; only the folders it sits in count.
  const segments = normalised.split('/').slice(0, -1);
  const rule = RULES.find((candidate) => candidate.test(normalised, segments));
  if (!rule) return null;
  const where = rule.kind === 'network' ? 'on a network share' : `in a folder synced by ${rule.provider}`;
  return {
    kind: rule.kind,
    provider: rule.provider,
    message:
      `This workspace is ${where}. SQLite workspaces can be damaged or lose recent changes when a sync client or ` +
      'network drive copies them while open. Keep the workspace on this computer\'s own disk and use Export or backups to move it.',
  };
}
