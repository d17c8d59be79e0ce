#!/usr/bin/env node
/**
 * `npm start`: opens the desktop app where Electron's binary is installed, and otherwise builds and
 * serves the browser edition on 127.0.0.1, saying why in one line.
 *
 *   npm start                  desktop app (electron-vite preview: build, then run), or browser edition
 *   npm start -- --web         browser edition even where Electron is installed
 *   npm start -- --port 5000   first port to try for the browser edition (default 4173)
 *
 * Ctrl-C stops the server or the app and exits with status 0.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webConfigFile = path.join(projectRoot, 'vite.web.config.ts');

/** First port tried for the browser edition; Vite moves on to the next free one when it is taken. */
export const DEFAULT_WEB_PORT = 4173;

/** Commands that install Electron's binary; both exist in npm 11 (`npm help install-scripts`). */
export const INSTALL_ELECTRON_HINT = 'npm install-scripts approve electron && npm rebuild electron';

/**
 * Finds Electron's binary the way the `electron` package does: requiring it returns the executable's
 * path, and throws when its install script never downloaded the binary.
 *
 * @returns `{ found: true, path }`, or `{ found: false, reason }` with one of `not-installed`
 *   (requiring `electron` threw) or `missing-file` (the returned path does not exist).
 */
export function findElectronBinary(requireModule = createRequire(import.meta.url), exists = existsSync) {
  let binary;
  try {
    binary = requireModule('electron');
  } catch {
    return { found: false, reason: 'not-installed' };
  }
  if (typeof binary !== 'string' || !exists(binary)) return { found: false, reason: 'missing-file' };
  return { found: true, path: binary };
}

/** Returns true when package.json's `allowScripts` denies Electron's install script. */
export function isElectronScriptDenied(packageJson) {
  return packageJson?.allowScripts?.electron === false;
}

/**
 * Returns why the browser edition opens instead of the desktop app, as one line, or null when the
 * desktop app can start.
 */
export function explainFallback({ electron, scriptDenied, forcedWeb, platform, env }) {
  if (forcedWeb) return 'Opening the browser edition because --web was given.';

  if (!electron.found) {
    const cause = scriptDenied
      ? "npm's allowScripts in package.json denies its install script"
      : 'its install script did not download it';
    return `Electron's binary is not installed (${cause}); opening the browser edition instead. Run \`${INSTALL_ELECTRON_HINT}\` on a machine with internet to get the desktop app.`;
  }

  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return 'No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so Electron cannot open a window; opening the browser edition instead.';
  }
  return null;
}

/** Parses `--web` and `--port N` from the command line. */
export function parseArguments(argv) {
  const options = { web: false, port: DEFAULT_WEB_PORT };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--web') {
      options.web = true;
    } else if (argument === '--port') {
      const value = Number(argv[index + 1]);
      if (!Number.isInteger(value) || value < 1 || value > 65535) {
        throw new Error(`Invalid --port ${JSON.stringify(argv[index + 1])}: expected an integer from 1 to 65535.`);
      }
      options.port = value;
      index += 1;
    } else {
      throw new Error(`Unknown option ${JSON.stringify(argument)}. Use --web or --port N.`);
    }
  }
  return options;
}

/** Builds the desktop app and runs it with electron-vite, which stops Electron on Ctrl-C. */
function startDesktop() {
  console.log('Starting the desktop app (electron-vite preview: build, then run).');
  // The package's bin file ships without its executable bit, so run it through node.
  const cli = path.join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const child = spawn(process.execPath, [cli, 'preview'], { cwd: projectRoot, stdio: 'inherit' });
  // electron-vite forwards Ctrl-C to Electron; this process only waits for it to finish.
  process.on('SIGINT', () => {});
  child.on('close', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 0 : 1)));
}

/** Builds the browser edition to out/web and serves it on 127.0.0.1 until Ctrl-C. */
async function startWeb(port) {
  const { build, preview } = await import('vite');

  console.log('Building the browser edition (vite build --config vite.web.config.ts)...');
  await build({ configFile: webConfigFile, logLevel: 'warn' });

  const server = await preview({
    configFile: webConfigFile,
    preview: { host: '127.0.0.1', port, strictPort: false, open: false },
  });
  const address = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  console.log(`Retail Resilience Studio (browser edition): ${address}`);
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    console.log('Stopped the browser edition server.');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const packageJson = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
  const reason = explainFallback({
    electron: findElectronBinary(),
    scriptDenied: isElectronScriptDenied(packageJson),
    forcedWeb: options.web,
    platform: process.platform,
    env: process.env,
  });

  if (reason === null) {
    startDesktop();
    return;
  }
  console.log(reason);
  await startWeb(options.port);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
