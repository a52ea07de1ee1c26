import { Alert, Button, Center, Group, Loader, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, type FormEvent } from 'react';
import { useAppStore } from '../app/app-store';
import { notifySuccess } from '../notify';
import { isSettingsDirty, useSettingsStore } from './settings-store';

/** Who the decks are from, and how many backups to keep. */
export function SettingsScreen() {
  const { status, loadError, values, fieldErrors, formError, saving, setValue, save, load } = useSettingsStore();
  const dirty = useSettingsStore(isSettingsDirty);
  const workspacePath = useAppStore((state) => state.info?.workspacePath);

  useEffect(() => {
    void useSettingsStore.getState().load();
  }, []);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (await save()) notifySuccess('Settings saved');
  }

  if (status === 'idle' || status === 'loading') {
    return (
      <Center h={200}>
        <Loader aria-label="Loading settings" />
      </Center>
    );
  }
  if (status === 'error') {
    return (
      <Alert color="red" variant="light" title="Couldn't load settings" maw={640}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{loadError}</Text>
          <Button size="xs" variant="default" onClick={() => void load()}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }

  return (
    <Stack gap="lg" maw={640}>
      <Stack gap={2}>
        <Title order={2}>Settings</Title>
        <Text size="sm" c="dimmed">
          Saved in this workspace file.
        </Text>
      </Stack>

      <Paper withBorder p="lg">
        <form onSubmit={(event) => void handleSubmit(event)} noValidate aria-label="Settings">
          <Stack gap="md">
            {formError && (
              <Alert color="red" variant="light" title="Couldn't save settings">
                {formError}
              </Alert>
            )}
            <TextInput
              label="Your name"
              description="Shown on the title slide of decks you generate"
              maxLength={200}
              value={values.csmName}
              onChange={(event) => setValue('csmName', event.currentTarget.value)}
              error={fieldErrors.csmName}
            />
            <TextInput
              label="Company name"
              description="Your company, as it should appear on title slides and footers"
              maxLength={200}
              value={values.companyName}
              onChange={(event) => setValue('companyName', event.currentTarget.value)}
              error={fieldErrors.companyName}
            />
            <NumberInput
              label="Backups to keep"
              description="Automatic copies of this workspace kept before upgrades (1 to 100)"
              min={1}
              max={100}
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
              styles={{ wrapper: { maxWidth: 200 } }}
              value={values.backupsToKeep}
              onChange={(value) => setValue('backupsToKeep', typeof value === 'number' ? value : value === '' ? '' : Number(value))}
              error={fieldErrors.backupsToKeep}
            />
            <Group justify="flex-end" gap="sm">
              <Button type="submit" loading={saving} disabled={!dirty}>
                Save settings
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      {workspacePath && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          Workspace file: <Text span ff="monospace" inherit>{workspacePath}</Text>
        </Text>
      )}
    </Stack>
  );
}
