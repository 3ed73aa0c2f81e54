import type { Command } from '../args.js';
import { intFlag, parseArgs, UsageError } from '../args.js';
import { checkWritable, lastFlag, writeAtomic, writeStdout } from '../files.js';
import { loadScenario } from '../load.js';
import { synthesize } from '../../engine/index.js';

/** `salesim synth`: synthetic CRM history (opportunity CSV, optional roster) from a scenario. */
export const synth: Command = {
  usage: 'synth <scenario> --months N [--start YYYY-MM] [--seed S] [--roster F] [--prospects R] [--resolve-by-age H0,H1,..] [--quarter-end-win F] [--drift SD]',
  summary: 'generate synthetic CRM history (opportunity CSV) from a scenario',
  help: [
    'Runs the scenario\'s model for N months (reps, pipeline, territories, hiring, attrition) and prints',
    'the opportunities as CSV in the default Salesforce column names (or writes --out). --roster FILE writes',
    'the rep roster (Name, Territory, Hire Date, Exit Date). Files are written atomically. --prospects R adds R',
    'pre-pipeline rows (stage Prospecting, no created date) per seated rep-month, as real exports have.',
    'Real exports\' features: --resolve-by-age H0,H1,... the monthly chance an open',
    'opportunity resolves by its age in month-ends (the last applies to older ages; ending in 0 leaves stale deals',
    'that never close); --quarter-end-win F multiplies the win rate in March, June, September and December;',
    '--drift SD lets the opportunity rate drift (a random walk of its log, SD per month).',
    'Example: salesim synth baseline --months 24 --roster reps.csv > opportunities.csv',
  ].join('\n'),
  async run(args) {
    const p = parseArgs(args, { values: ['months', 'start', 'seed', 'roster', 'out', 'prospects', 'resolve-by-age', 'quarter-end-win', 'drift'], booleans: [] });
    if (p.positional.length !== 1) throw new UsageError('expects exactly one scenario file or preset name');
    const months = intFlag(p, 'months', 1, 120);
    if (months === undefined) throw new UsageError('--months is required (1 to 120)');
    const seed = intFlag(p, 'seed', 0, 2 ** 32 - 1);
    const prospectsText = lastFlag(p.flags, 'prospects');
    const prospects = prospectsText === undefined ? undefined : Number(prospectsText);
    if (prospects !== undefined && !(Number.isFinite(prospects) && prospects >= 0 && prospects <= 1000)) throw new UsageError(`--prospects must be a number between 0 and 1000 (got '${prospectsText}')`);
    const num = (flag: string) => {
      const t = lastFlag(p.flags, flag);
      if (t === undefined) return undefined;
      const v = Number(t);
      if (t.trim() === '' || !Number.isFinite(v)) throw new UsageError(`--${flag} must be a number (got '${t}')`);
      return v;
    };
    const hz = lastFlag(p.flags, 'resolve-by-age');
    const resolveByAge = hz === undefined ? undefined : hz.split(',').map((x) => {
      const v = Number(x);
      if (x.trim() === '' || !Number.isFinite(v)) throw new UsageError(`--resolve-by-age must be comma-separated probabilities (got '${hz}')`);
      return v;
    });
    const realism = { resolveByAge, quarterEndWin: num('quarter-end-win'), arrivalDrift: num('drift') };
    const { scenario } = loadScenario(p.positional[0]);
    const rosterFile = lastFlag(p.flags, 'roster');
    const out = lastFlag(p.flags, 'out');
    if (rosterFile) checkWritable(rosterFile, 'roster');
    if (out) checkWritable(out, 'out');
    const h = synthesize(scenario, { months, start: lastFlag(p.flags, 'start') ?? '2025-01', seed, roster: rosterFile ? true : undefined, prospects, ...realism });
    if (rosterFile && h.roster) writeAtomic(rosterFile, h.roster, 'roster');
    if (out) writeAtomic(out, h.opportunities, 'out');
    else writeStdout(h.opportunities);
    for (const w of h.warnings) process.stderr.write(`salesim synth: warning: ${w}\n`);
    if (h.roster && !rosterFile) process.stderr.write('salesim synth: note: the scenario has hiring or attrition; --roster FILE writes the roster for calibrate --reps\n');
    return 0;
  },
};
