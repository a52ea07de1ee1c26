import { Alert, Button, Center, Group, Loader, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, type FormEvent } from 'react';
import { useAppStore, type LeaveGuard } from '../app/app-store';
import { notifySuccess } from '../notify';
import { BrandSettingsSection } from './BrandSettingsSection';
import { isBrandDirty, useBrandSettingsStore } from './brand-settings-store';
import { HealthWeightsSection } from './HealthWeightsSection';
import { isWeightsDirty, useHealthWeightsStore } from './health-weights-store';
import { isSettingsDirty, useSettingsStore } from './settings-store';
import { ScreenTitle } from '../ui/ScreenTitle';

/** Loads every section of the screen; each section saves on its own. */
function loadAll(): Promise<unknown> {
  return Promise.all([useSettingsStore.getState().load(), useBrandSettingsStore.getState().load(), useHealthWeightsStore.getState().load()]);
}

/** The screen's sections with their unsaved state and save, in screen order. */
const SECTIONS = [
  { name: 'General', dirty: () => isSettingsDirty(useSettingsStore.getState()), save: () => useSettingsStore.getState().save() },
  { name: 'Deck brand', dirty: () => isBrandDirty(useBrandSettingsStore.getState()), save: () => useBrandSettingsStore.getState().save() },
  { name: 'Health score weights', dirty: () => isWeightsDirty(useHealthWeightsStore.getState()), save: () => useHealthWeightsStore.getState().save() },
];

/** Keeps Settings edits from being lost silently when the user navigates away. */
const settingsLeaveGuard: LeaveGuard = {
  unsavedSections: () => SECTIONS.filter((section) => section.dirty()).map((section) => section.name),
  async save() {
    for (const section of SECTIONS) {
      if (section.dirty() && !(await section.save())) return false;
    }
    notifySuccess('Settings saved');
    return true;
  },
  discard() {
    void loadAll();
  },
};

/** Who the decks are from and how they look, how health is weighed, and how many backups to keep. */
export function SettingsScreen() {
  const { values, fieldErrors, formError, saving, setValue, save } = useSettingsStore();
  const statuses = [useSettingsStore((s) => s.status), useBrandSettingsStore((s) => s.status), useHealthWeightsStore((s) => s.status)];
  const loadError = [useSettingsStore((s) => s.loadError), useBrandSettingsStore((s) => s.loadError), useHealthWeightsStore((s) => s.loadError)].find(Boolean);
  const status = statuses.includes('error') ? 'error' : statuses.every((each) => each === 'ready') ? 'ready' : 'loading';
  const dirty = useSettingsStore(isSettingsDirty);
  const workspacePath = useAppStore((state) => state.info?.workspacePath);

  useEffect(() => {
    void loadAll();
  }, []);

  // Navigating away with unsaved edits asks first: save them, leave without them, or stay.
  useEffect(() => {
    useAppStore.getState().setLeaveGuard(settingsLeaveGuard);
    return () => {
      if (useAppStore.getState().leaveGuard === settingsLeaveGuard) useAppStore.getState().setLeaveGuard(null);
    };
  }, []);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (await save()) notifySuccess('Settings saved');
  }

  if (status === 'loading') {
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
          <Button size="xs" variant="default" onClick={() => void loadAll()}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }

  return (
    <Stack gap="lg" maw={760}>
      <Stack gap={2}>
        <ScreenTitle>Settings</ScreenTitle>
        <Text size="sm" c="dimmed">
          Saved in this workspace.
        </Text>
      </Stack>

      <Paper withBorder p="lg" component="section" aria-label="General">
        <form onSubmit={(event) => void handleSubmit(event)} noValidate aria-label="Settings">
          <Stack gap="md">
            <Title order={3} size="h5">
              General
            </Title>
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

      <BrandSettingsSection />
      <HealthWeightsSection />

      {workspacePath && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          Workspace: <Text span ff="monospace" inherit>{workspacePath}</Text>
        </Text>
      )}
    </Stack>
  );
}
