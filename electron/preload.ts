import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, METHODS } from './channels';

/**
 * Sandboxed preload: exposes exactly one function per API method as `window.insyn.<method>`.
 * The renderer never sees ipcRenderer itself, so it cannot invoke arbitrary channels.
 */
const bridge: Record<string, (request: unknown) => Promise<unknown>> = {};
for (const method of METHODS) {
  const channel = IPC_CHANNELS[method];
  bridge[method] = (request: unknown) => ipcRenderer.invoke(channel, request);
}
contextBridge.exposeInMainWorld('insyn', Object.freeze(bridge));
