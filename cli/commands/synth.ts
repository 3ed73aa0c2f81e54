import type { Command } from '../args.js';
import { intFlag, parseArgs, UsageError } from '../args.js';
import { checkWritable, lastFlag, writeAtomic, writeStdout } from '../files.js';
import { loadScenario } from '../load.js';
import { synthesize } from '../../engine/index.js';

/** `salesim synth`: synthetic CRM history (opportunity CSV, optional roster) from a scenario. */
export const synth: Command = {
  usage: 'synth <scenario> --months N [--start YYYY-MM] [--seed S] [--roster F]',
  summary: 'generate synthetic CRM history (opportunity CSV) from a scenario',
  help: [
    'Runs the scenario\'s model for N months (reps, pipeline, territories, hiring, attrition) and prints',
    'the opportunities as CSV in the default Salesforce column names (or writes --out). --roster FILE writes',
    'the rep roster (Name, Territory, Hire Date, Exit Date). Files are written atomically.',
    'Example: salesim synth baseline --months 24 --roster reps.csv > opportunities.csv',
  ].join('\n'),
  async run(args) {
    const p = parseArgs(args, { values: ['months', 'start', 'seed', 'roster', 'out'], booleans: [] });
    if (p.positional.length !== 1) throw new UsageError('expects exactly one scenario file or preset name');
    const months = intFlag(p, 'months', 1, 120);
    if (months === undefined) throw new UsageError('--months is required (1 to 120)');
    const seed = intFlag(p, 'seed', 0, 2 ** 32 - 1);
    const { scenario } = loadScenario(p.positional[0]);
    const rosterFile = lastFlag(p.flags, 'roster');
    const out = lastFlag(p.flags, 'out');
    if (rosterFile) checkWritable(rosterFile, 'roster');
    if (out) checkWritable(out, 'out');
    const h = synthesize(scenario, { months, start: lastFlag(p.flags, 'start') ?? '2025-01', seed, roster: rosterFile ? true : undefined });
    if (rosterFile && h.roster) writeAtomic(rosterFile, h.roster, 'roster');
    if (out) writeAtomic(out, h.opportunities, 'out');
    else writeStdout(h.opportunities);
    for (const w of h.warnings) process.stderr.write(`salesim synth: warning: ${w}\n`);
    if (h.roster && !rosterFile) process.stderr.write('salesim synth: note: the scenario has hiring or attrition; --roster FILE writes the roster for calibrate --reps\n');
    return 0;
  },
};
