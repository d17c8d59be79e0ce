#!/usr/bin/env node
// Starts the TypeScript CLI in src/cli through tsx, so `npx rrs` works right after `npm ci` without a build.
import { tsImport } from 'tsx/esm/api';

// A closed pipe (`rrs run ... | head`) is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Only a failure to load the CLI lands here; main() itself never throws.
  console.error(`rrs: internal error, the CLI failed to load: ${error?.stack ?? error}`);
  console.error('Please report it with the command line you ran. Running `npm ci` may also help.');
  process.exitCode = 1;
}
