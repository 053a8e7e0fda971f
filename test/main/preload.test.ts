import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../shared/channels';

const exposed = new Map<string, unknown>();
const invoke = vi.fn((channel: string, input: unknown) =>
  Promise.resolve({ ok: true, value: { channel, input } }),
);
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke },
}));

describe('the preload', () => {
  it('exposes window.habeas with one frozen function per channel and nothing else', async () => {
    await import('../../electron/preload/index');
    expect([...exposed.keys()]).toEqual(['habeas']);
    const api = exposed.get('habeas') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...channelNames, 'upload'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(await api['app:info']?.({})).toEqual({
      ok: true,
      value: { channel: 'app:info', input: {} },
    });
    expect(invoke).toHaveBeenCalledWith('app:info', {});
  });
});
