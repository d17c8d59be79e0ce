import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDesktopHandlers, MAX_FILE_BYTES, safeFileName, type SaveDialogKind } from '../../src/main/desktop-handlers.js';
import { createRecentFiles } from '../../src/main/recent-files.js';
import { createSavePathGuard } from '../../src/main/security.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'rrs-handlers-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Handlers on a temp folder, with dialog results taken from queues in place of a user. */
function setup(openAnswers: (string | null)[] = [], saveAnswers: (string | null)[] = []) {
  const saveRequests: { kind: SaveDialogKind; name: string }[] = [];
  let recentChanges = 0;
  const recent = createRecentFiles(path.join(folder, 'user-data', 'recent-files.json'));
  const guard = createSavePathGuard();
  const handlers = createDesktopHandlers({
    async showOpenDialog() {
      return openAnswers.shift() ?? null;
    },
    async showSaveDialog(kind, name) {
      saveRequests.push({ kind, name });
      return saveAnswers.shift() ?? null;
    },
    appInfo: () => ({ name: 'RRS', version: '0.1.0', electron: '40.8.5', chrome: '142', node: '22', platform: 'linux' }),
    recent,
    guard,
    onRecentChanged: () => {
      recentChanges += 1;
    },
  });
  return { handlers, recent, guard, saveRequests, recentChanges: () => recentChanges };
}

describe('openScenario', () => {
  it('returns null when cancelled', async () => {
    const { handlers, recent } = setup([null]);
    await expect(handlers.openScenario(undefined)).resolves.toBeNull();
    await expect(recent.list()).resolves.toEqual([]);
  });

  it('reads the chosen file', async () => {
    const file = path.join(folder, 'black-friday.yaml');
    await writeFile(file, 'version: 1\n');
    const { handlers, recent, guard, recentChanges } = setup([file]);
    await expect(handlers.openScenario(undefined)).resolves.toEqual({ path: file, name: 'black-friday.yaml', text: 'version: 1\n' });
    await expect(recent.list()).resolves.toEqual([{ path: file, name: 'black-friday.yaml' }]);
    expect(guard.isAllowed(file)).toBe(true);
    expect(recentChanges()).toBe(1);
  });

  it('rejects a folder', async () => {
    const { handlers } = setup([folder]);
    await expect(handlers.openScenario(undefined)).rejects.toThrow(`Failed to open ${folder}: it is not a regular file.`);
  });
});

describe('saveScenario', () => {
  it('writes to an opened file', async () => {
    const file = path.join(folder, 'a.yaml');
    await writeFile(file, 'old\n');
    const { handlers } = setup([file]);
    await handlers.openScenario(undefined);
    await expect(handlers.saveScenario({ path: file, text: 'new\n' })).resolves.toEqual({ path: file, name: 'a.yaml' });
    expect(await readFile(file, 'utf8')).toBe('new\n');
  });

  it('rejects a path never chosen', async () => {
    const file = path.join(folder, 'elsewhere.yaml');
    const { handlers } = setup();
    await expect(handlers.saveScenario({ path: file, text: 'x' })).rejects.toThrow(
      `Refused to write ${JSON.stringify(file)}: it was not chosen in a file dialog this session.`,
    );
    await expect(readFile(file, 'utf8')).rejects.toThrow('ENOENT');
  });

  it('save as uses the dialog', async () => {
    const file = path.join(folder, 'copy.yaml');
    const { handlers, saveRequests, guard } = setup([], [file]);
    await expect(handlers.saveScenario({ path: null, text: 'copy\n' })).resolves.toEqual({ path: file, name: 'copy.yaml' });
    expect(saveRequests).toEqual([{ kind: 'scenario', name: 'scenario.yaml' }]);
    expect(await readFile(file, 'utf8')).toBe('copy\n');
    expect(guard.isAllowed(file)).toBe(true);
  });

  it('save as cancelled writes nothing', async () => {
    const { handlers } = setup([], [null]);
    await expect(handlers.saveScenario({ path: null, text: 'x' })).resolves.toBeNull();
  });

  it.each([
    [undefined, 'Invalid saveScenario request: expected an object, received undefined.'],
    [null, 'Invalid saveScenario request: expected an object, received null.'],
    [{ path: 3, text: 'x' }, 'Invalid saveScenario path: expected a string, received number.'],
    [{ path: null, text: 7 }, 'Invalid saveScenario text: expected a string, received number.'],
  ])('rejects request %j', async (request, message) => {
    const { handlers } = setup();
    await expect(handlers.saveScenario(request)).rejects.toThrow(message);
  });

  it('rejects oversized text', async () => {
    const { handlers } = setup([], [path.join(folder, 'big.yaml')]);
    const text = 'x'.repeat(MAX_FILE_BYTES + 1);
    await expect(handlers.saveScenario({ path: null, text })).rejects.toThrow(
      `Invalid saveScenario text: ${MAX_FILE_BYTES + 1} bytes exceeds the ${MAX_FILE_BYTES}-byte limit for one file.`,
    );
  });
});

describe('openRecent', () => {
  it('opens a listed file', async () => {
    const file = path.join(folder, 'listed.yaml');
    await writeFile(file, 'listed\n');
    const { handlers, recent, guard } = setup();
    await recent.add(file);
    await expect(handlers.openRecent(file)).resolves.toEqual({ path: file, name: 'listed.yaml', text: 'listed\n' });
    expect(guard.isAllowed(file)).toBe(true);
  });

  it('rejects an unlisted path', async () => {
    const file = path.join(folder, 'secret.txt');
    await writeFile(file, 'secret');
    const { handlers } = setup();
    await expect(handlers.openRecent(file)).rejects.toThrow(
      `Refused to open ${JSON.stringify(file)}: it is not in the recent-files list. Use File > Open… to pick it.`,
    );
  });

  it('drops a missing file', async () => {
    const file = path.join(folder, 'gone.yaml');
    const { handlers, recent } = setup();
    await recent.add(file);
    await expect(handlers.openRecent(file)).rejects.toThrow(
      `Scenario file not found: ${file}. It was removed from the recent-files list.`,
    );
    await expect(recent.list()).resolves.toEqual([]);
  });

  it('rejects a non-string path', async () => {
    const { handlers } = setup();
    await expect(handlers.openRecent({ path: '/etc/passwd' })).rejects.toThrow(
      'Invalid openRecent path: expected a string, received object.',
    );
  });
});

describe('exportReport', () => {
  it('writes where the dialog says', async () => {
    const file = path.join(folder, 'report.json');
    const { handlers, saveRequests } = setup([], [file]);
    await expect(handlers.exportReport({ suggestedName: 'run-42.json', text: '{}\n' })).resolves.toEqual({
      path: file,
      name: 'report.json',
    });
    expect(saveRequests).toEqual([{ kind: 'report', name: 'run-42.json' }]);
    expect(await readFile(file, 'utf8')).toBe('{}\n');
  });

  it('strips folders from the name', async () => {
    const { handlers, saveRequests } = setup([], [null]);
    await expect(handlers.exportReport({ suggestedName: '../../.ssh/authorized_keys', text: 'x' })).resolves.toBeNull();
    expect(saveRequests).toEqual([{ kind: 'report', name: 'authorized_keys' }]);
  });
});

describe('safeFileName', () => {
  it.each([
    ['run.json', 'run.json'],
    ['C:\\Users\\ana\\run.json', 'run.json'],
    ['a:b?.json', 'a_b_.json'],
    ['a\u0001b.json', 'a_b.json'],
    ['..', 'fallback.json'],
    ['', 'fallback.json'],
  ])('%s -> %s', (suggested, expected) => {
    expect(safeFileName(suggested, 'fallback.json')).toBe(expected);
  });
});

describe('appInfo and listRecent', () => {
  it('return injected values', async () => {
    const { handlers, recent } = setup();
    await recent.add('/home/ana/a.yaml');
    await expect(handlers.appInfo(undefined)).resolves.toEqual({
      name: 'RRS',
      version: '0.1.0',
      electron: '40.8.5',
      chrome: '142',
      node: '22',
      platform: 'linux',
    });
    await expect(handlers.listRecent(undefined)).resolves.toEqual([{ path: '/home/ana/a.yaml', name: 'a.yaml' }]);
  });
});
