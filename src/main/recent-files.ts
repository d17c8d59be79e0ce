/**
 * The recent-files list behind File > Open Recent, stored by main as JSON in the app's user-data
 * folder. The renderer reads it through `listRecent()` and can open only the paths it contains.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RecentFile } from '../shared/ipc-contract.js';

/** Number of entries kept, as in most editors' Open Recent menus. */
export const RECENT_FILES_LIMIT = 10;

/** Persistent list of recently opened or saved scenario files, most recent first. */
export interface RecentFiles {
  /** Returns the entries, most recent first. */
  list(): Promise<RecentFile[]>;
  /** Returns true when `filePath` is in the list. */
  has(filePath: string): Promise<boolean>;
  /** Moves `filePath` to the top, adding it when missing and dropping the oldest past the limit. */
  add(filePath: string): Promise<RecentFile[]>;
  /** Removes `filePath`, e.g. after it was found missing on disk. */
  remove(filePath: string): Promise<RecentFile[]>;
}

/** Returns the entries of a stored list, skipping anything that is not an absolute path string. */
function parseStored(text: string): string[] {
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { paths?: unknown }).paths)) {
    return [];
  }
  const paths = (data as { paths: unknown[] }).paths;
  return paths.filter((entry): entry is string => typeof entry === 'string' && path.isAbsolute(entry));
}

/**
 * Creates the list stored in `storeFile` (e.g. `<userData>/recent-files.json`). The file is read on
 * first use. A missing file means an empty list, and an unreadable one is reported through `onError`
 * and then treated as empty, so a corrupt file never blocks opening scenarios.
 */
export function createRecentFiles(
  storeFile: string,
  onError: (message: string) => void = () => {},
  limit = RECENT_FILES_LIMIT,
): RecentFiles {
  let cache: string[] | null = null;

  async function load(): Promise<string[]> {
    if (cache !== null) return cache;
    try {
      cache = parseStored(await readFile(storeFile, 'utf8')).slice(0, limit);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') {
        onError(`Failed to read the recent-files list ${storeFile}: ${(error as Error).message}. Starting with an empty list.`);
      }
      cache = [];
    }
    return cache;
  }

  async function store(paths: string[]): Promise<RecentFile[]> {
    cache = paths;
    await mkdir(path.dirname(storeFile), { recursive: true });
    // Write a sibling file, then rename it over the old one, so a crash never leaves half a list.
    const temporary = `${storeFile}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ version: 1, paths }, null, 2)}\n`, 'utf8');
    await rename(temporary, storeFile);
    return toEntries(paths);
  }

  return {
    async list() {
      return toEntries(await load());
    },
    async has(filePath) {
      return (await load()).includes(path.resolve(filePath));
    },
    async add(filePath) {
      const resolved = path.resolve(filePath);
      const rest = (await load()).filter((entry) => entry !== resolved);
      return store([resolved, ...rest].slice(0, limit));
    },
    async remove(filePath) {
      const resolved = path.resolve(filePath);
      return store((await load()).filter((entry) => entry !== resolved));
    },
  };
}

function toEntries(paths: readonly string[]): RecentFile[] {
  return paths.map((entry) => ({ path: entry, name: path.basename(entry) }));
}
