import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createDesktopApi, type IpcRendererPort } from '../../src/preload/api.js';
import {
  DESKTOP_API_KEY,
  DESKTOP_CALL_NAMES,
  DESKTOP_EVENT_NAMES,
  MENU_COMMANDS,
  channelFor,
  isMenuCommand,
  listenerKeyFor,
  type DesktopCallName,
  type DesktopEventName,
  type RrsDesktopApi,
} from '../../src/shared/ipc-contract.js';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** Records what the preload API sends, standing in for `ipcRenderer` in Node. */
function createRecordingPort(reply: unknown = { ok: true, value: 'done' }) {
  const invocations: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<Listener>>();
  const port: IpcRendererPort = {
    async invoke(channel, ...args) {
      invocations.push({ channel, args });
      return reply;
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipcRenderer' }, payload);
  };
  return { port, invocations, listeners, emit };
}

describe('contract names', () => {
  it('lists every call', () => {
    expect(DESKTOP_CALL_NAMES).toEqual([
      'openScenario',
      'saveScenario',
      'listRecent',
      'openRecent',
      'exportReport',
      'appInfo',
    ]);
  });

  it('lists every event', () => {
    expect(DESKTOP_EVENT_NAMES).toEqual(['menuCommand', 'menuOpenRecent']);
  });

  it('derives channel names', () => {
    expect(channelFor('openScenario')).toBe('rrs:openScenario');
    expect(channelFor('menuCommand')).toBe('rrs:menuCommand');
    const channels = [...DESKTOP_CALL_NAMES, ...DESKTOP_EVENT_NAMES].map(channelFor);
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('rejects unknown channel name', () => {
    expect(() => channelFor('invoke' as DesktopCallName)).toThrow('Unknown desktop IPC name "invoke".');
    expect(() => channelFor('toString' as DesktopEventName)).toThrow('Unknown desktop IPC name');
  });

  it('derives listener keys', () => {
    expect(listenerKeyFor('menuCommand')).toBe('onMenuCommand');
    expect(listenerKeyFor('menuOpenRecent')).toBe('onMenuOpenRecent');
  });

  it('validates menu commands', () => {
    expect(MENU_COMMANDS).toEqual(['open', 'save', 'saveAs', 'export', 'play', 'pause', 'step', 'restart', 'help']);
    expect(isMenuCommand('play')).toBe(true);
    expect(isMenuCommand('quit')).toBe(false);
    expect(isMenuCommand(3)).toBe(false);
  });

  it('types the exposed api', () => {
    expectTypeOf<keyof RrsDesktopApi>().toEqualTypeOf<
      DesktopCallName | 'onMenuCommand' | 'onMenuOpenRecent'
    >();
  });
});

describe('createDesktopApi', () => {
  it('keys equal the contract', () => {
    const api = createDesktopApi(createRecordingPort().port);
    const expected = [...DESKTOP_CALL_NAMES, ...DESKTOP_EVENT_NAMES.map(listenerKeyFor)];
    expect(Object.keys(api).sort()).toEqual([...expected].sort());
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('has no generic passthrough', () => {
    const api = createDesktopApi(createRecordingPort().port) as unknown as Record<string, unknown>;
    for (const key of ['invoke', 'send', 'on', 'removeListener', 'ipcRenderer']) {
      expect(api[key]).toBeUndefined();
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('calls use derived channels', async () => {
    const { port, invocations } = createRecordingPort();
    const api = createDesktopApi(port);
    await api.openScenario();
    await api.saveScenario({ path: null, text: 'version: 1\n' });
    await api.openRecent('/home/ana/black-friday.yaml');
    expect(invocations).toEqual([
      { channel: 'rrs:openScenario', args: [undefined] },
      { channel: 'rrs:saveScenario', args: [{ path: null, text: 'version: 1\n' }] },
      { channel: 'rrs:openRecent', args: ['/home/ana/black-friday.yaml'] },
    ]);
  });

  it('unwraps successful replies', async () => {
    const { port } = createRecordingPort({ ok: true, value: [{ path: '/a.yaml', name: 'a.yaml' }] });
    await expect(createDesktopApi(port).listRecent()).resolves.toEqual([{ path: '/a.yaml', name: 'a.yaml' }]);
  });

  it('rejects with main message', async () => {
    const { port } = createRecordingPort({ ok: false, message: 'Scenario file not found: /a.yaml.' });
    await expect(createDesktopApi(port).openRecent('/a.yaml')).rejects.toThrow('Scenario file not found: /a.yaml.');
  });

  it('rejects malformed replies', async () => {
    const { port } = createRecordingPort('raw string');
    await expect(createDesktopApi(port).appInfo()).rejects.toThrow('Invalid reply on rrs:appInfo');
  });

  it('listeners get payload only', () => {
    const { port, emit } = createRecordingPort();
    const api = createDesktopApi(port);
    const received: unknown[][] = [];
    api.onMenuCommand((...args) => received.push(args));
    emit('rrs:menuCommand', 'play');
    expect(received).toEqual([['play']]);
  });

  it('unsubscribe removes listener', () => {
    const { port, emit, listeners } = createRecordingPort();
    const api = createDesktopApi(port);
    const received: unknown[] = [];
    const unsubscribe = api.onMenuOpenRecent((file) => received.push(file));
    emit('rrs:menuOpenRecent', { path: '/a.yaml', name: 'a.yaml' });
    unsubscribe();
    emit('rrs:menuOpenRecent', { path: '/b.yaml', name: 'b.yaml' });
    expect(received).toEqual([{ path: '/a.yaml', name: 'a.yaml' }]);
    expect(listeners.get('rrs:menuOpenRecent')?.size).toBe(0);
  });

  it('rejects non-function listener', () => {
    const api = createDesktopApi(createRecordingPort().port);
    expect(() => api.onMenuCommand('play' as unknown as () => void)).toThrow(
      'onMenuCommand expects a function, received string.',
    );
  });
});

describe('preload entry', () => {
  it('exposes the api as rrsDesktop', () => {
    expect(DESKTOP_API_KEY).toBe('rrsDesktop');
    const source = readFileSync(new URL('../../src/preload/index.ts', import.meta.url), 'utf8');
    expect(source).toContain('contextBridge.exposeInMainWorld(DESKTOP_API_KEY, createDesktopApi(ipcRenderer))');
    expect(source).not.toMatch(/ipcRenderer\.(invoke|send|on)\(/);
  });
});
