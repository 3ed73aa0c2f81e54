import type { Command } from '../args.js';
import { parseArgs } from '../args.js';
import { scenarioJsonSchema } from '../../engine/index.js';

/** `salesim schema`: print the scenario JSON Schema. */
export const schema: Command = {
  usage: 'schema',
  summary: 'print the scenario JSON Schema (for editor autocompletion)',
  async run(args) {
    parseArgs(args, {});
    process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
    return 0;
  },
};
