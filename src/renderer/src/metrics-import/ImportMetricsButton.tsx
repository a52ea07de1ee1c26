import { Button, type ButtonProps } from '@mantine/core';
import { lazy, Suspense, useId } from 'react';
import { useImportStore } from './import-store';

// Loaded the first time an import is started, not with the screen that has the button.
const ImportMetricsDialog = lazy(async () => ({ default: (await import('./ImportMetricsDialog')).ImportMetricsDialog }));

interface ImportMetricsButtonProps {
  /** Import every row into this account (the file's account column, if any, must name only it). */
  accountId?: string;
  /** Called after an import that wrote to the workspace, to refresh what the screen shows. */
  onImported?: () => void;
  variant?: ButtonProps['variant'];
}

/** "Import metrics": opens the CSV import (choose file → preview and mapping → progress → result). */
export function ImportMetricsButton({ accountId, onImported, variant = 'default' }: ImportMetricsButtonProps) {
  const ownerId = useId();
  const open = useImportStore((state) => state.open);
  const isOwner = useImportStore((state) => state.ownerId === ownerId);
  return (
    <>
      <Button variant={variant} onClick={() => open({ ownerId, ...(accountId ? { accountId } : {}), ...(onImported ? { onImported } : {}) })}>
        Import metrics
      </Button>
      {isOwner && (
        <Suspense fallback={null}>
          <ImportMetricsDialog />
        </Suspense>
      )}
    </>
  );
}
