import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../src/main/menu.js';
import type { MenuCommand, RecentFile } from '../../src/shared/ipc-contract.js';

function recordActions() {
  const sent: (MenuCommand | RecentFile | 'about')[] = [];
  const actions: MenuActions = {
    sendCommand: (command) => sent.push(command),
    openRecent: (file) => sent.push(file),
    showAbout: () => sent.push('about'),
  };
  return { actions, sent };
}

function submenuOf(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  if (menu === undefined || !Array.isArray(menu.submenu)) throw new Error(`Menu ${label} not found`);
  return menu.submenu;
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

const recent: RecentFile[] = [{ path: '/home/ana/black-friday.yaml', name: 'black-friday.yaml' }];

describe('buildMenuTemplate', () => {
  it('has file edit view run help', () => {
    const template = buildMenuTemplate({ recent, isMac: false, appName: 'RRS' }, recordActions().actions);
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'editMenu', 'viewMenu', 'Run', 'Help']);
  });

  it('file items in order', () => {
    const file = submenuOf(buildMenuTemplate({ recent, isMac: false, appName: 'RRS' }, recordActions().actions), 'File');
    expect(file.filter((item) => item.type !== 'separator').map((item) => item.label)).toEqual([
      'Open…',
      'Open Recent',
      'Save',
      'Save As…',
      'Export report…',
      'Quit',
    ]);
  });

  it('commands send menuCommand', () => {
    const { actions, sent } = recordActions();
    const template = buildMenuTemplate({ recent, isMac: false, appName: 'RRS' }, actions);
    for (const item of [...submenuOf(template, 'File'), ...submenuOf(template, 'Run'), ...submenuOf(template, 'Help')]) {
      if (typeof item.id === 'string' && item.id !== 'rrs.openRecent') click(item);
    }
    expect(sent).toEqual(['open', 'save', 'saveAs', 'export', 'play', 'pause', 'step', 'restart', 'about', 'help']);
  });

  it('recent entry sends the file', () => {
    const { actions, sent } = recordActions();
    const file = submenuOf(buildMenuTemplate({ recent, isMac: false, appName: 'RRS' }, actions), 'File');
    const openRecent = file.find((item) => item.id === 'rrs.openRecent');
    const entries = openRecent?.submenu as MenuItemConstructorOptions[];
    expect(entries.map((item) => item.label)).toEqual(['black-friday.yaml']);
    click(entries[0]);
    expect(sent).toEqual([recent[0]]);
  });

  it('empty recent list is disabled', () => {
    const file = submenuOf(buildMenuTemplate({ recent: [], isMac: false, appName: 'RRS' }, recordActions().actions), 'File');
    const entries = file.find((item) => item.id === 'rrs.openRecent')?.submenu as MenuItemConstructorOptions[];
    expect(entries).toEqual([{ label: 'No recent scenarios', enabled: false }]);
  });

  it('run shortcuts avoid typing keys', () => {
    const run = submenuOf(buildMenuTemplate({ recent, isMac: false, appName: 'RRS' }, recordActions().actions), 'Run');
    expect(run.filter((item) => item.type !== 'separator').map((item) => item.accelerator)).toEqual([
      'F5',
      'Shift+F5',
      'F10',
      'CmdOrCtrl+Shift+F5',
    ]);
  });

  it('mac adds app menu', () => {
    const template = buildMenuTemplate({ recent, isMac: true, appName: 'RRS' }, recordActions().actions);
    expect(template[0]).toEqual({ label: 'RRS', role: 'appMenu' });
    expect(submenuOf(template, 'File').some((item) => item.role === 'quit')).toBe(false);
  });
});
