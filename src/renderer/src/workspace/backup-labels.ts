import type { BackupEntryDto } from '../../../shared/api/schemas/workspace-schemas';

/** Why a backup exists, as the backups list says it. */
export const BACKUP_REASON_LABELS: Record<BackupEntryDto['reason'], string> = {
  manual: 'Backed up by you',
  'pre-migration': 'Before an app upgrade',
  'pre-import': 'Before an import',
  'before-restore': 'Kept aside before a restore',
};

// Seconds are shown: two backups made in the same minute must not look identical.
const backupTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** When a backup was made, in local time. */
export function formatBackupTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  return Number.isNaN(date.getTime()) ? isoTimestamp : backupTimeFormat.format(date);
}

/** A file size for people: "812 KB", "3.4 MB". */
export function formatFileSize(sizeBytes: number): string {
  if (sizeBytes < 1024) return `${sizeBytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = sizeBytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString(undefined, { maximumFractionDigits: value < 10 ? 1 : 0 })} ${units[unit]}`;
}

/** One line describing a backup: "12 Mar 2026, 10:04:05 · Backed up by you · 812 KB". */
export function describeBackup(backup: BackupEntryDto): string {
  return `${formatBackupTime(backup.createdAt)} · ${BACKUP_REASON_LABELS[backup.reason]} · ${formatFileSize(backup.sizeBytes)}`;
}
