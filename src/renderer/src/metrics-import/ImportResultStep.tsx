import { Alert, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { countOf } from '../format';
import { Fact } from '../ui/Fact';
import { useImportStore } from './import-store';

/** How the import ended: counts of added, updated, unchanged and rejected values, or why nothing was imported. */
export function ImportResultStep() {
  const { outcome, result, failure } = useImportStore();
  const { close, restart } = useImportStore.getState();
  return (
    <Stack gap="md" data-testid="import-result">
      {outcome === 'cancelled' && (
        <Alert color="gray" variant="light" title="Import cancelled">
          Nothing was imported; the workspace is exactly as it was.
        </Alert>
      )}
      {outcome === 'failed' && (
        <Alert color="red" variant="light" title="Nothing was imported" role="alert">
          {failure?.message ?? 'The import stopped before it finished; the workspace is as it was.'}
        </Alert>
      )}
      {outcome === 'done' && result && (
        <>
          {result.committed ? (
            <Alert color="teal" variant="light" title="Import complete">
              {countOf(result.counts.added + result.counts.updated, 'value')} written from {result.fileName}.
              {result.backupPath ? ' A backup of the workspace was taken first.' : ''}
            </Alert>
          ) : (
            <Alert color="yellow" variant="light" title="Nothing was imported" role="alert">
              {result.mode === 'all-or-nothing' && result.counts.rejected > 0
                ? `All or nothing was chosen and ${countOf(result.counts.rejected, 'value')} had errors, so no row was written.`
                : 'There was no valid value to write.'}
            </Alert>
          )}
          <SimpleGrid cols={4} spacing="md" data-testid="import-result-counts">
            <Fact label="Added">
              <Text fz="xl" fw={700} data-testid="result-added">
                {result.counts.added.toLocaleString()}
              </Text>
            </Fact>
            <Fact label="Updated">
              <Text fz="xl" fw={700} data-testid="result-updated">
                {result.counts.updated.toLocaleString()}
              </Text>
            </Fact>
            <Fact label="Unchanged">
              <Text fz="xl" fw={700} data-testid="result-unchanged">
                {result.counts.unchanged.toLocaleString()}
              </Text>
            </Fact>
            <Fact label="Rejected">
              <Text fz="xl" fw={700} c={result.counts.rejected > 0 ? 'red.8' : undefined} data-testid="result-rejected">
                {result.counts.rejected.toLocaleString()}
              </Text>
            </Fact>
          </SimpleGrid>
        </>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={restart}>
          Import another file
        </Button>
        <Button onClick={close} data-autofocus>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
