import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEB_PORT,
  INSTALL_ELECTRON_HINT,
  explainFallback,
  findElectronBinary,
  isElectronScriptDenied,
  parseArguments,
} from '../../scripts/start.mjs';

const display = { DISPLAY: ':0' };

describe('findElectronBinary', () => {
  it('reports a throwing require', () => {
    const requireModule = () => {
      throw new Error('Electron failed to install correctly');
    };
    expect(findElectronBinary(requireModule, () => true)).toEqual({ found: false, reason: 'not-installed' });
  });

  it('reports a missing binary file', () => {
    expect(findElectronBinary(() => '/opt/electron/electron', () => false)).toEqual({
      found: false,
      reason: 'missing-file',
    });
  });

  it('finds an existing binary', () => {
    expect(findElectronBinary(() => '/opt/electron/electron', () => true)).toEqual({
      found: true,
      path: '/opt/electron/electron',
    });
  });

  it('matches this machine', () => {
    // With the real `electron` package: where its install script never ran, requiring it throws.
    const result = findElectronBinary();
    expect(typeof result.found).toBe('boolean');
    if (!result.found) expect(result.reason).toBe('not-installed');
  });
});

describe('explainFallback', () => {
  const missing = { found: false, reason: 'not-installed' } as const;
  const present = { found: true, path: '/opt/electron/electron' } as const;

  it('explains a denied install script', () => {
    const line = explainFallback({ electron: missing, scriptDenied: true, forcedWeb: false, platform: 'linux', env: display });
    expect(line).toBe(
      "Electron's binary is not installed (npm's allowScripts in package.json denies its install script); " +
        'opening the browser edition instead. Run `npm install-scripts approve electron && npm rebuild electron` ' +
        'on a machine with internet to get the desktop app.',
    );
  });

  it('explains a failed download', () => {
    const line = explainFallback({ electron: missing, scriptDenied: false, forcedWeb: false, platform: 'darwin', env: {} });
    expect(line).toContain('(its install script did not download it)');
    expect(line).toContain(INSTALL_ELECTRON_HINT);
  });

  it('explains a missing display', () => {
    const line = explainFallback({ electron: present, scriptDenied: false, forcedWeb: false, platform: 'linux', env: {} });
    expect(line).toBe(
      'No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so Electron cannot open a window; opening the browser edition instead.',
    );
  });

  it('explains the web flag', () => {
    const line = explainFallback({ electron: present, scriptDenied: false, forcedWeb: true, platform: 'linux', env: display });
    expect(line).toBe('Opening the browser edition because --web was given.');
  });

  it('allows desktop with binary', () => {
    expect(explainFallback({ electron: present, scriptDenied: false, forcedWeb: false, platform: 'linux', env: display })).toBeNull();
    expect(
      explainFallback({ electron: present, scriptDenied: false, forcedWeb: false, platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } }),
    ).toBeNull();
    expect(explainFallback({ electron: present, scriptDenied: false, forcedWeb: false, platform: 'win32', env: {} })).toBeNull();
  });
});

describe('isElectronScriptDenied', () => {
  it('reads allowScripts', () => {
    expect(isElectronScriptDenied({ allowScripts: { electron: false } })).toBe(true);
    expect(isElectronScriptDenied({ allowScripts: { electron: true } })).toBe(false);
    expect(isElectronScriptDenied({})).toBe(false);
  });
});

describe('parseArguments', () => {
  it('defaults to desktop', () => {
    expect(parseArguments([])).toEqual({ web: false, port: DEFAULT_WEB_PORT });
  });

  it('reads web and port', () => {
    expect(parseArguments(['--web', '--port', '5000'])).toEqual({ web: true, port: 5000 });
  });

  it('rejects a bad port', () => {
    expect(() => parseArguments(['--port', 'http'])).toThrow('Invalid --port "http": expected an integer from 1 to 65535.');
    expect(() => parseArguments(['--port', '70000'])).toThrow('Invalid --port "70000"');
    expect(() => parseArguments(['--port'])).toThrow('Invalid --port undefined');
  });

  it('rejects unknown options', () => {
    expect(() => parseArguments(['--desktop'])).toThrow('Unknown option "--desktop". Use --web or --port N.');
  });
});
