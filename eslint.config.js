// Flat ESLint config. Besides the recommended rules, it records which layer may import which.
// The simulator must run unchanged in Node, a Web Worker and the browser, so it may use neither Node,
// the DOM, Electron, the wall clock nor unseeded chance. Each message names the replacement.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

/** Forbids Node built-ins, with and without the `node:` prefix, naming what a layer must use instead. */
function nodeBuiltinRestrictions(message) {
  return {
    paths: nodeBuiltins.map((name) => ({ name, message })),
    // builtinModules already lists sub-paths such as `fs/promises`, so only the prefix needs a pattern.
    patterns: [{ group: ['node:*'], message }],
  };
}

const simulatorNodeMessage =
  'The simulator runs in Node, a Web Worker and the browser, so it may not import Node built-ins. ' +
  'Take data as arguments and leave files, processes and threads to src/cli or src/main.';
const simulatorNodeRules = nodeBuiltinRestrictions(simulatorNodeMessage);

const simulatorImports = {
  paths: [
    ...simulatorNodeRules.paths,
    {
      name: 'electron',
      message: 'The simulator may not import electron. Expose what the studio needs through src/simulator/api.ts.',
    },
    {
      name: 'react',
      message: 'The simulator may not import react. Put views in src/renderer and pass them plain snapshots.',
    },
    {
      name: 'react-dom',
      message: 'The simulator may not import react-dom. Put views in src/renderer and pass them plain snapshots.',
    },
  ],
  patterns: [
    ...simulatorNodeRules.patterns,
    {
      group: ['electron/*', 'react/*', 'react-dom/*'],
      message: 'The simulator may not import electron or react. Keep UI and app code in src/main and src/renderer.',
    },
    {
      // Relative paths that climb out of src/simulator into a shell, or paths spelled from the root.
      regex: '^(?:\\.\\./)+(?:main|preload|renderer|cli)(?:/|$)|(?:^|/)src/(?:main|preload|renderer|cli)(?:/|$)',
      message:
        'The simulator may not import src/main, src/preload, src/renderer or src/cli. ' +
        'Those shells depend on the simulator, never the reverse.',
    },
  ],
};

const timerMessage = 'Simulator code may not use real timers. Schedule an event on the simulation clock instead.';
const domMessage = 'Simulator code may not touch the DOM or browser storage. Return plain data to the renderer.';

const simulatorGlobals = [
  { name: 'window', message: domMessage },
  { name: 'document', message: domMessage },
  { name: 'navigator', message: domMessage },
  { name: 'localStorage', message: domMessage },
  { name: 'sessionStorage', message: domMessage },
  { name: 'setTimeout', message: timerMessage },
  { name: 'clearTimeout', message: timerMessage },
  { name: 'setInterval', message: timerMessage },
  { name: 'clearInterval', message: timerMessage },
  { name: 'setImmediate', message: timerMessage },
  { name: 'clearImmediate', message: timerMessage },
  { name: 'requestAnimationFrame', message: timerMessage },
  { name: 'cancelAnimationFrame', message: timerMessage },
  {
    name: 'performance',
    message: 'Simulator code may not read wall-clock time with performance. Use the simulation clock (the scheduler time).',
  },
  {
    name: 'process',
    message: 'Simulator code may not use process. Take configuration as arguments from the CLI or the studio.',
  },
];

const randomMessage = 'Math.random is not seeded, so runs would not repeat. Use a RandomStream from engine/random.ts.';
const clockMessage = 'Date reads the wall clock, so runs would not repeat. Use the simulation clock (the scheduler time).';

const simulatorProperties = [
  { object: 'Math', property: 'random', message: randomMessage },
  { object: 'Date', property: 'now', message: clockMessage },
  // `globalThis.setTimeout` would slip past no-restricted-globals.
  ...simulatorGlobals.map(({ name, message }) => ({ object: 'globalThis', property: name, message })),
];

const simulatorSyntax = [
  { selector: "NewExpression[callee.name='Date']", message: clockMessage },
  { selector: "CallExpression[callee.name='Date']", message: clockMessage },
];

const uiNodeMessage = 'This code runs in the browser and the renderer, so it may not import Node built-ins. Ask src/main through the preload API.';
const uiNodeRules = nodeBuiltinRestrictions(uiNodeMessage);
const uiElectronMessage = 'The renderer and shared code may not import electron. Use the API the preload exposes on window.';

const uiImports = {
  paths: [...uiNodeRules.paths, { name: 'electron', message: uiElectronMessage }],
  patterns: [...uiNodeRules.patterns, { group: ['electron/*'], message: uiElectronMessage }],
};

const preloadMessage =
  'The preload may import only electron and src/shared, because it runs with Node access beside untrusted pages. ' +
  'Move other logic to src/main and call it over IPC.';

const preloadImports = {
  patterns: [
    // Any bare specifier other than electron, including `node:` built-ins.
    { regex: '^(?!electron(?:/|$))(?![./])', message: preloadMessage },
    // Relative paths that leave src/preload for anything but src/shared.
    { regex: '^(?:\\.\\./)+(?!\\.\\./)(?!shared(?:/|$))', message: preloadMessage },
  ],
};

export default defineConfig(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'reports/**',
      '.rrs/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tooling, tests, the CLI and the Electron main process run in Node.
    files: [
      '*.{js,mjs,cjs,ts}',
      'bin/**',
      'scripts/**',
      'bench/**',
      'test/**',
      'src/cli/**',
      'src/main/**',
      'src/preload/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // React files and the studio's worker run in the browser.
    files: ['src/renderer/**', 'test/e2e/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  {
    files: ['src/simulator/**'],
    rules: {
      'no-restricted-imports': ['error', simulatorImports],
      'no-restricted-globals': ['error', ...simulatorGlobals],
      'no-restricted-properties': ['error', ...simulatorProperties],
      'no-restricted-syntax': ['error', ...simulatorSyntax],
    },
  },
  {
    files: ['src/renderer/**', 'src/shared/**'],
    rules: { 'no-restricted-imports': ['error', uiImports] },
  },
  {
    files: ['src/preload/**'],
    rules: { 'no-restricted-imports': ['error', preloadImports] },
  },
);
