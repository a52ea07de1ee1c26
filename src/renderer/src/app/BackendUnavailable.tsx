import { Alert, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useAppStore } from './app-store';

/** Shown when the renderer cannot talk to the backend at all; nothing else on screen would work. */
export function BackendUnavailable() {
  const startupError = useAppStore((state) => state.startupError);
  const [retrying, setRetrying] = useState(false);

  async function retry() {
    setRetrying(true);
    await useAppStore.getState().load();
    setRetrying(false);
  }

  return (
    <Center h="100%" p="xl">
      <Paper withBorder shadow="sm" p="xl" maw={560} w="100%" role="alert" aria-labelledby="backend-unavailable-title">
        <Stack gap="md">
          <Title order={2} id="backend-unavailable-title">
            Can't reach your workspace
          </Title>
          <Text>
            QBR Workbench could not talk to its local backend, so your accounts can't be shown. Your data is safe on disk; nothing
            was changed.
          </Text>
          {startupError && (
            <Alert color="red" variant="light" title="What went wrong">
              {startupError}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            In the browser harness, check that <code>npm run web</code> is still running and open the address it printed (with its
            token). In the desktop app, restart it.
          </Text>
          <Button onClick={() => void retry()} loading={retrying} w="fit-content">
            Try again
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
