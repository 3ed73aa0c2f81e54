/**
 * How far each mechanism reaches outside its folder: the source files of engine/, cli/, server/ and
 * parallel/ outside engine/mechanisms/<name>/ and the registry that name one of its scenario blocks (a
 * property `x.block`, the block's name as a string of its own, 'block' or "block") or import from its folder,
 * comments left out (a quote that opens a name must close it: "managers' exits" in a description is not the block). The measure of
 * issue 29's "one folder plus one registry line"; test/architecture.test.ts holds each mechanism to it.
 *
 * Usage: npx tsx bench/mechanismReach.ts        (prints one line per mechanism: count and files)
 * @example npx tsx bench/mechanismReach.ts | grep '^drift'   // drift 4 engine/assumptions.ts engine/scenarioSchema.ts engine/simulate.ts cli/commands/synth.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { MECHANISMS } from '../engine/mechanisms/registry.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** Every .ts file under a folder (repository-relative, '/'-separated). */
function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(relative(root, p).split(sep).join('/'));
    }
  };
  walk(join(root, dir));
  return out;
}

const printer = ts.createPrinter({ removeComments: true });

/**
 * A file's code without its comments (string literals kept): parsed and printed, so template literals and
 * regular expressions cannot make a comment look like code (a bare token scanner loses its place after a
 * template literal's `${...}`).
 */
function code(text: string): string {
  return printer.printFile(ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
}

const stripped = new Map<string, string>();

/** Whether a file's code names one of `blocks` or imports from mechanism folder `name`. */
export function names(text: string, name: string, blocks: readonly string[]): boolean {
  const c = stripped.get(text) ?? code(text);
  stripped.set(text, c);
  if (c.includes(`/mechanisms/${name}/`)) return true;
  return blocks.some((b) => new RegExp(`(?<![\\w$])[\\w$]+\\??\\.${b}(?![\\w$])|(['"\`])${b}\\1`).test(c));
}

/** For each mechanism of the registry, the files outside its folder and the registry that name its blocks. */
export function mechanismReach(): Record<string, string[]> {
  const files = ['engine', 'cli', 'server', 'parallel'].flatMap(sources);
  const text = new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));
  const out: Record<string, string[]> = {};
  for (const m of MECHANISMS) {
    out[m.name] = files.filter((f) => !f.startsWith(`engine/mechanisms/${m.name}/`) && f !== 'engine/mechanisms/registry.ts' && names(text.get(f)!, m.name, m.blocks));
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [name, files] of Object.entries(mechanismReach())) console.log(`${name} ${files.length} ${files.join(' ')}`);
}
