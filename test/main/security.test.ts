import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
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
  isTrustedSender,
  resolveAppPath,
} from '../../src/main/security.js';

const DEV_ORIGIN = 'http://localhost:5173';

/** Parses a CSP header into directive name -> sources. */
function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name !== undefined && name !== '') directives.set(name, sources);
  }
  return directives;
}

describe('createWebPreferences', () => {
  const preferences = createWebPreferences('/app/out/preload/index.cjs');

  it('isolates and sandboxes the renderer', () => {
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.nodeIntegrationInWorker).toBe(false);
    expect(preferences.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security features on', () => {
    expect(preferences.webSecurity).toBe(true);
    expect(preferences.allowRunningInsecureContent).toBe(false);
    expect(preferences.webviewTag).toBe(false);
    expect(preferences.experimentalFeatures).toBe(false);
    expect(preferences.navigateOnDragDrop).toBe(false);
  });

  it('passes the preload path through', () => {
    expect(preferences.preload).toBe('/app/out/preload/index.cjs');
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('registers app as standard and secure', () => {
    expect(APP_SCHEME_PRIVILEGES).toHaveLength(1);
    expect(APP_SCHEME_PRIVILEGES[0]?.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES[0]?.privileges?.standard).toBe(true);
    expect(APP_SCHEME_PRIVILEGES[0]?.privileges?.secure).toBe(true);
    expect(APP_SCHEME_PRIVILEGES[0]?.privileges?.corsEnabled).toBe(true);
    expect(APP_SCHEME_PRIVILEGES[0]?.privileges?.bypassCSP).toBeUndefined();
    expect(APP_SCHEME_PRIVILEGES[0]?.privileges?.allowServiceWorkers).toBeUndefined();
  });

  it('entry URL uses the app origin', () => {
    expect(APP_ORIGIN).toBe('app://rrs');
    expect(APP_ENTRY_URL).toBe('app://rrs/index.html');
  });
});

describe('buildContentSecurityPolicy', () => {
  it('production policy is exact', () => {
    expect(buildContentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
        "base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'",
    );
  });

  it('production policy never allows eval', () => {
    const policy = buildContentSecurityPolicy();
    expect(policy).not.toContain('unsafe-eval');
    expect(parseCsp(policy).get('script-src')).toEqual(["'self'"]);
  });

  it('dev policy adds only hot reload', () => {
    const directives = parseCsp(buildContentSecurityPolicy({ devServerOrigin: DEV_ORIGIN }));
    expect(directives.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect([...directives.values()].flat()).not.toContain("'unsafe-eval'");
  });
});

describe('isNavigationAllowed', () => {
  it.each([
    ['app://rrs/index.html', true],
    ['app://rrs/', true],
    ['app://other/index.html', false],
    ['https://example.com/', false],
    ['http://localhost:5173/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => {
    expect(isNavigationAllowed(url)).toBe(expected);
  });

  it('dev origin allowed when trusted', () => {
    expect(isNavigationAllowed('http://localhost:5173/', [APP_ORIGIN, DEV_ORIGIN])).toBe(true);
    expect(isNavigationAllowed('http://localhost:5174/', [APP_ORIGIN, DEV_ORIGIN])).toBe(false);
  });
});

describe('isResourceRequestAllowed', () => {
  it.each([
    ['app://rrs/assets/index.js', true],
    ['data:image/svg+xml,<svg/>', true],
    ['blob:app://rrs/0b7c', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['https://cdn.example.com/lib.js', false],
    ['http://169.254.169.254/latest/meta-data/', false],
    ['ws://localhost:5173/', false],
    ['file:///etc/hosts', false],
  ])('%s -> %s', (url, expected) => {
    expect(isResourceRequestAllowed(url)).toBe(expected);
  });

  it('dev socket allowed with dev origin', () => {
    const trusted = [APP_ORIGIN, DEV_ORIGIN];
    expect(isResourceRequestAllowed('ws://localhost:5173/', trusted)).toBe(true);
    expect(isResourceRequestAllowed('ws://localhost:9999/', trusted)).toBe(false);
    expect(isResourceRequestAllowed('http://localhost:5173/src/main.tsx', trusted)).toBe(true);
  });
});

describe('window and permission handlers', () => {
  it('window open always denied', () => {
    expect(decideWindowOpen()).toEqual({ action: 'deny' });
  });

  it('permission requests denied', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answers: boolean[] = [];
      denyPermissionRequest(null, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
    }
  });

  it('permission checks denied', () => {
    expect(denyPermissionCheck()).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const mainFrame = { url: 'app://rrs/index.html', parent: null };

  it('accepts app main frame', () => {
    expect(isTrustedSender(mainFrame)).toBe(true);
  });

  it('rejects missing frame', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('rejects child frame of app', () => {
    expect(isTrustedSender({ url: 'app://rrs/index.html', parent: mainFrame })).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'app://evil/index.html',
    'file:///work/main/out/renderer/index.html',
    'http://localhost:5173/',
    'about:blank',
    '',
  ])('rejects foreign origin %s', (url) => {
    expect(isTrustedSender({ url, parent: null })).toBe(false);
  });

  it('accepts dev origin when trusted', () => {
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, [APP_ORIGIN, DEV_ORIGIN])).toBe(true);
  });
});

describe('resolveAppPath', () => {
  const root = path.resolve('/srv/rrs/out/renderer');

  it('maps root to index.html', () => {
    expect(resolveAppPath(root, 'app://rrs/')).toBe(path.join(root, 'index.html'));
  });

  it('maps asset inside root', () => {
    expect(resolveAppPath(root, 'app://rrs/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
  });

  it('ignores query and hash', () => {
    expect(resolveAppPath(root, 'app://rrs/index.html?x=1#top')).toBe(path.join(root, 'index.html'));
  });

  it('decodes escaped names', () => {
    expect(resolveAppPath(root, 'app://rrs/assets/a%20b.css')).toBe(path.join(root, 'assets', 'a b.css'));
  });

  it('clamps dot segments to root', () => {
    // The URL parser removes `..` segments (also `%2e%2e`) and stops at the root, as Chromium does
    // before the protocol handler runs, so these stay inside the build folder.
    expect(resolveAppPath(root, 'app://rrs/../../etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveAppPath(root, 'app://rrs/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });

  it.each([
    'app://rrs/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://rrs/%2e%2e%2fsecret.txt',
    'app://rrs/assets/%00.js',
    'app://rrs/%E0%A4%A',
    'app://other/index.html',
    'file:///srv/rrs/out/renderer/index.html',
    'https://rrs/index.html',
    'not a url',
  ])('rejects %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index.js', 'text/javascript; charset=utf-8'],
    ['assets/sim.worker.MJS', 'text/javascript; charset=utf-8'],
    ['assets/index.css', 'text/css; charset=utf-8'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/blob.bin', 'application/octet-stream'],
  ])('%s -> %s', (file, expected) => {
    expect(contentTypeFor(file)).toBe(expected);
  });
});

describe('createSavePathGuard', () => {
  it('rejects paths never chosen', () => {
    const guard = createSavePathGuard();
    expect(guard.isAllowed('/home/ana/black-friday.yaml')).toBe(false);
    expect(() => guard.assertAllowed('/home/ana/black-friday.yaml')).toThrow(
      'Refused to write "/home/ana/black-friday.yaml": it was not chosen in a file dialog this session.',
    );
  });

  it('accepts a chosen path', () => {
    const guard = createSavePathGuard();
    guard.allow('/home/ana/black-friday.yaml');
    expect(guard.isAllowed('/home/ana/black-friday.yaml')).toBe(true);
    expect(guard.assertAllowed('/home/ana/black-friday.yaml')).toBe(path.resolve('/home/ana/black-friday.yaml'));
  });

  it('normalises before comparing', () => {
    const guard = createSavePathGuard();
    guard.allow('/home/ana/scenarios/../black-friday.yaml');
    expect(guard.isAllowed('/home/ana/black-friday.yaml')).toBe(true);
    expect(guard.isAllowed('/home/ana/./black-friday.yaml')).toBe(true);
  });

  it('rejects siblings and traversal', () => {
    const guard = createSavePathGuard();
    guard.allow('/home/ana/black-friday.yaml');
    expect(guard.isAllowed('/home/ana/black-friday.yaml.bak')).toBe(false);
    expect(guard.isAllowed('/home/ana/black-friday.yaml/../.bashrc')).toBe(false);
    expect(guard.isAllowed('/home/ana')).toBe(false);
    expect(guard.isAllowed('')).toBe(false);
  });

  it('keeps guards independent', () => {
    const first = createSavePathGuard();
    const second = createSavePathGuard();
    first.allow('/tmp/a.yaml');
    expect(second.isAllowed('/tmp/a.yaml')).toBe(false);
  });
});
