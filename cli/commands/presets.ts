import type { Command } from '../args.js';
import { parseArgs } from '../args.js';
import { listPresets } from '../load.js';

/** `salesim presets`: list the shipped scenarios and the question each answers. */
export const presets: Command = {
  usage: 'presets [--json]',
  summary: 'list preset scenarios and the question each answers',
  async run(args) {
    const p = parseArgs(args, { booleans: ['json'] });
    const list = listPresets();
    if (p.flags.has('json')) process.stdout.write(JSON.stringify(list.map(({ id, description }) => ({ id, description }))) + '\n');
    else for (const x of list) process.stdout.write(`${x.id.padEnd(36)} ${x.description}\n`);
    return 0;
  },
};
