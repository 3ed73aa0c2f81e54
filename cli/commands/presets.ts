import type { Command } from '../args.js';
import { parseArgs } from '../args.js';
import { listPresets } from '../load.js';

const WIDTH = 100;
const ID = 37;

/**
 * Words wrapped to `width` columns, continuation lines indented by `indent` spaces.
 * @example wrap('a b c', 3, 0) // 'a b\nc'
 */
export function wrap(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width - indent) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** The question a preset answers: its description's first sentence. */
export function question(description: string): string {
  return description.split(/(?<=[.?!])\s+(?=[A-Z])/)[0];
}

/** `salesim presets`: list the shipped scenarios and the question each answers. */
export const presets: Command = {
  usage: 'presets [--long] [--json]',
  summary: 'list preset scenarios and the question each answers',
  help: 'Lists each preset with the question it answers, wrapped to 100 columns; --long adds its full notes; --json prints { id, description } for each.',
  async run(args) {
    const p = parseArgs(args, { booleans: ['json', 'long'] });
    const list = listPresets();
    if (p.flags.has('json')) process.stdout.write(JSON.stringify(list.map(({ id, description }) => ({ id, description }))) + '\n');
    else {
      const long = p.flags.has('long');
      for (const x of list) process.stdout.write(`${x.id.padEnd(ID - 1)} ${wrap(long ? x.description : question(x.description), WIDTH, ID)}\n${long ? '\n' : ''}`);
      if (!long) process.stdout.write(`\n${wrap('Run one with `salesim run <preset>`; compare designs with `salesim compare <study>` (`salesim compare` lists the studies); `salesim presets --long` adds each preset\'s notes.', WIDTH, 0)}\n`);
    }
    return 0;
  },
};
