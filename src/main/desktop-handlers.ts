/**
 * Main's side of the IPC contract: file dialogs, reads and writes, the recent list and app info.
 *
 * Arguments arrive from the renderer, which main does not trust, so each handler validates them before
 * touching the disk. Dialogs and app info are injected, so `index.ts` passes Electron's and the unit
 * tests pass their own without Electron's binary.
 */
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  AppInfo,
  DesktopCallName,
  DesktopCalls,
  ExportReportRequest,
  OpenedFile,
  SaveScenarioRequest,
  SavedFile,
} from '../shared/ipc-contract.js';
import type { RecentFiles } from './recent-files.js';
import type { SavePathGuard } from './security.js';

/**
 * Largest file main reads or writes, in bytes. Shipped scenarios are a few kilobytes and a full run
 * report is well under a megabyte, so anything this large is a wrong file or a renderer bug.
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Purpose of a save dialog, which sets its title and file filter. */
export type SaveDialogKind = 'scenario' | 'report';

/** Services the handlers need from Electron. */
export interface DesktopHandlerDeps {
  /** Shows an open dialog for a scenario, resolving to the chosen path or null when cancelled. */
  showOpenDialog(): Promise<string | null>;
  /** Shows a save dialog proposing `defaultName`, resolving to the chosen path or null when cancelled. */
  showSaveDialog(kind: SaveDialogKind, defaultName: string): Promise<string | null>;
  /** Returns the app's name and versions. */
  appInfo(): AppInfo;
  recent: RecentFiles;
  guard: SavePathGuard;
  /** Called after the recent list changed, so the menu can be rebuilt. */
  onRecentChanged?: () => void;
}

/** One handler per call, each taking the raw argument the renderer sent. */
export type DesktopHandlers = {
  [K in DesktopCallName]: (argument: unknown) => ReturnType<DesktopCalls[K]>;
};

function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string') {
    throw new TypeError(`Invalid ${name}: expected a string, received ${value === null ? 'null' : typeof value}.`);
  }
  return value;
}

function requireText(value: unknown, name: string): string {
  const text = requireString(value, name);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_FILE_BYTES) {
    throw new RangeError(`Invalid ${name}: ${bytes} bytes exceeds the ${MAX_FILE_BYTES}-byte limit for one file.`);
  }
  return text;
}

function requireObject(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`Invalid ${name}: expected an object, received ${value === null ? 'null' : typeof value}.`);
  }
  return value as Record<string, unknown>;
}

function parseSaveRequest(value: unknown): SaveScenarioRequest {
  const request = requireObject(value, 'saveScenario request');
  const filePath = request.path === null ? null : requireString(request.path, 'saveScenario path');
  return { path: filePath, text: requireText(request.text, 'saveScenario text') };
}

function parseExportRequest(value: unknown): ExportReportRequest {
  const request = requireObject(value, 'exportReport request');
  const suggestedName = requireString(request.suggestedName, 'exportReport suggestedName');
  return { suggestedName, text: requireText(request.text, 'exportReport text') };
}

/** Keeps only the base name of a proposed file name, so the renderer cannot steer the dialog's folder. */
export function safeFileName(suggested: string, fallback: string): string {
  const base = [...path.basename(suggested.replaceAll('\\', '/'))]
    .map((character) => (character.charCodeAt(0) < 0x20 || '<>:"|?*'.includes(character) ? '_' : character))
    .join('');
  return base === '' || base === '.' || base === '..' ? fallback : base;
}

async function readTextFile(filePath: string): Promise<OpenedFile> {
  const info = await stat(filePath);
  if (!info.isFile()) throw new Error(`Failed to open ${filePath}: it is not a regular file.`);
  if (info.size > MAX_FILE_BYTES) {
    throw new Error(`Failed to open ${filePath}: ${info.size} bytes exceeds the ${MAX_FILE_BYTES}-byte limit.`);
  }
  return { path: filePath, name: path.basename(filePath), text: await readFile(filePath, 'utf8') };
}

/** Writes `text` next to `filePath` first and renames it over, so a failed write keeps the old file. */
async function writeTextFile(filePath: string, text: string): Promise<SavedFile> {
  const temporary = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.tmp`);
  await writeFile(temporary, text, 'utf8');
  await rename(temporary, filePath);
  return { path: filePath, name: path.basename(filePath) };
}

/** Creates the handlers that `index.ts` registers for each call of the contract. */
export function createDesktopHandlers(deps: DesktopHandlerDeps): DesktopHandlers {
  async function remember(filePath: string): Promise<void> {
    await deps.recent.add(filePath);
    deps.onRecentChanged?.();
  }

  return {
    async openScenario() {
      const chosen = await deps.showOpenDialog();
      if (chosen === null) return null;

      const opened = await readTextFile(path.resolve(chosen));
      deps.guard.allow(opened.path);
      await remember(opened.path);
      return opened;
    },

    async saveScenario(argument) {
      const request = parseSaveRequest(argument);

      let target: string;
      if (request.path === null) {
        const chosen = await deps.showSaveDialog('scenario', 'scenario.yaml');
        if (chosen === null) return null;
        target = path.resolve(chosen);
        deps.guard.allow(target);
      } else {
        target = deps.guard.assertAllowed(request.path);
      }

      const saved = await writeTextFile(target, request.text);
      await remember(saved.path);
      return saved;
    },

    async listRecent() {
      return deps.recent.list();
    },

    async openRecent(argument) {
      const requested = path.resolve(requireString(argument, 'openRecent path'));
      if (!(await deps.recent.has(requested))) {
        throw new Error(`Refused to open ${JSON.stringify(requested)}: it is not in the recent-files list. Use File > Open… to pick it.`);
      }

      let opened: OpenedFile;
      try {
        opened = await readTextFile(requested);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        await deps.recent.remove(requested);
        deps.onRecentChanged?.();
        throw new Error(`Scenario file not found: ${requested}. It was removed from the recent-files list.`, {
          cause: error,
        });
      }

      // The recent list holds only files the user picked in a dialog earlier, and picking an entry is
      // the same choice again, so Save may write back to it.
      deps.guard.allow(opened.path);
      await remember(opened.path);
      return opened;
    },

    async exportReport(argument) {
      const request = parseExportRequest(argument);
      const chosen = await deps.showSaveDialog('report', safeFileName(request.suggestedName, 'report.json'));
      if (chosen === null) return null;

      const target = path.resolve(chosen);
      deps.guard.allow(target);
      return writeTextFile(target, request.text);
    },

    async appInfo() {
      return deps.appInfo();
    },
  };
}
