import { Center, Loader, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useEffect } from 'react';
import { WelcomeScreen } from '../onboarding/WelcomeScreen';
import { AppFrame } from './AppFrame';
import { useAppStore } from './app-store';
import { BackendUnavailable } from './BackendUnavailable';

// Shown only when the workspace could not be opened, so loaded only then.
const WorkspaceRecovery = lazy(async () => ({ default: (await import('../workspace/WorkspaceRecovery')).WorkspaceRecovery }));

/** Decides what the window shows: starting up, backend unreachable, a workspace to recover, first-run welcome, or the app. */
export function App() {
  const status = useAppStore((state) => state.status);
  const isFirstRun = useAppStore((state) => state.info?.isFirstRun ?? false);

  useEffect(() => {
    // Unless main.tsx started with the early answer (startWithEarlyInfo).
    if (useAppStore.getState().status === 'loading') void useAppStore.getState().load();
  }, []);

  if (status === 'loading') {
    return (
      <Center h="100%">
        <Stack align="center" gap="sm">
          <Loader />
          <Text c="dimmed" size="sm">
            Opening your workspace…
          </Text>
        </Stack>
      </Center>
    );
  }
  if (status === 'unreachable') return <BackendUnavailable />;
  if (status === 'workspace-problem') {
    return (
      <Suspense fallback={<Loader aria-label="Loading" />}>
        <WorkspaceRecovery />
      </Suspense>
    );
  }
  if (isFirstRun) return <WelcomeScreen />;
  return <AppFrame />;
}
