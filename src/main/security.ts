/**
 * Security decisions for the desktop shell, following Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security, read for Electron 40).
 *
 * Everything here is a plain function of its inputs and imports only types from Electron, so the unit
 * tests run in Node without Electron's binary. `index.ts` wires these functions into Electron.
 */
import path from 'node:path';
import type { CustomScheme, WebPreferences } from 'electron';

/** Scheme that serves the renderer build instead of `file://`. */
export const APP_SCHEME = 'app';

/** Host part of every app URL. A standard scheme needs one, and it makes the origin `app://rrs`. */
export const APP_HOST = 'rrs';

/** Origin of the packaged renderer. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** URL the main window loads in a built app. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges for `app://`, registered before the app is ready. `standard` gives it an origin and
 * relative URL resolution, `secure` lets it use APIs limited to secure contexts, `supportFetchAPI` lets
 * the renderer `fetch` assets, and `corsEnabled` covers module scripts and module workers, which
 * Chromium always requests in CORS mode. No privilege bypasses the CSP.
 *
 * NOTE: loading the simulation's module worker over `app://` is exercised only by
 * test/e2e/electron, which needs Electron's binary.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme[] = [
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
  },
];

/** Returns the main window's webPreferences: isolated, sandboxed, without Node in any frame. */
export function createWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/** Options for `buildContentSecurityPolicy`. */
export interface CspOptions {
  /**
   * Origin of electron-vite's dev server, e.g. `http://localhost:5173`, only while developing. Vite's
   * hot reload then needs its websocket and the React refresh preamble, an inline script.
   */
  devServerOrigin?: string | null;
}

/**
 * Builds the Content-Security-Policy header for every renderer response.
 *
 * `style-src` allows `'unsafe-inline'` because CodeMirror 6 (through style-mod) inserts `<style>`
 * elements into `document.head` for its themes. Inline styles cannot run script. `img-src` allows
 * `data:` for the SVG squiggles that `@codemirror/lint` draws. No directive allows `'unsafe-eval'`.
 */
export function buildContentSecurityPolicy(options: CspOptions = {}): string {
  const dev = options.devServerOrigin ?? null;
  const devSocket = dev === null ? null : dev.replace(/^http/, 'ws');

  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', dev === null ? ["'self'"] : ["'self'", "'unsafe-inline'"]],
    ['worker-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', devSocket === null ? ["'self'"] : ["'self'", devSocket]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** Returns the origin of `url`, or null when it does not parse or has no origin. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Standard custom schemes get a real origin in Chromium but `null` in Node's WHATWG URL, so build
    // the origin from its parts for `app:`.
    if (parsed.protocol === `${APP_SCHEME}:`) return `${APP_SCHEME}://${parsed.host}`;
    return parsed.origin === 'null' ? null : parsed.origin;
  } catch {
    return null;
  }
}

/** Returns true when `url` belongs to one of `trustedOrigins`. */
export function isTrustedUrl(url: string, trustedOrigins: readonly string[] = [APP_ORIGIN]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}

/**
 * Decides a `will-navigate` request: the single-page renderer may reload itself, but never leaves the
 * app's origin, so a link or a compromised script cannot load remote content into the privileged window.
 */
export function isNavigationAllowed(url: string, trustedOrigins: readonly string[] = [APP_ORIGIN]): boolean {
  return isTrustedUrl(url, trustedOrigins);
}

/** Schemes that never leave the machine: inline data, object URLs and the DevTools front end. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:']);

/**
 * Decides `session.webRequest.onBeforeRequest`: the renderer loads nothing remote, so only its own
 * origins and local schemes pass. A dev server's hot-reload websocket (`ws://` on the same host and
 * port) counts as that dev server's origin.
 */
export function isResourceRequestAllowed(url: string, trustedOrigins: readonly string[] = [APP_ORIGIN]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  if (parsed.protocol === 'ws:' || parsed.protocol === 'wss:') {
    const httpScheme = parsed.protocol === 'ws:' ? 'http:' : 'https:';
    return trustedOrigins.includes(`${httpScheme}//${parsed.host}`);
  }
  return isTrustedUrl(url, trustedOrigins);
}

/** Decides `setWindowOpenHandler`: the studio has one window, so every `window.open` is denied. */
export function decideWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Handles `session.setPermissionRequestHandler`: the studio needs no camera, location, notifications
 * or other permission, so every request is denied.
 */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

/** Handles `session.setPermissionCheckHandler` by denying every permission. */
export function denyPermissionCheck(): boolean {
  return false;
}

/** The parts of Electron's `WebFrameMain` that `isTrustedSender` reads. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * Returns true when an IPC message comes from the app's own main frame: a frame that exists, has no
 * parent (so it is not an iframe) and shows a page of a trusted origin.
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  trustedOrigins: readonly string[] = [APP_ORIGIN],
): boolean {
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  return isTrustedUrl(frame.url, trustedOrigins);
}

/**
 * Resolves an `app://rrs/...` request to a file inside `rootDir`, the renderer build folder.
 *
 * Returns null for another scheme or host, invalid percent-encoding, an encoded NUL byte, or a path
 * that leaves `rootDir` once decoded (`..%2f`, or backslashes on Windows). Plain `..` segments never
 * get here, because URL parsing already removed them, stopping at the root. `/` maps to `index.html`.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;

  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  if (relative === '/' || relative === '') relative = '/index.html';

  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${relative}`);
  const fromRoot = path.relative(root, file);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.yaml': 'text/yaml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Returns the Content-Type for a file served over `app://`, by extension. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Paths the user picked in a dialog this session, the only places main writes to. */
export interface SavePathGuard {
  /** Records a path the user picked. */
  allow(filePath: string): void;
  /** Returns true when `filePath` was picked this session. */
  isAllowed(filePath: string): boolean;
  /**
   * Returns the resolved `filePath` when it was picked this session.
   *
   * @throws Error naming the path and telling the user to pick it with Save As.
   */
  assertAllowed(filePath: string): string;
}

/**
 * Creates the guard that keeps `saveScenario` from writing anywhere the user did not choose, so a
 * compromised renderer cannot overwrite arbitrary files. Paths are compared after `path.resolve`.
 *
 * NOTE: the comparison is case-sensitive, so on case-insensitive file systems (Windows, default macOS)
 * a path spelled with other letter case is rejected even though it names the same file.
 */
export function createSavePathGuard(): SavePathGuard {
  const allowed = new Set<string>();

  return {
    allow(filePath) {
      allowed.add(path.resolve(filePath));
    },
    isAllowed(filePath) {
      return typeof filePath === 'string' && filePath !== '' && allowed.has(path.resolve(filePath));
    },
    assertAllowed(filePath) {
      if (!this.isAllowed(filePath)) {
        throw new Error(
          `Refused to write ${JSON.stringify(filePath)}: it was not chosen in a file dialog this session. Use File > Save As… to pick where to save.`,
        );
      }
      return path.resolve(filePath);
    },
  };
}
