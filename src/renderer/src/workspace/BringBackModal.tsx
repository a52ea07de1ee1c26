import { Alert, Badge, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import type { BringBackPreview, BringBackRow, BringBackStatus, KeepChoice } from '../../../shared/api/schemas/offline-schemas';
import { DialogFooter } from '../ui/DialogFooter';
import { FilePathInput } from './FilePathInput';
import { PreviewRowsTable, type PreviewColumn } from './PreviewRowsTable';
import { useOfflineStore } from './offline-store';

const STATUS: Record<BringBackStatus, { label: string; color: string; outcome: string }> = {
  conflict: { label: 'Conflict', color: 'red', outcome: 'Your choice' },
  'changed-here': { label: 'Changed here', color: 'blue', outcome: 'Will be written' },
  'added-here': { label: 'New here', color: 'teal', outcome: 'Will be added' },
  'deleted-here': { label: 'Deleted here', color: 'orange', outcome: 'Will be removed' },
  'changed-there': { label: 'Changed on the server', color: 'gray', outcome: "Server's copy kept" },
  unchanged: { label: 'Unchanged', color: 'gray', outcome: '' },
};

/** Bring back a laptop file: which file, every changed row, keep mine / keep theirs for each conflict, then write. */
export function BringBackModal() {
  const { opened, path, pathError, formError, busy, preview, choices } = useOfflineStore((state) => state.bringBack);
  const { closeBringBack, setBringBackPath, previewBringBack, choose, chooseAll, bringBackNow } = useOfflineStore.getState();
  const conflicts = preview?.rows.filter((row) => row.status === 'conflict') ?? [];
  const settled = conflicts.filter((row) => choices[row.key] !== undefined).length;
  const nothing = preview !== null && preview.rows.length === 0;

  function handlePreview(event: FormEvent) {
    event.preventDefault();
    void previewBringBack();
  }

  return (
    <Modal opened={opened} onClose={closeBringBack} title="Bring back a laptop file" size="80rem" centered>
      <Stack gap="md">
        <form onSubmit={handlePreview} noValidate aria-label="Laptop file">
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <FilePathInput
              label="Laptop file"
              description="The full path of a file made by Take accounts offline from this workspace."
              placeholder="/Users/you/Documents/laptop.qbr"
              value={path}
              onChange={setBringBackPath}
              error={pathError}
              autofocus
            />
            <Button type="submit" variant={preview ? 'default' : 'filled'} loading={busy === 'previewing'} disabled={busy === 'applying'} mb={pathError ? 22 : 0}>
              Preview changes
            </Button>
          </Group>
        </form>

        {preview && <PreviewSummary preview={preview} />}
        {nothing && (
          <Alert color="gray" variant="light" title="Nothing to bring back" data-testid="bring-back-empty">
            Nothing changed in this file since it was taken out, so there is nothing to write.
          </Alert>
        )}
        {preview && conflicts.length > 0 && (
          <Group justify="space-between" data-testid="conflict-tools">
            <Text size="sm" fw={600} role="status">
              {settled} of {conflicts.length} conflict{conflicts.length === 1 ? '' : 's'} settled
            </Text>
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => chooseAll('mine')}>
                Keep all mine
              </Button>
              <Button size="xs" variant="default" onClick={() => chooseAll('theirs')}>
                Keep all theirs
              </Button>
            </Group>
          </Group>
        )}
        {preview && preview.rows.length > 0 && <RowsTable rows={preview.rows} omitted={preview.rowsOmitted} choices={choices} onChoose={choose} />}
        <DialogFooter error={formError} errorTitle="Nothing was brought back" onCancel={closeBringBack} cancelDisabled={busy === 'applying'}>
          <Button onClick={() => void bringBackNow()} disabled={!preview || nothing || settled < conflicts.length || busy === 'previewing'} loading={busy === 'applying'}>
            Bring back
          </Button>
        </DialogFooter>
      </Stack>
    </Modal>
  );
}

function PreviewSummary({ preview }: { preview: BringBackPreview }) {
  const c = preview.counts;
  return (
    <Stack gap={2} data-testid="bring-back-summary">
      <Text size="sm">
        Taken out of{' '}
        <Text span ff="monospace" inherit style={{ overflowWrap: 'anywhere' }}>
          {preview.origin.source}
        </Text>{' '}
        by {preview.origin.takenBy} on {preview.origin.takenAt.slice(0, 16).replace('T', ' ')} UTC.
      </Text>
      <Text size="sm" c="dimmed">
        {c.conflict} conflict{c.conflict === 1 ? '' : 's'} · {c['changed-here']} changed here · {c['added-here']} new here · {c['deleted-here']} deleted here ·{' '}
        {c['changed-there']} changed on the server · {c.unchanged.toLocaleString()} unchanged
      </Text>
    </Stack>
  );
}

const NO_WRAP = { style: { whiteSpace: 'nowrap' } } as const;

function RowsTable({ rows, omitted, choices, onChoose }: { rows: BringBackRow[]; omitted: number; choices: Record<string, KeepChoice>; onChoose: (key: string, choice: KeepChoice) => void }) {
  const columns: PreviewColumn<BringBackRow>[] = [
    { header: 'Account', cell: (row) => row.accountName },
    { header: 'Row', cell: (row) => row.label },
    {
      header: 'State',
      td: NO_WRAP,
      cell: (row) => (
        <Badge color={STATUS[row.status].color} variant={row.status === 'conflict' ? 'filled' : 'light'} styles={{ label: { overflow: 'visible' } }}>
          {STATUS[row.status].label}
        </Badge>
      ),
    },
    { header: 'What differs', cell: (row) => (row.status === 'conflict' ? <ConflictFields row={row} /> : <SideChanges row={row} />) },
    {
      header: 'Bring-back will',
      td: NO_WRAP,
      cell: (row) =>
        row.status === 'conflict' ? (
          <Radio.Group value={choices[row.key] ?? null} onChange={(value) => onChoose(row.key, value as KeepChoice)} aria-label={`${row.accountName}, ${row.label}: keep which copy`}>
            <Stack gap={6}>
              <Radio value="mine" label="Keep mine" />
              <Radio value="theirs" label="Keep theirs" />
            </Stack>
          </Radio.Group>
        ) : (
          <Text size="sm">{STATUS[row.status].outcome}</Text>
        ),
    },
  ];
  return (
    <PreviewRowsTable
      label="Rows to bring back"
      testId="bring-back-rows"
      columns={columns}
      rows={rows}
      rowKey={(row) => row.key}
      rowAttributes={(row) => ({ 'data-status': row.status, 'data-key': row.key })}
      minWidth={720}
      maxHeight={420}
      omitted={omitted}
      omittedWhat="rows that are not conflicts"
    />
  );
}

function SideChanges({ row }: { row: BringBackRow }) {
  const side = row.status === 'changed-there' ? row.changedThere : row.changedHere;
  const words = side.map((field) => (field === '(new)' ? 'new row' : field === '(deleted)' ? 'row deleted' : fieldLabel(field)));
  return (
    <Text size="xs" c="dimmed">
      {row.status === 'changed-there' ? 'On the server: ' : 'Here: '}
      {words.join(', ')}
    </Text>
  );
}

function ConflictFields({ row }: { row: BringBackRow }) {
  if (row.fields.length === 0) {
    return (
      <Text size="xs">
        Here: {row.changedHere.map(fieldLabel).join(', ')} · On the server: {row.changedThere.map(fieldLabel).join(', ')}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      {row.fields.map((field) => (
        <Text size="xs" key={field.field} style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600} inherit>
            {fieldLabel(field.field)}
          </Text>
          : mine “{field.mine}” · theirs “{field.theirs}”{' '}
          <Text span c="dimmed" inherit>
            (was “{field.base}”)
          </Text>
        </Text>
      ))}
    </Stack>
  );
}

/** A field name as words: renewalDate → renewal date; (deleted) → row deleted. */
function fieldLabel(field: string): string {
  if (field === '(new)') return 'new row';
  if (field === '(deleted)') return 'row deleted';
  return field.replace(/Json$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}
