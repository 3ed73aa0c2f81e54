/**
 * The `salesim` command. Thin: parse arguments, call the engine, print.
 * Each command lives in `cli/commands/<name>.ts` and registers itself in the table below.
 * Bad input exits 2 with one line per problem (field path and rule), never a stack trace.
 */
// only what every command needs is loaded up front; a command's module (and the engine parts it uses)
// loads when it runs, so `salesim run` does not wait for calibrate's, forecast's or the store's code
import { ENGINE_VERSION } from '../engine/version.js';
import { InputError, formatIssue } from '../engine/errors.js';
import { UsageError, type Command } from './args.js';

const commands: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./commands/run.js')).run,
  validate: async () => (await import('./commands/validate.js')).validate,
  schema: async () => (await import('./commands/schema.js')).schema,
  presets: async () => (await import('./commands/presets.js')).presets,
  compare: async () => (await import('./commands/compare.js')).compareCommand,
  sensitivity: async () => (await import('./commands/sensitivity.js')).sensitivityCommand,
  calibrate: async () => (await import('./commands/calibrate.js')).calibrate,
  synth: async () => (await import('./commands/synth.js')).synth,
  backtest: async () => (await import('./commands/backtest.js')).backtest,
  solve: async () => (await import('./commands/solve.js')).solveCommand,
  forecast: async () => (await import('./commands/forecast.js')).forecastCommand,
  scenarios: async () => (await import('./commands/scenarios.js')).scenariosCommand,
};

async function usage(): Promise<string> {
  const loaded = await Promise.all(Object.entries(commands).map(async ([name, load]) => [name, await load()] as const));
  const lines = loaded.map(([, c]) => `  salesim ${c.usage.padEnd(58)} ${c.summary}`);
  return ['Usage:', ...lines, '', 'Run `salesim <command> --help` for details.'].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write((await usage()) + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(ENGINE_VERSION + '\n');
    return 0;
  }
  if (!Object.hasOwn(commands, name)) {
    process.stderr.write(`salesim: unknown command '${name}'\n\n${await usage()}\n`);
    return 2;
  }
  const cmd = await commands[name]();
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
