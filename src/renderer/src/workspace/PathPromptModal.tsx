import { Button, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { DialogFooter } from '../ui/DialogFooter';
import { siblingPath, stemOf } from './file-path';
import { pathProblem } from './path-problem';
import { useWorkspaceStore, type PathPurpose } from './workspace-store';

interface PromptWords {
  title: string;
  label: string;
  description: string;
  confirm: string;
}

const WORDS: Record<PathPurpose, PromptWords> = {
  open: {
    title: 'Open another workspace',
    label: 'Workspace file',
    description: 'The full path of an existing workspace file. A file that is not a workspace is refused and left untouched.',
    confirm: 'Open workspace',
  },
  create: {
    title: 'New workspace',
    label: 'New workspace file',
    description: 'The full path of a file that does not exist yet, in a folder that does, e.g. one file per client engagement.',
    confirm: 'Create workspace',
  },
  export: {
    title: 'Export workspace to JSON',
    label: 'Export file',
    description: 'The full path of the JSON file to write. Every account, stream, stakeholder, assessment, goal, metric and setting goes in it.',
    confirm: 'Export',
  },
};

/** A suggestion to start from: beside the current workspace, so usually only the name needs typing. */
function suggestedPath(purpose: PathPurpose, currentPath: string | null): string {
  if (!currentPath) return '';
  if (purpose === 'export') return siblingPath(currentPath, `${stemOf(currentPath)}-export.json`);
  if (purpose === 'create') return siblingPath(currentPath, '');
  return '';
}

/**
 * Asks for a typed path where there is no native file dialog (the browser harness). The path is
 * checked here for shape and by the backend for everything else; its refusal appears on the field
 * and nothing changes.
 */
export function PathPromptModal() {
  const purpose = useWorkspaceStore((state) => state.pathPrompt);
  const currentPath = useWorkspaceStore((state) => state.current?.path ?? null);
  const close = () => useWorkspaceStore.getState().closePathPrompt();

  return (
    <Modal opened={purpose !== null} onClose={close} title={WORDS[purpose ?? 'open'].title} size="lg" centered>
      {/* Keyed so each opening starts from its own suggestion. */}
      {purpose && <PathPromptForm key={purpose} purpose={purpose} initialPath={suggestedPath(purpose, currentPath)} onCancel={close} />}
    </Modal>
  );
}

function PathPromptForm({ purpose, initialPath, onCancel }: { purpose: PathPurpose; initialPath: string; onCancel(): void }) {
  const submitting = useWorkspaceStore((state) => state.busy === purpose);
  const [value, setValue] = useState(initialPath);
  const [error, setError] = useState<string | null>(null);
  const words = WORDS[purpose];

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    const problem = pathProblem(value);
    if (problem) {
      setError(problem);
      return;
    }
    setError(await useWorkspaceStore.getState().submitPath(purpose, value.trim()));
  }

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={words.title}>
      <Stack gap="md">
        <TextInput
          label={words.label}
          description={words.description}
          placeholder={purpose === 'export' ? '/Users/you/Documents/client-export.json' : '/Users/you/Documents/client.sqlite'}
          value={value}
          onChange={(event) => {
            setValue(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
          spellCheck={false}
          autoComplete="off"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        {/* Its refusals belong to the path, so they show on the field, not in the footer. */}
        <DialogFooter onCancel={onCancel} cancelDisabled={submitting}>
          <Button type="submit" loading={submitting}>
            {words.confirm}
          </Button>
        </DialogFooter>
      </Stack>
    </form>
  );
}
