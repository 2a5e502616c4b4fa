import { describe, expect, it, vi } from 'vitest';
import { METHODS } from '../../src/api/contract';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (channel: string, req: unknown) => ({ ok: true, value: { channel, req } }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke, send: vi.fn(), on: vi.fn() },
}));

describe('preload bridge', () => {
  it('exposes one frozen function per API method and nothing else', async () => {
    await import('../../electron/preload');
    expect(Object.keys(exposed)).toEqual(['insyn']);
    const bridge = exposed.insyn as Record<string, (r: unknown) => Promise<unknown>>;
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual([...METHODS].sort());
    expect(Object.values(bridge).every((f) => typeof f === 'function')).toBe(true);
    expect(await bridge.search!({ q: 'x' })).toEqual({ ok: true, value: { channel: 'insyn:search', req: { q: 'x' } } });
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/invoke|send|ipcRenderer/);
  });
});
