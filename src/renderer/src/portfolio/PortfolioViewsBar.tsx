import { Button, CloseButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { PortfolioView } from '../../../shared/api/schemas/portfolio-view-schemas';
import { notifyError } from '../notify';
import { showUndoNotification } from '../ui/undo-notification';
import { BUILT_IN_VIEWS, showsView, viewNameProblem, type PortfolioViewState } from './portfolio-views';
import { usePortfolioViewsStore } from './portfolio-views-store';

/**
 * The views: built-in ones (all accounts, at risk, renewing soon, setup to finish) and the CSM's
 * saved ones, each a button that shows its search, filters and sort; the one matching the list is
 * pressed. "Save view" keeps the current state under a name in the workspace's settings.
 */
export function PortfolioViewsBar({ current }: { current: PortfolioViewState }) {
  const saved = usePortfolioViewsStore((state) => state.saved);
  const { apply } = usePortfolioViewsStore.getState();
  const [saving, setSaving] = useState(false);
  const matchesAny = [...BUILT_IN_VIEWS, ...saved].some((view) => showsView(current, view));

  return (
    <Group gap={6} role="group" aria-label="Views" data-testid="portfolio-views" style={{ minWidth: 0, flex: '1 1 auto' }}>
      {BUILT_IN_VIEWS.map((view) => (
        <ViewButton key={view.id} name={view.name} pressed={showsView(current, view)} onClick={() => void apply(view)} />
      ))}
      {saved.map((view) => (
        <Group key={view.id} gap={0} wrap="nowrap">
          <ViewButton name={view.name} pressed={showsView(current, view)} onClick={() => void apply(view)} />
          <CloseButton size="sm" aria-label={`Delete the view ${view.name}`} onClick={() => void deleteView(view)} />
        </Group>
      ))}
      {!matchesAny && (
        <Button size="compact-sm" variant="subtle" onClick={() => setSaving(true)}>
          Save view…
        </Button>
      )}
      <SaveViewModal opened={saving} onClose={() => setSaving(false)} />
    </Group>
  );
}

function ViewButton({ name, pressed, onClick }: { name: string; pressed: boolean; onClick(): void }) {
  return (
    <Button size="compact-sm" radius="xl" variant={pressed ? 'filled' : 'default'} aria-pressed={pressed} onClick={onClick}>
      {name}
    </Button>
  );
}

async function deleteView(view: PortfolioView) {
  const store = usePortfolioViewsStore.getState();
  const position = store.saved.findIndex((candidate) => candidate.id === view.id);
  const problem = await store.remove(view.id);
  if (problem) {
    notifyError(`Couldn't delete the view ${view.name}`, new Error(problem));
    return;
  }
  showUndoNotification({
    id: `view-deleted-${view.id}`,
    title: 'View deleted',
    itemLabel: view.name,
    restoredTitle: 'View restored',
    failedTitle: "Couldn't restore the view",
    undo: async () => {
      const saved = [...usePortfolioViewsStore.getState().saved];
      saved.splice(Math.min(position, saved.length), 0, view);
      const again = await usePortfolioViewsStore.getState().restoreAll(saved);
      if (again) throw new Error(again);
    },
  });
}

function SaveViewModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const saved = usePortfolioViewsStore((state) => state.saved);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function close() {
    setName('');
    setError(null);
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = viewNameProblem(name, saved);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    const refused = await usePortfolioViewsStore.getState().saveCurrent(name);
    setBusy(false);
    if (refused) setError(refused);
    else close();
  }

  return (
    <Modal opened={opened} onClose={close} title="Save this view" size="md">
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Save this view">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Keeps the search, filters and sort under a name, in this workspace. Choose it above the list to come back to it.
          </Text>
          <TextInput
            label="Name"
            placeholder="e.g. My renewals this quarter"
            data-autofocus
            maxLength={80}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setError(null);
            }}
            error={error}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Save view
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
