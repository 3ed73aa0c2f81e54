import type { Command } from '../args.js';
import { parseArgs, UsageError } from '../args.js';
import { loadScenario } from '../load.js';
import { InputError, formatIssue } from '../../engine/index.js';

/** `salesim validate`: check a scenario file; exit 2 with one line per problem. */
export const validate: Command = {
  usage: 'validate <file|preset> [...] [--json]',
  summary: 'check scenario files and print problems with their field paths',
  async run(args) {
    const p = parseArgs(args, { booleans: ['json'] });
    if (p.positional.length < 1) throw new UsageError('expects at least one scenario file');
    let bad = 0;
    for (const f of p.positional) {
      try {
        const { scenario } = loadScenario(f);
        if (p.flags.has('json')) process.stdout.write(JSON.stringify(scenario) + '\n');
        else process.stdout.write(`ok: ${f}: ${scenario.name} (${scenario.reps.seats} seats, ${scenario.horizonMonths} months)\n`);
      } catch (e) {
        if (!(e instanceof InputError) || p.positional.length === 1) throw e;
        bad++;
        for (const err of e.errors) process.stderr.write(`salesim: ${f}: ${formatIssue(err)}\n`);
      }
    }
    return bad > 0 ? 2 : 0;
  },
};
