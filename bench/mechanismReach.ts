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

let checked: { program: ts.Program; checker: ts.TypeChecker } | undefined;

/**
 * Whether each `x.block` of a file that names no block otherwise (no quoted name, no import of the folder) is
 * a number the kernel's own types declare (engine/kernel/: the core's compiled parameters `Compiled`, the result
 * layout `ResultLayout`, the work estimate's `WorkFactors`), resolved by the type checker: such a count shares a
 * block's name without holding the block (`c.territories`, `l.territories` and `f.territories` count the
 * territories), so it is not the block's reach. In a mechanism's folder, so is a field or constant that mechanism
 * declares itself (its own block's field, its own compiled parameter or table: the compensation plan's own
 * `quota`, the costs' index of their cost line `COST.managers`): it shares another block's name, not its data.
 * Any other access (the Scenario's, a raw object's, an untyped one, another mechanism's declaration, a kernel
 * type's per-block flag such as `ResultLayout.customers`) still counts.
 */
function kernelFieldsOnly(file: string, name: string, blocks: readonly string[]): boolean {
  const c = stripped.get(readFileSync(join(root, file), 'utf8'))!;
  if (c.includes(`/mechanisms/${name}/`) || blocks.some((b) => new RegExp(`(['"\`])${b}\\1`).test(c))) return false;
  checked ??= (() => {
    const program = ts.createProgram(['engine', 'cli', 'server', 'parallel'].flatMap(sources).map((f) => join(root, f)), { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true, types: [], lib: ['lib.es2022.d.ts'] });
    return { program, checker: program.getTypeChecker() };
  })();
  const kernel = join(root, 'engine', 'kernel') + sep;
  // a file of a mechanism folder: that mechanism's own declarations
  const folder = /^engine\/mechanisms\/([^/]+)\//.exec(file)?.[1];
  const own = folder ? join(root, 'engine', 'mechanisms', folder) + sep : null;
  const ownBlocks: readonly string[] = MECHANISMS.find((m) => m.name === folder)?.blocks ?? [];
  // an object type or literal that holds the mechanism's own block stands in for the scenario (a rule's parameter
  // `{ coverageResponse?, coverage?, sellingTime? }`): its other fields are the scenario's blocks
  const standsForScenario = (d: ts.Declaration) => {
    const p = d.parent;
    const members = ts.isTypeLiteralNode(p) || ts.isInterfaceDeclaration(p) || ts.isClassLike(p) ? p.members : ts.isObjectLiteralExpression(p) ? p.properties : undefined;
    return !members || members.some((m) => m.name !== undefined && ts.isIdentifier(m.name) && ownBlocks.includes(m.name.text));
  };
  const { checker } = checked;
  let found = 0;
  let only = true;
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && blocks.includes(node.name.text)) {
      found++;
      const sym = checker.getSymbolAtLocation(node.name);
      const decl = sym?.declarations ?? [];
      const count = !!sym && (checker.getTypeOfSymbol(sym).flags & ts.TypeFlags.NumberLike) !== 0;
      const within = (dir: string) => decl.length > 0 && decl.every((d) => resolve(d.getSourceFile().fileName).startsWith(dir));
      if (!((count && within(kernel)) || (own !== null && within(own) && !decl.some(standsForScenario)))) only = false;
    }
    if (only) ts.forEachChild(node, visit);
  };
  visit(checked.program.getSourceFile(join(root, file))!);
  return found > 0 && only;
}

/** The type-checked program of engine/, cli/, server/ and parallel/ (made once, on first use). */
function typeChecked(): { program: ts.Program; checker: ts.TypeChecker } {
  checked ??= (() => {
    const program = ts.createProgram(['engine', 'cli', 'server', 'parallel'].flatMap(sources).map((f) => join(root, f)), { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true, types: [], lib: ['lib.es2022.d.ts'] });
    return { program, checker: program.getTypeChecker() };
  })();
  return checked;
}

/**
 * Whether each `x.block` of a file that names no block otherwise (no quoted name, no import of the folder) is
 * a field the Summary itself declares (`interface Summary` of engine/types.ts: `summary.hiring`, the hires and
 * exits of the headcount figures; `summary.territories`, revenue by territory), resolved by the type checker:
 * a result the Summary holds under a block's name, not the scenario's block. The Summary's `scenario` is the
 * Scenario (`summary.scenario.hiring` still counts), and the mechanisms' own sections (the registry's
 * `summary`, typed through `AlwaysSections` and `OptionalSections`) still count, as does every other access.
 */
function summaryFieldsOnly(file: string, name: string, blocks: readonly string[]): boolean {
  const c = stripped.get(readFileSync(join(root, file), 'utf8'))!;
  if (c.includes(`/mechanisms/${name}/`) || blocks.some((b) => new RegExp(`['"\`]${b}['"\`]`).test(c))) return false;
  const { program, checker } = typeChecked();
  const types = resolve(join(root, 'engine', 'types.ts'));
  const ofSummary = (d: ts.Declaration) => ts.isPropertySignature(d) && ts.isInterfaceDeclaration(d.parent) && d.parent.name.text === 'Summary' && resolve(d.getSourceFile().fileName) === types;
  let found = 0;
  let only = true;
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && blocks.includes(node.name.text)) {
      found++;
      const decl = checker.getSymbolAtLocation(node.name)?.declarations ?? [];
      if (decl.length === 0 || !decl.every(ofSummary)) only = false;
    }
    if (only) ts.forEachChild(node, visit);
  };
  visit(program.getSourceFile(join(root, file))!);
  return found > 0 && only;
}

/** For each mechanism of the registry, the files outside its folder and the registry that name its blocks. */
export function mechanismReach(): Record<string, string[]> {
  const files = ['engine', 'cli', 'server', 'parallel'].flatMap(sources);
  const text = new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));
  const out: Record<string, string[]> = {};
  for (const m of MECHANISMS) {
    out[m.name] = files.filter((f) => !f.startsWith(`engine/mechanisms/${m.name}/`) && f !== 'engine/mechanisms/registry.ts' && names(text.get(f)!, m.name, m.blocks) && !kernelFieldsOnly(f, m.name, m.blocks) && !summaryFieldsOnly(f, m.name, m.blocks));
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [name, files] of Object.entries(mechanismReach())) console.log(`${name} ${files.length} ${files.join(' ')}`);
}
