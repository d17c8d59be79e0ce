/**
 * The `rrs` command line: parses arguments with commander, dispatches to a command and maps every
 * outcome to an exit code. `bin/rrs.mjs` loads this file through tsx.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { RunOptions } from './commands/run.js';
import type { CompareCommandOptions } from './commands/compare.js';
import { EXIT, UsageError } from './errors.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  internal error, a bug in rrs: please report it with the command and the scenario file
  2  invalid input or usage: unknown option, missing or unreadable file, invalid scenario`;

/** Parses `--seed`, which must be a non-negative safe integer because it seeds the random streams. */
function parseSeed(value: string): number {
  const seed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(seed)) {
    throw new InvalidArgumentError('Expected a whole number from 0 to 9007199254740991.');
  }
  return seed;
}

/**
 * Builds the command tree; the actions store their exit code in `exit.code`. Each action imports its
 * command on first use, so `--help` and usage errors do not wait for the simulator to load.
 */
function buildProgram(exit: { code: number }): Command {
  const program = new Command('rrs')
    .description('Run and check Retail Resilience Studio scenarios without the studio.')
    .version(VERSION, '-V, --version', 'print the rrs version')
    .helpOption('-h, --help', 'print help for a command')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
      // commander words a usage error as "error: ..."; rrs words every error as one line with its fix.
      outputError: (text, write) => write(`rrs: ${text.trim().replace(/^error: /, '')}. Fix: run rrs --help for usage.\n`),
    });

  program
    .command('run')
    .description('run a scenario to its end, print its business and system figures and write a JSON report')
    .argument('<scenario>', 'scenario file, YAML or JSON')
    .addOption(new Option('--seed <n>', 'seed of the random streams (default: the scenario seed)').argParser(parseSeed))
    .option('--policy <name>', 'policy set from the scenario to apply (default: the scenario activePolicy)')
    .option('--out <dir>', 'folder for the report, written as <scenario file name>.seed-<n>.json', 'reports')
    .option('--json', 'print the report JSON to stdout instead of the tables', false)
    .option('--quiet', 'print only the report path (or only the JSON with --json), with no progress bar', false)
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (scenario: string, options: RunOptions) => {
      const { runCommand } = await import('./commands/run.js');
      exit.code = runCommand(scenario, options);
    });

  program
    .command('validate')
    .description('check scenario files and print each one as valid or its issues, one per line')
    .argument('<files...>', 'scenario files, YAML or JSON')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (files: string[]) => {
      const { validateCommand } = await import('./commands/validate.js');
      exit.code = validateCommand(files);
    });

  program
    .command('compare')
    .description('run one scenario under two policy sets, or two scenarios, with one seed and print their business figures side by side')
    .argument('<scenario>', 'scenario file, YAML or JSON (side A)')
    .argument('[scenarioB]', 'second scenario file (side B), to compare two landscapes under the same load')
    .option('--policies <A,B>', 'two policy sets separated by a comma: A for the first run, B for the second')
    .addOption(new Option('--seed <n>', 'seed of both runs (default: the seed of the first scenario)').argParser(parseSeed))
    .option('--out <dir>', 'folder for both reports and the comparison JSON', 'reports')
    .option('--json', 'print the comparison JSON to stdout instead of the table', false)
    .option('--quiet', 'print only the comparison path (or only the JSON with --json), with no progress bar', false)
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (scenario: string, scenarioB: string | undefined, options: CompareCommandOptions) => {
      const { compareCommand } = await import('./commands/compare.js');
      exit.code = compareCommand(scenarioB === undefined ? [scenario] : [scenario, scenarioB], options);
    });

  program
    .command('presets')
    .description('list the vendor presets with their limits and the sources of those limits')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async () => {
      const { presetsCommand } = await import('./commands/presets.js');
      exit.code = presetsCommand();
    });

  for (const command of program.commands) {
    command.exitOverride().configureOutput(program.configureOutput());
  }

  return program;
}

/**
 * Runs `rrs` with the given arguments (without the node and script paths) and returns the exit code.
 * Catches every exception: an unexpected one is printed as a bug report and returns 1.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const exit = { code: EXIT.ok as number };

  try {
    const program = buildProgram(exit);
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.invalid;
    }

    await program.parseAsync([...argv], { from: 'user' });
    return exit.code;
  } catch (error) {
    return handleError(error);
  }
}

function handleError(error: unknown): number {
  // Commander has already printed its message, or the help and version texts that end in exit code 0.
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.invalid;

  if (error instanceof UsageError) {
    process.stderr.write(`rrs: ${error.message}\n`);
    return error.exitCode;
  }

  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(
    `rrs: internal error, a bug in rrs: ${detail}\n` +
      'Please report it with the command line you ran and the scenario file.\n',
  );
  return EXIT.internal;
}
