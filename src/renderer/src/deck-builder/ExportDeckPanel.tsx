import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useFileDialogsStore } from '../api/file-dialogs';
import { useDeckBuilderStore } from './deck-builder-store';
import { DeckSavedNotice } from './DeckSavedNotice';
import { fileNameOf } from './deck-file-path';
import { exportProblemTitle } from './export-problems';

/**
 * Where the deck goes and the Export button. The path is typed or chosen in the native save dialog
 * (the desktop app only; elsewhere the button gives way to a hint); an existing file is replaced only
 * after the CSM confirms.
 */
export function ExportDeckPanel() {
  const { outputPath, exporting, conflict, exportProblem, lastExport, editedOutline, planStatus, audience, setOutputPath, chooseOutputPath, exportDeck, dismissConflict } =
    useDeckBuilderStore();
  const noDialogs = useFileDialogsStore((state) => state.unavailableReason);
  const ready = editedOutline !== null && planStatus !== 'error' && audience.length > 0;

  return (
    <Stack gap="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void exportDeck(false);
        }}
      >
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            label="Save as"
            description={noDialogs ?? 'Full path of the .pptx file to write'}
            value={outputPath}
            onChange={(event) => setOutputPath(event.currentTarget.value)}
            spellCheck={false}
            style={{ flex: 1 }}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          />
          {!noDialogs && (
            <Button variant="default" onClick={() => void chooseOutputPath()}>
              Choose…
            </Button>
          )}
          <Button type="submit" loading={exporting} disabled={!ready}>
            Export deck
          </Button>
        </Group>
      </form>

      {exportProblem && (
        <Alert color={exportProblem.missingFolder ? 'yellow' : 'red'} variant="light" title={exportProblemTitle(exportProblem.code)} data-testid="deck-export-error" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {exportProblem.message}
            </Text>
            {exportProblem.missingFolder && (
              <Button size="xs" onClick={() => void exportDeck(false, true)} loading={exporting}>
                Create the folder and export
              </Button>
            )}
          </Stack>
        </Alert>
      )}

      {lastExport && <DeckSavedNotice deck={lastExport} />}

      <Modal opened={conflict !== null} onClose={dismissConflict} title="Replace the existing file?" centered>
        <Stack gap="md">
          <Text size="sm">
            <strong>{conflict ? fileNameOf(conflict.filePath) : ''}</strong> already exists in that folder. Replacing it writes the new deck in its
            place; the old file cannot be recovered from QBR Workbench.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={dismissConflict}>
              Keep the existing file
            </Button>
            <Button color="red" onClick={() => void exportDeck(true, Boolean(exportProblem?.missingFolder))} loading={exporting}>
              Replace
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
