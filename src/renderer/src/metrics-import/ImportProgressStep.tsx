import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useImportStore } from './import-store';
import { formatBytes } from './import-words';

/** The running import: a bar by bytes read, rows so far, and Cancel (the transaction rolls back). */
export function ImportProgressStep() {
  const progress = useImportStore((state) => state.progress);
  const cancelling = useImportStore((state) => state.cancelling);
  const cancel = useImportStore((state) => state.cancel);
  const total = progress?.totalBytes ?? 0;
  const read = progress?.bytesRead ?? 0;
  const percent = total > 0 ? Math.min(100, (read / total) * 100) : 0;
  return (
    <Stack gap="md" data-testid="import-progress">
      <Progress value={percent} size="lg" animated striped aria-label="Import progress" aria-valuetext={`${Math.round(percent)}%`} />
      <Text size="sm" aria-live="polite">
        {(progress?.rowsProcessed ?? 0).toLocaleString()} rows · {formatBytes(read)} of {formatBytes(total)}
      </Text>
      <Text size="xs" c="dimmed">
        Everything is written in one transaction: cancelling leaves the workspace exactly as it was.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" color="red" onClick={() => void cancel()} loading={cancelling}>
          Cancel import
        </Button>
      </Group>
    </Stack>
  );
}
