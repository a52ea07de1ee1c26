import type { AuditEntry } from '../../../shared/api/schemas/audit-schemas';

/*
 * How the activity list words an audit entry: the method as a verb phrase, the row by its kind
 * and name, the fields as words. Pure, so the wording is tested without a browser.
 */

const ROW_KINDS: Record<string, string> = {
  accounts: 'Account',
  revenueStreams: 'Revenue stream',
  stakeholders: 'Stakeholder',
  goals: 'Goal',
  commitments: 'Commitment',
  users: 'User',
};

const VERBS: Record<string, string> = {
  create: 'Added',
  update: 'Changed',
  delete: 'Deleted',
  restore: 'Restored',
  setOwner: 'Changed owner',
  add: 'Added',
  rename: 'Renamed',
};

/** 'stakeholders.update' → 'Changed'. */
export function activityVerb(method: string): string {
  const verb = method.slice(method.lastIndexOf('.') + 1);
  return VERBS[verb] ?? method;
}

/** 'Stakeholder "Dana Ruiz"'; the id when the entry predates row names. */
export function activityRow(entry: Pick<AuditEntry, 'tableName' | 'rowLabel' | 'rowId'>): string {
  const kind = ROW_KINDS[entry.tableName] ?? entry.tableName;
  return `${kind} "${entry.rowLabel ?? entry.rowId}"`;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** When a change was saved, in the local time zone: 'Nov 15, 2026, 10:00 AM'. */
export function activityTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  return Number.isNaN(date.getTime()) ? isoTimestamp : timeFormat.format(date);
}

/** ['renewalDate', 'notes'] → 'renewal date, notes'; '' when none. */
export function activityFields(fields: readonly string[]): string {
  return fields.map((field) => field.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`)).join(', ');
}
