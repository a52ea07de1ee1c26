import { create } from 'zustand';
import type { ApiInput } from '../../../shared/api/contract';
import { api, ApiClientError } from './client';

/*
 * Native file dialogs through the backend. Only the backend knows whether it has them (the desktop
 * app does, the browser harness does not), so the first `not_available` answer is remembered and
 * the "Choose…" buttons give way to a hint to type the path.
 */

interface FileDialogsState {
  /** Why there are no dialogs here, once the backend has said so; null while they may work. */
  unavailableReason: string | null;
}

export const useFileDialogsStore = create<FileDialogsState>()(() => ({ unavailableReason: null }));

type DialogRequest = ApiInput<'files.chooseSavePath'>;

/** The path chosen in a native save dialog; null when cancelled or when there are no dialogs here. */
export function chooseSavePath(request: DialogRequest): Promise<string | null> {
  return askHost('files.chooseSavePath', request);
}

/** The file chosen in a native open dialog; null when cancelled or when there are no dialogs here. */
export function chooseOpenPath(request: DialogRequest): Promise<string | null> {
  return askHost('files.chooseOpenPath', request);
}

async function askHost(method: 'files.chooseSavePath' | 'files.chooseOpenPath', request: DialogRequest): Promise<string | null> {
  try {
    return (await api.call(method, request)).path;
  } catch (error) {
    if (error instanceof ApiClientError && error.code === 'not_available') {
      useFileDialogsStore.setState({ unavailableReason: error.message });
      return null;
    }
    throw error;
  }
}
