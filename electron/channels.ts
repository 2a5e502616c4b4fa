import { METHODS, type Method } from '../src/api/contract';

/**
 * IPC channel names, one per API method, derived from the contract. Kept apart from
 * security.ts so the sandboxed preload bundles only the contract (no Node modules).
 */
export const ipcChannel = (method: Method): string => `insyn:${method}`;
export const IPC_CHANNELS: Readonly<Record<Method, string>> = Object.freeze(
  Object.fromEntries(METHODS.map((m) => [m, ipcChannel(m)])) as Record<Method, string>,
);
export { METHODS };
