/**
 * The one IPC contract between the studio's renderer and Electron's main process.
 *
 * Main implements `DesktopCalls`, the preload exposes exactly `RrsDesktopApi` as `window.rrsDesktop`
 * (built from `DESKTOP_CALL_NAMES` and `DESKTOP_EVENT_NAMES`), and the renderer calls it. Channel names
 * come from `channelFor`, so no channel string is written by hand anywhere else.
 *
 * This file runs in main, the preload and the renderer, so it imports no Node built-ins and no Electron.
 */

/** A scenario file read from disk after the user picked it. */
export interface OpenedFile {
  /** Absolute path on disk. */
  path: string;
  /** Base name shown in the title bar and the recent list, e.g. `black-friday.yaml`. */
  name: string;
  /** File contents, decoded as UTF-8. */
  text: string;
}

/** A file that main wrote after the user picked where. */
export interface SavedFile {
  /** Absolute path on disk. */
  path: string;
  /** Base name of `path`. */
  name: string;
}

/** An entry of the recent-files list, most recent first. */
export interface RecentFile {
  path: string;
  name: string;
}

/** Request to write the scenario text to `path`, or to the path picked in a save dialog when `path` is null. */
export interface SaveScenarioRequest {
  /** Path the scenario was opened from or last saved to, or null for "Save As…". */
  path: string | null;
  /** YAML text to write, as UTF-8. */
  text: string;
}

/** Request to write a run report to the path picked in a save dialog. */
export interface ExportReportRequest {
  /** File name proposed in the dialog, e.g. `black-friday-seed-42.json`. */
  suggestedName: string;
  /** Report text to write, as UTF-8. */
  text: string;
}

/** Versions of the running desktop app, shown in About. */
export interface AppInfo {
  name: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
  /** Node's `process.platform`, e.g. `linux`. */
  platform: string;
}

/** Commands that the application menu sends to the renderer. */
export type MenuCommand =
  | 'open'
  | 'save'
  | 'saveAs'
  | 'export'
  | 'play'
  | 'pause'
  | 'step'
  | 'restart'
  | 'help';

/** Every menu command, in menu order, for validation and tests. */
export const MENU_COMMANDS = [
  'open',
  'save',
  'saveAs',
  'export',
  'play',
  'pause',
  'step',
  'restart',
  'help',
] as const satisfies readonly MenuCommand[];

/**
 * Calls from the renderer to main. Each resolves with `null` when the user cancels a dialog and
 * rejects with an `Error` whose message names what failed and what to do.
 */
export interface DesktopCalls {
  /** Shows an open dialog and reads the chosen scenario file. */
  openScenario(): Promise<OpenedFile | null>;
  /**
   * Writes the scenario to `request.path`, or shows a save dialog when it is null. Main writes only to
   * paths the user picked in a dialog or the recent list during this session.
   */
  saveScenario(request: SaveScenarioRequest): Promise<SavedFile | null>;
  /** Returns the recent scenario files, most recent first. */
  listRecent(): Promise<RecentFile[]>;
  /** Reads a file from the recent list. Paths not in the list are rejected. */
  openRecent(path: string): Promise<OpenedFile | null>;
  /** Shows a save dialog and writes the report text there. */
  exportReport(request: ExportReportRequest): Promise<SavedFile | null>;
  /** Returns the app's name and versions. */
  appInfo(): Promise<AppInfo>;
}

/** Events from main to the renderer, by name, with the payload each carries. */
export interface DesktopEvents {
  /** A menu item or its shortcut was chosen. */
  menuCommand: MenuCommand;
  /**
   * An entry of File > Open Recent was chosen. The renderer confirms unsaved changes first, then
   * calls `openRecent(path)`.
   */
  menuOpenRecent: RecentFile;
}

/** Name of a renderer-to-main call. */
export type DesktopCallName = keyof DesktopCalls;

/** Name of a main-to-renderer event. */
export type DesktopEventName = keyof DesktopEvents;

/** Removes the listener it was returned for. */
export type Unsubscribe = () => void;

/** Listener registrations, one per event, e.g. `onMenuCommand(listener)` for `menuCommand`. */
export type DesktopEventListeners = {
  [E in DesktopEventName as `on${Capitalize<E>}`]: (
    listener: (payload: DesktopEvents[E]) => void,
  ) => Unsubscribe;
};

/** The API the preload exposes as `window.rrsDesktop`: every call plus one listener per event. */
export type RrsDesktopApi = DesktopCalls & DesktopEventListeners;

/** Name of the global that the preload sets, `window.rrsDesktop`. */
export const DESKTOP_API_KEY = 'rrsDesktop';

// `satisfies Record<...>` makes the compiler reject a missing or an extra name, so these lists and the
// interfaces above cannot drift apart.
const CALL_TABLE = {
  openScenario: true,
  saveScenario: true,
  listRecent: true,
  openRecent: true,
  exportReport: true,
  appInfo: true,
} as const satisfies Record<DesktopCallName, true>;

const EVENT_TABLE = {
  menuCommand: true,
  menuOpenRecent: true,
} as const satisfies Record<DesktopEventName, true>;

/** Every call name, in contract order. */
export const DESKTOP_CALL_NAMES = Object.keys(CALL_TABLE) as DesktopCallName[];

/** Every event name, in contract order. */
export const DESKTOP_EVENT_NAMES = Object.keys(EVENT_TABLE) as DesktopEventName[];

/**
 * Returns the IPC channel for a call or an event, e.g. `rrs:openScenario`.
 *
 * @throws Error when `name` is not in the contract, because a typo would otherwise send on a channel
 *   that no handler listens on.
 */
export function channelFor(name: DesktopCallName | DesktopEventName): string {
  if (!Object.hasOwn(CALL_TABLE, name) && !Object.hasOwn(EVENT_TABLE, name)) {
    throw new Error(
      `Unknown desktop IPC name "${String(name)}". Use one of: ${[...DESKTOP_CALL_NAMES, ...DESKTOP_EVENT_NAMES].join(', ')}.`,
    );
  }
  return `rrs:${name}`;
}

/** Returns the listener key for an event, e.g. `onMenuCommand` for `menuCommand`. */
export function listenerKeyFor<E extends DesktopEventName>(event: E): `on${Capitalize<E>}` {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as `on${Capitalize<E>}`;
}

/**
 * Reply that main sends for every call. The preload unwraps it, so the renderer gets a plain value or
 * an `Error` with main's message (Electron would otherwise prefix rejected `invoke` messages with the
 * channel name).
 */
export type DesktopReply<T> = { ok: true; value: T } | { ok: false; message: string };

/** Returns true when `value` is one of `MENU_COMMANDS`. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
