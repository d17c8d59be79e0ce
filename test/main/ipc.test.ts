import { describe, expect, it } from 'vitest';
import type { DesktopHandlers } from '../../src/main/desktop-handlers.js';
import { createIpcDispatcher } from '../../src/main/ipc.js';
import { APP_ORIGIN } from '../../src/main/security.js';

const mainFrame = { url: 'app://rrs/index.html', parent: null };

function createHandlers(calls: string[]): DesktopHandlers {
  return {
    openScenario: async () => {
      calls.push('openScenario');
      return null;
    },
    saveScenario: async () => {
      calls.push('saveScenario');
      throw new Error('Refused to write "/etc/passwd": it was not chosen in a file dialog this session.');
    },
    listRecent: async () => [],
    openRecent: async () => null,
    exportReport: async () => null,
    appInfo: async (argument) => {
      calls.push(`appInfo:${String(argument)}`);
      return { name: 'RRS', version: '0.1.0', electron: '40', chrome: '142', node: '22', platform: 'linux' };
    },
  };
}

describe('createIpcDispatcher', () => {
  it('wraps a value in ok reply', async () => {
    const calls: string[] = [];
    const dispatch = createIpcDispatcher(createHandlers(calls), [APP_ORIGIN], () => {});
    const reply = await dispatch('appInfo', mainFrame, 'x');
    expect(reply).toEqual({
      ok: true,
      value: { name: 'RRS', version: '0.1.0', electron: '40', chrome: '142', node: '22', platform: 'linux' },
    });
    expect(calls).toEqual(['appInfo:x']);
  });

  it('turns errors into messages', async () => {
    const logged: string[] = [];
    const dispatch = createIpcDispatcher(createHandlers([]), [APP_ORIGIN], (line) => logged.push(line));
    const reply = await dispatch('saveScenario', mainFrame, { path: '/etc/passwd', text: '' });
    expect(reply).toEqual({
      ok: false,
      message: 'Refused to write "/etc/passwd": it was not chosen in a file dialog this session.',
    });
    expect(logged).toEqual([
      '[ipc rrs:saveScenario] failed: Refused to write "/etc/passwd": it was not chosen in a file dialog this session.',
    ]);
  });

  it.each([
    ['remote page', { url: 'https://evil.example/', parent: null }],
    ['iframe', { url: 'app://rrs/index.html', parent: mainFrame }],
    ['missing frame', null],
  ])('rejects %s before the handler', async (_case, frame) => {
    const calls: string[] = [];
    const logged: string[] = [];
    const dispatch = createIpcDispatcher(createHandlers(calls), [APP_ORIGIN], (line) => logged.push(line));
    const reply = await dispatch('openScenario', frame, undefined);
    expect(reply).toEqual({ ok: false, message: "Rejected openScenario: the request did not come from the studio's main frame." });
    expect(calls).toEqual([]);
    expect(logged).toHaveLength(1);
  });
});
