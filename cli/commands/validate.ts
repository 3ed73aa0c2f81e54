import type { Command } from '../args.js';
import { parseArgs, UsageError } from '../args.js';
import { loadScenario } from '../load.js';

/** `salesim validate`: check a scenario file; exit 2 with one line per problem. */
export const validate: Command = {
  usage: 'validate <file|preset>',
  summary: 'check a scenario file and print problems with their field paths',
  async run(args) {
    const p = parseArgs(args, { booleans: ['json'] });
    if (p.positional.length !== 1) throw new UsageError('expects exactly one scenario file');
    const { scenario } = loadScenario(p.positional[0]);
    if (p.flags.has('json')) process.stdout.write(JSON.stringify(scenario) + '\n');
    else process.stdout.write(`ok: ${scenario.name} (${scenario.reps.seats} seats, ${scenario.horizonMonths} months)\n`);
    return 0;
  },
};
