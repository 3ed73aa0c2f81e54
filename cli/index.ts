/**
 * The `salesim` command. Thin: parse arguments, call the engine, print.
 * Each command lives in `cli/commands/<name>.ts` and registers itself in the table below.
 * Bad input exits 2 with one line per problem (field path and rule), never a stack trace.
 */
import { ENGINE_VERSION, InputError, formatIssue } from '../engine/index.js';
import { UsageError, type Command } from './args.js';
import { run } from './commands/run.js';
import { validate } from './commands/validate.js';
import { schema } from './commands/schema.js';
import { presets } from './commands/presets.js';
import { compareCommand } from './commands/compare.js';
import { sensitivityCommand } from './commands/sensitivity.js';
import { calibrate } from './commands/calibrate.js';
import { synth } from './commands/synth.js';
import { backtest } from './commands/backtest.js';
import { solveCommand } from './commands/solve.js';
import { forecastCommand } from './commands/forecast.js';
import { scenariosCommand } from './commands/scenarios.js';

const commands: Record<string, Command> = {
  run,
  validate,
  schema,
  presets,
  compare: compareCommand,
  sensitivity: sensitivityCommand,
  calibrate,
  synth,
  backtest,
  solve: solveCommand,
  forecast: forecastCommand,
  scenarios: scenariosCommand,
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  salesim ${c.usage.padEnd(58)} ${c.summary}`);
  return ['Usage:', ...lines, '', 'Run `salesim <command> --help` for details.'].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(ENGINE_VERSION + '\n');
    return 0;
  }
  const cmd = commands[name];
  if (!cmd) {
    process.stderr.write(`salesim: unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`Usage: salesim ${cmd.usage}\n\n${cmd.help ?? cmd.summary}\n`);
    return 0;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof InputError) {
      for (const err of e.errors) process.stderr.write(`salesim: ${formatIssue(err)}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`salesim ${name}: ${e.message}\nUsage: salesim ${cmd.usage}\n`);
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`salesim: internal error: ${msg}\n`);
    if (process.env.SALESIM_DEBUG && e instanceof Error) process.stderr.write(String(e.stack) + '\n');
    return 1;
  }
}

// Run as the `salesim` command. A test that calls `main` in-process (test/docs/examples.test.ts) sets
// SALESIM_CLI_NO_MAIN=1 before importing this module, so importing it does not run a command.
if (process.env.SALESIM_CLI_NO_MAIN !== '1') process.exitCode = await main(process.argv.slice(2));
