import { Alert, Button, FileButton, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { ImportPreviewStep } from './ImportPreviewStep';
import { ImportProgressStep } from './ImportProgressStep';
import { ImportResultStep } from './ImportResultStep';
import { useImportStore } from './import-store';

const TITLES = {
  choose: 'Import metrics from a CSV file',
  previewing: 'Reading the file…',
  preview: 'Check the import',
  running: 'Importing…',
  finished: 'Import finished',
} as const;

/** The import flow's dialog; which step shows follows the import store. */
export function ImportMetricsDialog() {
  const step = useImportStore((state) => state.step);
  const error = useImportStore((state) => state.error);
  const close = useImportStore((state) => state.close);
  const refused = useImportStore((state) => state.preview?.refusal != null);
  const fileName = useImportStore((state) => state.fileName);
  // While the job runs the dialog stays: closing would hide a transaction still writing. Cancel stops it.
  const running = step === 'running';
  return (
    <Modal
      opened
      onClose={close}
      title={step === 'preview' && refused ? 'File refused' : TITLES[step]}
      size={step === 'preview' ? 'xl' : 'lg'}
      closeOnClickOutside={!running}
      closeOnEscape={!running}
      withCloseButton={!running}
      closeButtonProps={{ 'aria-label': 'Close import' }}
    >
      <Stack gap="md" data-testid="import-dialog" data-step={step}>
        {error && (
          <Alert color="red" variant="light" title="Something needs attention" data-testid="import-error">
            {error}
          </Alert>
        )}
        {step === 'choose' && <ChooseFileStep />}
        {step === 'previewing' && (
          <Stack align="center" gap="sm" p="xl">
            <Loader aria-label="Reading the file" />
            {fileName && (
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {fileName}
              </Text>
            )}
          </Stack>
        )}
        {step === 'preview' && <ImportPreviewStep />}
        {step === 'running' && <ImportProgressStep />}
        {step === 'finished' && <ImportResultStep />}
      </Stack>
    </Modal>
  );
}

function ChooseFileStep() {
  const chooseFile = useImportStore((state) => state.chooseFile);
  const chooseWithDialog = useImportStore((state) => state.chooseWithDialog);
  const choosing = useImportStore((state) => state.choosing);
  const accountId = useImportStore((state) => state.accountId);
  const close = useImportStore((state) => state.close);
  return (
    <Stack gap="md">
      <Text size="sm">
        Long files have one value per row: <b>account, stream, metric, month, value</b>. Wide exports have one row per account and month and one
        column per metric; you check how their columns map before anything is imported.
        {accountId ? ' Every row goes to this account.' : ''}
      </Text>
      <Text size="sm" c="dimmed">
        Aggregate account data only: a file with patient-level details (names, dates of birth, MRNs, SSNs, addresses, phone numbers, personal
        emails) is refused whole. Nothing is written until you confirm, and a backup is taken first.
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={close}>
          Cancel
        </Button>
        <FileButton onChange={(file) => file && void chooseFile(file)} accept=".csv,.tsv,.txt,text/csv" inputProps={{ 'aria-label': 'Metrics CSV file' }}>
          {/* The desktop app's native dialog gives a path the backend streams; without one (browser harness) the file input reads the file. */}
          {({ onClick: openFileInput }) => (
            <Button onClick={() => void chooseWithDialog().then((next) => next === 'pick-file' && openFileInput())} loading={choosing} data-autofocus>
              Choose CSV file…
            </Button>
          )}
        </FileButton>
      </Group>
    </Stack>
  );
}
