import type { ExportTableKey } from '../../../shared/api/schemas/workspace-export-schemas';

/** What each table of an export holds, as the import preview and export summary name it. */
export const EXPORT_TABLE_LABELS: Record<ExportTableKey, string> = {
  accounts: 'Accounts',
  revenueStreams: 'Revenue streams',
  stakeholders: 'Stakeholders',
  assessments: 'Assessments',
  goals: 'Goals',
  metricObservations: 'Monthly metric values',
  decks: 'Deck records',
  commitments: 'Commitments',
  deckDrafts: 'Deck drafts',
  settings: 'Settings',
  auditLog: 'Audit log entries',
};
