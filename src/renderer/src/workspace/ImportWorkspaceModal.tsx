import { Alert, Button, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { FormEvent } from 'react';
import { EXPORT_TABLE_KEYS, type ImportMode, type ImportPreview, type MergeConflictRule } from '../../../shared/api/schemas/workspace-export-schemas';
import { useFileDialogsStore } from '../api/file-dialogs';
import { ChoiceGroup, type Choice } from '../ui/ChoiceGroup';
import { EXPORT_TABLE_LABELS } from './export-table-labels';
import { DialogFooter } from '../ui/DialogFooter';
import { FilePathInput } from './FilePathInput';
import { PreviewRowsTable, type PreviewColumn } from './PreviewRowsTable';
import { useWorkspaceImportStore } from './workspace-import-store';

const MODE_CHOICES: readonly Choice<ImportMode>[] = [
  { value: 'merge', label: 'Merge', description: 'Add what is new and update records with the same id (see below for records changed on both sides); keep everything else here.' },
  { value: 'replace', label: 'Replace', description: 'This workspace becomes exactly the file: records not in it are removed.' },
];

const CONFLICT_CHOICES: readonly Choice<MergeConflictRule>[] = [
  { value: 'keep-newer', label: 'Keep the newer copy', description: 'Compare when each was last changed; an account deleted here since stays deleted.' },
  { value: 'take-file', label: "Take the file's copy", description: "The file wins even where this workspace's record is newer; deleted accounts come back." },
];

/** Import from JSON: choose the file and merge or replace, see what would change per table, then import. */
export function ImportWorkspaceModal() {
  const { opened, path, mode, conflicts, pathError, preview, formError, busy, close, setPath, choosePath, setMode, setConflicts, previewChanges, importNow } =
    useWorkspaceImportStore();
  const noDialogs = useFileDialogsStore((state) => state.unavailableReason);
  const blocked = preview !== null && preview.problems.length > 0;

  function handlePreview(event: FormEvent) {
    event.preventDefault();
    void previewChanges();
  }

  function handleImport() {
    if (!preview || blocked) return;
    if (mode === 'merge') {
      void importNow();
      return;
    }
    const removed = EXPORT_TABLE_KEYS.reduce((sum, key) => sum + preview.tables[key].removed, 0);
    modals.openConfirmModal({
      title: 'Replace this workspace?',
      children: (
        <Text size="sm" data-testid="replace-consequence">
          Everything in this workspace becomes exactly what the file holds
          {removed > 0 ? `; ${removed.toLocaleString()} records not in it will be removed` : ''}. A backup of the workspace is made first, so you
          can restore it from the Backups list.
        </Text>
      ),
      labels: { confirm: 'Replace workspace', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => void importNow(),
    });
  }

  return (
    <Modal opened={opened} onClose={close} title="Import from JSON" size="xl" centered>
      <Stack gap="md">
        <form onSubmit={handlePreview} noValidate aria-label="Import file">
          <Stack gap="md">
            <Group align="flex-end" gap="sm" wrap="nowrap">
              <FilePathInput
                label="Export file"
                description="The full path of a workspace export (.json) made by QBR Workbench."
                placeholder="/Users/you/Documents/client-export.json"
                value={path}
                onChange={setPath}
                error={pathError}
                autofocus
              />
              {!noDialogs && (
                <Button variant="default" onClick={() => void choosePath()} mb={pathError ? 22 : 0}>
                  Choose…
                </Button>
              )}
            </Group>
            <ChoiceGroup label="How to import" value={mode} onChange={setMode} choices={MODE_CHOICES} columns={2} testId="import-mode" />
            {mode === 'merge' && (
              <ChoiceGroup label="When both have a record and they differ" value={conflicts} onChange={setConflicts} choices={CONFLICT_CHOICES} columns={2} testId="import-conflicts" />
            )}
            <Group justify="flex-end">
              <Button type="submit" variant={preview ? 'default' : 'filled'} loading={busy === 'previewing'} disabled={busy === 'importing'}>
                Preview changes
              </Button>
            </Group>
          </Stack>
        </form>

        {preview && <ImportPreviewTable preview={preview} />}
        <DialogFooter error={formError} errorTitle="The import did not go through" onCancel={close} cancelDisabled={busy === 'importing'}>
          <Button onClick={handleImport} disabled={!preview || blocked || busy === 'previewing'} loading={busy === 'importing'} color={mode === 'replace' ? 'red' : undefined}>
            {mode === 'replace' ? 'Replace workspace…' : 'Import'}
          </Button>
        </DialogFooter>
      </Stack>
    </Modal>
  );
}

type RowChange = ImportPreview['rowChanges'][number];

const ROW_CHANGE_COLUMNS: readonly PreviewColumn<RowChange>[] = [
  {
    header: 'Record',
    cell: (row) => (
      <>
        {EXPORT_TABLE_LABELS[row.table]}: {row.label}
      </>
    ),
  },
  { header: 'Change', cell: (row) => (row.change === 'revive' ? 'Deleted here since' : 'Edited on both') },
  { header: 'In the file', cell: (row) => row.fileUpdatedAt.slice(0, 16).replace('T', ' ') },
  { header: 'Here', cell: (row) => row.workspaceUpdatedAt.slice(0, 16).replace('T', ' ') },
  { header: 'Import will', td: { fw: 600 }, cell: (row) => (row.resolution === 'take-file' ? "Take the file's" : 'Keep this one') },
];

/** Every existing row the merge would overwrite, revive or keep, and what it does with it. */
function RowChangesTable({ preview }: { preview: ImportPreview }) {
  return (
    <Stack gap={4} data-testid="import-row-changes">
      <Text size="sm" fw={600}>
        Records both have that differ
      </Text>
      <Text size="xs" c="dimmed">
        {preview.conflicts === 'keep-newer'
          ? 'By default the newer copy wins, compared by when each was last changed, and an account deleted here since stays deleted.'
          : "The file's copy wins for every record below, even where this workspace's is newer; deleted accounts come back."}
      </Text>
      <PreviewRowsTable
        label="Records both have that differ"
        columns={ROW_CHANGE_COLUMNS}
        rows={preview.rowChanges}
        rowKey={(row) => `${row.table}/${row.key}`}
        rowAttributes={(row) => ({ 'data-resolution': row.resolution })}
        dense
        minWidth={560}
        maxHeight={240}
        omitted={preview.rowChangesOmitted}
      />
    </Stack>
  );
}

function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const showRemoved = preview.mode === 'replace';
  return (
    <Stack gap="sm" data-testid="import-preview">
      <Text size="sm" fw={600}>
        {preview.mode === 'replace' ? 'Replacing this workspace with the file would change:' : 'Merging the file into this workspace would change:'}
      </Text>
      <Table verticalSpacing={4} withTableBorder aria-label="Changes per table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Table</Table.Th>
            <Table.Th ta="right">Added</Table.Th>
            <Table.Th ta="right">Updated</Table.Th>
            {!showRemoved && <Table.Th ta="right">Kept (newer here)</Table.Th>}
            <Table.Th ta="right">Unchanged</Table.Th>
            {showRemoved && <Table.Th ta="right">Removed</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ fontVariantNumeric: 'tabular-nums' }}>
          {EXPORT_TABLE_KEYS.map((key) => {
            const change = preview.tables[key];
            return (
              <Table.Tr key={key} data-table={key}>
                <Table.Th scope="row" fw={500}>
                  {EXPORT_TABLE_LABELS[key]}
                </Table.Th>
                <Table.Td ta="right">{change.added.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{change.updated.toLocaleString()}</Table.Td>
                {!showRemoved && <Table.Td ta="right">{change.kept.toLocaleString()}</Table.Td>}
                <Table.Td ta="right" c="dimmed">
                  {change.unchanged.toLocaleString()}
                </Table.Td>
                {showRemoved && (
                  <Table.Td ta="right" c={change.removed > 0 ? 'red.7' : undefined} fw={change.removed > 0 ? 600 : undefined}>
                    {change.removed.toLocaleString()}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {preview.rowChanges.length > 0 && <RowChangesTable preview={preview} />}
      {preview.problems.length > 0 && (
        <Alert color="red" variant="light" title="This file can't be imported as it is">
          <List size="sm">
            {preview.problems.map((problem) => (
              <List.Item key={problem}>{problem}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
