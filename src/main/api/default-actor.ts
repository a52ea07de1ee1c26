import os from 'node:os';

/**
 * The named user writes are recorded as (audit log) when nobody said: QBR_USER, else the OS
 * account's name. Identities are plain names for now; see the README's team workspace section.
 */
export function defaultActor(): string {
  const named = process.env.QBR_USER?.trim();
  if (named) return named;
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
