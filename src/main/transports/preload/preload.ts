import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';
import { IPC_INVOKE_CHANNEL } from './ipc-channel';

// Exactly one object reaches the page; raw ipcRenderer never does.
contextBridge.exposeInMainWorld(
  'qbr',
  createBridge((method, input) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input)),
);
