/**
 * Electron main process of Retail Resilience Studio.
 *
 * It stays thin: one window, the menu, file dialogs and the recent list. The simulation runs in a Web
 * Worker inside the renderer, the same code as the browser edition, so a long run does not block main.
 * Security decisions live in `security.ts` and are wired here.
 *
 * Needs Electron's binary to run. Its pieces are unit-tested under test/main, and the whole app is
 * tested by test/e2e/electron, which skips where the binary is not installed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type Session } from 'electron';
import type { AppInfo, MenuCommand, RecentFile } from '../shared/ipc-contract.js';
import { createDesktopHandlers, type SaveDialogKind } from './desktop-handlers.js';
import { createIpcDispatcher, registerIpcHandlers, sendDesktopEvent } from './ipc.js';
import { buildMenuTemplate } from './menu.js';
import { createRecentFiles } from './recent-files.js';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  buildContentSecurityPolicy,
  contentTypeFor,
  createSavePathGuard,
  createWebPreferences,
  decideWindowOpen,
  denyPermissionCheck,
  denyPermissionRequest,
  isNavigationAllowed,
  isResourceRequestAllowed,
  resolveAppPath,
} from './security.js';

const APP_NAME = 'Retail Resilience Studio';
// The built files sit side by side: out/main/index.js, out/preload/index.cjs, out/renderer/.
const mainDir = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(mainDir, '../renderer');
const preloadPath = path.join(mainDir, '../preload/index.cjs');

// electron-vite sets ELECTRON_RENDERER_URL while developing. A packaged app ignores it, so an
// environment variable can never point the window at another origin.
const devServerUrl = app.isPackaged ? null : (process.env.ELECTRON_RENDERER_URL ?? null);
const devServerOrigin = devServerUrl === null ? null : new URL(devServerUrl).origin;
const trustedOrigins = devServerOrigin === null ? [APP_ORIGIN] : [APP_ORIGIN, devServerOrigin];
const contentSecurityPolicy = buildContentSecurityPolicy({ devServerOrigin });

function log(message: string): void {
  console.error(`[rrs main] ${message}`);
}

// Privileges must be registered before `ready`, and the sandbox enabled before any renderer starts.
protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
const guard = createSavePathGuard();
const recent = createRecentFiles(path.join(app.getPath('userData'), 'recent-files.json'), log);

const SAVE_FILTERS: Record<SaveDialogKind, { title: string; filters: Electron.FileFilter[] }> = {
  scenario: { title: 'Save scenario', filters: [{ name: 'Scenario (YAML)', extensions: ['yaml', 'yml'] }] },
  report: { title: 'Export report', filters: [{ name: 'Report', extensions: ['json', 'md', 'csv', 'txt'] }] },
};

function appInfo(): AppInfo {
  return {
    name: APP_NAME,
    version: app.getVersion(),
    electron: process.versions.electron ?? 'unknown',
    chrome: process.versions.chrome ?? 'unknown',
    node: process.versions.node,
    platform: process.platform,
  };
}

function sendCommand(command: MenuCommand): void {
  if (mainWindow !== null) sendDesktopEvent(mainWindow.webContents, 'menuCommand', command);
}

function sendOpenRecent(file: RecentFile): void {
  if (mainWindow !== null) sendDesktopEvent(mainWindow.webContents, 'menuOpenRecent', file);
}

async function showAbout(): Promise<void> {
  const info = appInfo();
  const detail = `Version ${info.version}\nElectron ${info.electron}, Chromium ${info.chrome}, Node.js ${info.node}`;
  const options = { type: 'info' as const, title: `About ${APP_NAME}`, message: APP_NAME, detail };
  await (mainWindow === null ? dialog.showMessageBox(options) : dialog.showMessageBox(mainWindow, options));
}

async function refreshMenu(): Promise<void> {
  const template = buildMenuTemplate(
    { recent: await recent.list(), isMac: process.platform === 'darwin', appName: APP_NAME },
    { sendCommand, openRecent: sendOpenRecent, showAbout: () => void showAbout() },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

const handlers = createDesktopHandlers({
  async showOpenDialog() {
    const options: Electron.OpenDialogOptions = {
      title: 'Open scenario',
      properties: ['openFile'],
      filters: [{ name: 'Scenario (YAML)', extensions: ['yaml', 'yml'] }],
    };
    const result = mainWindow === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(mainWindow, options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async showSaveDialog(kind, defaultName) {
    const options: Electron.SaveDialogOptions = { ...SAVE_FILTERS[kind], defaultPath: defaultName };
    const result = mainWindow === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(mainWindow, options);
    return result.canceled || result.filePath === '' ? null : result.filePath;
  },
  appInfo,
  recent,
  guard,
  onRecentChanged: () => void refreshMenu(),
});

/** Serves the renderer build over `app://rrs/`, with the CSP on every response. */
function registerAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(rendererDir, request.url);
    if (file === null) return new Response('Not found', { status: 404 });

    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': contentTypeFor(file),
          'Content-Security-Policy': contentSecurityPolicy,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch (error) {
      log(`failed to serve ${request.url}: ${(error as Error).message}`);
      return new Response('Not found', { status: 404 });
    }
  });
}

/** Denies permissions, blocks remote requests and adds the CSP to dev-server responses. */
function secureSession(target: Session): void {
  target.setPermissionRequestHandler(denyPermissionRequest);
  target.setPermissionCheckHandler(denyPermissionCheck);

  target.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isResourceRequestAllowed(details.url, trustedOrigins);
    if (!allowed) log(`blocked a request to ${details.url}`);
    callback({ cancel: !allowed });
  });

  target.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: APP_NAME,
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    webPreferences: createWebPreferences(preloadPath),
  });

  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });

  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return window;
}

// Every web contents, including any the app did not create on purpose, gets the same rules.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => {
    if (isNavigationAllowed(event.url, trustedOrigins)) return;
    log(`blocked navigation to ${event.url}`);
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(decideWindowOpen);
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });

  void app.whenReady().then(async () => {
    registerAppProtocol();
    secureSession(session.defaultSession);
    registerIpcHandlers(ipcMain, createIpcDispatcher(handlers, trustedOrigins, log));
    await refreshMenu();
    mainWindow = createMainWindow();
  });
}
