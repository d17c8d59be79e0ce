/**
 * The application menu as a template. Items send contract events to the renderer, which owns the
 * scenario and the run, so main never needs to know about either.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../shared/ipc-contract.js';

/** Actions the menu triggers, supplied by `index.ts`. */
export interface MenuActions {
  /** Sends `menuCommand` to the focused renderer. */
  sendCommand(command: MenuCommand): void;
  /** Sends `menuOpenRecent` for an entry of File > Open Recent. */
  openRecent(file: RecentFile): void;
  /** Shows the About box in main. */
  showAbout(): void;
}

/** Inputs for `buildMenuTemplate`. */
export interface MenuOptions {
  /** Entries of File > Open Recent, most recent first. */
  recent: readonly RecentFile[];
  /** True on macOS, which puts Quit and About under the app menu. */
  isMac: boolean;
  /** Name shown as the macOS app menu's title. */
  appName: string;
}

function commandItem(
  label: string,
  command: MenuCommand,
  actions: MenuActions,
  accelerator?: string,
): MenuItemConstructorOptions {
  const item: MenuItemConstructorOptions = { id: `rrs.${command}`, label, click: () => actions.sendCommand(command) };
  if (accelerator !== undefined) item.accelerator = accelerator;
  return item;
}

function recentSubmenu(recent: readonly RecentFile[], actions: MenuActions): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: 'No recent scenarios', enabled: false }];
  return recent.map((file) => ({ label: file.name, sublabel: file.path, click: () => actions.openRecent(file) }));
}

/**
 * Builds the menu: File, Edit, View, Run and Help. Edit and View use Electron's roles, because without
 * an Edit menu the clipboard shortcuts do not work in the editor on macOS. The Run shortcuts follow
 * debugger conventions (F5 play, F10 step) so they never collide with typing in the scenario editor.
 */
export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      commandItem('Open…', 'open', actions, 'CmdOrCtrl+O'),
      { id: 'rrs.openRecent', label: 'Open Recent', submenu: recentSubmenu(options.recent, actions) },
      { type: 'separator' },
      commandItem('Save', 'save', actions, 'CmdOrCtrl+S'),
      commandItem('Save As…', 'saveAs', actions, 'CmdOrCtrl+Shift+S'),
      commandItem('Export report…', 'export', actions, 'CmdOrCtrl+E'),
      ...(options.isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Quit' } as const]),
    ],
  };

  const run: MenuItemConstructorOptions = {
    label: 'Run',
    submenu: [
      commandItem('Play', 'play', actions, 'F5'),
      commandItem('Pause', 'pause', actions, 'Shift+F5'),
      commandItem('Step', 'step', actions, 'F10'),
      { type: 'separator' },
      commandItem('Restart with seed…', 'restart', actions, 'CmdOrCtrl+Shift+F5'),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: 'Help',
    submenu: [
      { id: 'rrs.about', label: 'About', click: () => actions.showAbout() },
      commandItem('Documentation', 'help', actions, 'F1'),
    ],
  };

  const template: MenuItemConstructorOptions[] = [
    file,
    { role: 'editMenu' },
    { role: 'viewMenu' },
    run,
    help,
  ];
  if (options.isMac) template.unshift({ label: options.appName, role: 'appMenu' });
  return template;
}
