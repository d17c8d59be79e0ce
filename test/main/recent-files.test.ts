import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecentFiles, RECENT_FILES_LIMIT } from '../../src/main/recent-files.js';

let folder: string;
let store: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'rrs-recent-'));
  store = path.join(folder, 'user-data', 'recent-files.json');
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('createRecentFiles', () => {
  it('starts empty without a file', async () => {
    await expect(createRecentFiles(store).list()).resolves.toEqual([]);
  });

  it('moves re-added path to top', async () => {
    const recent = createRecentFiles(store);
    await recent.add('/s/a.yaml');
    await recent.add('/s/b.yaml');
    await recent.add('/s/a.yaml');
    expect((await recent.list()).map((entry) => entry.path)).toEqual(['/s/a.yaml', '/s/b.yaml']);
  });

  it('keeps at most the limit', async () => {
    const recent = createRecentFiles(store);
    for (let index = 0; index < RECENT_FILES_LIMIT + 3; index += 1) await recent.add(`/s/${index}.yaml`);
    const paths = (await recent.list()).map((entry) => entry.path);
    expect(paths).toHaveLength(RECENT_FILES_LIMIT);
    expect(paths[0]).toBe(`/s/${RECENT_FILES_LIMIT + 2}.yaml`);
    expect(paths.at(-1)).toBe('/s/3.yaml');
  });

  it('persists across instances', async () => {
    await createRecentFiles(store).add('/s/a.yaml');
    const reloaded = createRecentFiles(store);
    await expect(reloaded.list()).resolves.toEqual([{ path: '/s/a.yaml', name: 'a.yaml' }]);
    await expect(reloaded.has('/s/a.yaml')).resolves.toBe(true);
    expect(JSON.parse(await readFile(store, 'utf8'))).toEqual({ version: 1, paths: ['/s/a.yaml'] });
  });

  it('removes a path', async () => {
    const recent = createRecentFiles(store);
    await recent.add('/s/a.yaml');
    await recent.add('/s/b.yaml');
    await recent.remove('/s/a.yaml');
    await expect(recent.has('/s/a.yaml')).resolves.toBe(false);
    await expect(recent.list()).resolves.toEqual([{ path: '/s/b.yaml', name: 'b.yaml' }]);
  });

  it('reports a corrupt file', async () => {
    await mkdir(path.dirname(store), { recursive: true });
    await writeFile(store, '{ not json');
    const errors: string[] = [];
    await expect(createRecentFiles(store, (message) => errors.push(message)).list()).resolves.toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`Failed to read the recent-files list ${store}:`);
  });

  it('skips relative and non-string entries', async () => {
    await mkdir(path.dirname(store), { recursive: true });
    await writeFile(store, JSON.stringify({ version: 1, paths: ['/s/a.yaml', 'relative.yaml', 42, null] }));
    await expect(createRecentFiles(store).list()).resolves.toEqual([{ path: '/s/a.yaml', name: 'a.yaml' }]);
  });
});
