import { TextInput } from '@mantine/core';
import type { ReactNode } from 'react';

interface FilePathInputProps {
  label: string;
  description: ReactNode;
  placeholder: string;
  value: string;
  onChange(value: string): void;
  error: ReactNode;
  /** Takes the focus when its dialog opens. */
  autofocus?: boolean;
}

/** A typed full file path (the browser harness has no file dialogs): monospace, no spell check or autocomplete. */
export function FilePathInput({ label, description, placeholder, value, onChange, error, autofocus = false }: FilePathInputProps) {
  return (
    <TextInput
      label={label}
      description={description}
      placeholder={placeholder}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      data-autofocus={autofocus || undefined}
      spellCheck={false}
      autoComplete="off"
      style={{ flex: 1 }}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
    />
  );
}
