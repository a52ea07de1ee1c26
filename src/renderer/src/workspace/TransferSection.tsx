import { Button, Group, Stack, Text } from '@mantine/core';
import { EXPORT_TABLE_KEYS } from '../../../shared/api/schemas/workspace-export-schemas';
import { SectionCard } from '../ui/SectionCard';
import { EXPORT_TABLE_LABELS } from './export-table-labels';
import { useWorkspaceImportStore } from './workspace-import-store';
import { useWorkspaceStore } from './workspace-store';

/** Export the whole workspace to one JSON file, or import one (merge or replace, previewed first). */
export function TransferSection() {
  const busy = useWorkspaceStore((state) => state.busy);
  const isOpen = useWorkspaceStore((state) => state.current?.isOpen ?? false);
  const lastExport = useWorkspaceStore((state) => state.lastExport);
  const start = useWorkspaceStore((state) => state.start);

  return (
    <SectionCard
      title="Export and import"
      description="Move a whole workspace to another computer as one versioned JSON file, or bring one in."
      testId="workspace-transfer"
    >
      <Group gap="sm">
        <Button variant="default" onClick={() => void start('export')} loading={busy === 'export'} disabled={!isOpen || (busy !== null && busy !== 'export')}>
          Export to JSON…
        </Button>
        <Button variant="default" onClick={() => useWorkspaceImportStore.getState().open()} disabled={!isOpen || busy !== null}>
          Import from JSON…
        </Button>
      </Group>
      {lastExport && (
        <Stack gap={2} role="status" data-testid="last-export">
          <Text size="sm">
            Exported to{' '}
            <Text span ff="monospace" inherit style={{ overflowWrap: 'anywhere' }}>
              {lastExport.path}
            </Text>
          </Text>
          <Text size="xs" c="dimmed">
            {EXPORT_TABLE_KEYS.filter((key) => lastExport.counts[key] > 0)
              .map((key) => `${EXPORT_TABLE_LABELS[key]}: ${lastExport.counts[key].toLocaleString()}`)
              .join(' · ') || 'The workspace is empty.'}
          </Text>
        </Stack>
      )}
    </SectionCard>
  );
}
