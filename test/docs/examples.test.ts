/**
 * Every fenced block of README.md and docs/*.md runs or is checked here, so the docs cannot drift from the
 * product. How a block is checked follows from its language and the HTML comments just above its fence:
 *
 * - `sh`: run by bash (`set -e -o pipefail`) in a scratch folder per page (with `scenarios/`, `docs/` and
 *   `bench/` linked in; blocks of a page run in order and share the folder, so a file one block writes feeds
 *   the next). `salesim` is the CLI from this checkout, its `main` called in this process (see runCli),
 *   and `npm run --silent salesim --` is the same command. The block must exit 0, or the code in `<!-- exits: N -->`. `<!-- run with: ARGS -->`
 *   appends ARGS to every salesim command of the block: only for blocks whose page says the quoted numbers
 *   are for the default (e.g. 2,000 trials) and the test checks only that the commands run.
 *   `<!-- checked: npm scripts -->` (set-up blocks): every npm script the block names exists in package.json.
 * - `<!-- output of: COMMAND -->` above a plain block: the command's stdout (stderr with `<!-- stderr -->`), from the run of the same command
 *   in an earlier `sh` block of the page (or a fresh run), must equal the quote line by line, wall-clock
 *   times masked; a line `...` in the quote stands for lines left out. COMMAND may be any shell command
 *   (curl, jq); a salesim command's earlier run in the page is reused.
 * - The server the examples call at http://127.0.0.1:8787 (`npm start`) is a server this test starts on a
 *   free port (the same app, an in-memory store, one worker); the address is swapped in before bash runs.
 * - `yaml`: parsed by the engine: a scenario (default, or `<!-- yaml: scenario -->`), a merge patch on a
 *   file (`<!-- yaml: patch scenarios/baseline.yaml -->`), a study whose files are read from a folder
 *   (`<!-- yaml: study scenarios/ -->`) or a calibration mapping (`<!-- yaml: mapping -->`).
 * - `ts`: run, with `'salesim'` imported from this checkout's engine.
 * - `<!-- checked: folders -->`: every `name/` a line starts with is a folder of the repository.
 * - `<!-- checked: routes of /api/openapi.json -->`: the `METHOD /path` lines are exactly the OpenAPI
 *   document's operations.
 * - `<!-- illustrative: REASON -->`: not checked; the reason is required. Any other block fails.
 *
 * Relative links and their #anchors must resolve.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError, formatIssue, mergePatch, parseScenario, parseStudy, parseText, resolveMapping } from '../../engine/index.js';
import { listen, testApp } from '../server/helpers.js';
import { fencedBlocks, headingAnchor, outputMismatch, shellWords, type Block } from './blocks.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

interface Shell {
  dir: string;
  env: NodeJS.ProcessEnv;
}

interface CliRun {
  cwd: string;
  args: string[];
  extra: string;
  stdout: string;
  stderr: string;
  code: number;
  ms: number;
}

/**
 * The CLI, called in this process (`main` of cli/index.ts), one command at a time: a spawned `node` per
 * command would spend about a second of CPU loading the engine each time. The `salesim` that the doc's shell
 * commands call is a small client of this socket; a command reading standard input (`-`) runs the real CLI.
 */
const runs: CliRun[] = [];
const POOLED = new Set(['run', 'compare', 'sensitivity', 'forecast']);
let queue: Promise<unknown> = Promise.resolve();
let cliMain: ((argv: string[]) => Promise<number>) | undefined;

function runCli(args: string[], extra: string, cwd: string): Promise<CliRun> {
  const job = queue.then(async () => {
    if (!cliMain) {
      process.env.SALESIM_CLI_NO_MAIN = '1';
      try {
        cliMain = (await import('../../cli/index.js')).main;
      } finally {
        // the suite shares its processes between files (vite.config.ts, isolate: false): a CLI spawned by a
        // later file inherits this environment, and must run its main
        delete process.env.SALESIM_CLI_NO_MAIN;
      }
    }
    const argv = [...args, ...extra.split(/\s+/).filter(Boolean)];
    // one worker thread: results are bit-identical for any count (test/parallel), and each extra thread
    // costs about a second of CPU to load the engine
    if (POOLED.has(args[0]) && !argv.includes('--workers')) argv.push('--workers', '1');
    const run: CliRun = { cwd, args, extra, stdout: '', stderr: '', code: -1, ms: 0 };
    const t0 = performance.now();
    const write = (key: 'stdout' | 'stderr') =>
      ((chunk: string | Uint8Array, enc?: unknown, cb?: unknown) => {
        run[key] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        const done = typeof enc === 'function' ? enc : cb;
        if (typeof done === 'function') done();
        return true;
      }) as typeof process.stdout.write;
    const out = process.stdout.write;
    const err = process.stderr.write;
    const home = process.cwd();
    process.stdout.write = write('stdout');
    process.stderr.write = write('stderr');
    try {
      process.chdir(cwd);
      run.code = await cliMain(argv);
    } catch (e) {
      run.stderr += `salesim (in-process): ${e instanceof Error ? e.stack : String(e)}\n`;
      run.code = 1;
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
      process.chdir(home);
    }
    run.ms = performance.now() - t0;
    runs.push(run);
    return run;
  });
  queue = job.catch(() => undefined);
  return job;
}

const socketDir = mkdtempSync(join(tmpdir(), 'salesim-docs-cli-'));
const socketPath = join(socketDir, 'cli.sock');
let cliServer: Server | undefined;

function cliSocket(): Promise<void> {
  if (cliServer) return Promise.resolve();
  cliServer = createServer((conn) => {
    let buf = '';
    conn.on('data', (d) => {
      buf += d;
      if (!buf.endsWith('\n')) return;
      const req = JSON.parse(buf) as { args: string[]; extra: string; cwd: string };
      void runCli(req.args, req.extra, req.cwd).then((r) => conn.end(JSON.stringify({ stdout: r.stdout, stderr: r.stderr, code: r.code })));
    });
  });
  return new Promise((res) => cliServer!.listen(socketPath, () => res()));
}

const CLIENT = `#!/usr/bin/env node
// salesim for the docs test: sends the command to the test process (in-process CLI); with stdin ('-'),
// runs the real CLI of ${ROOT}.
const net = require('node:net');
const { spawnSync } = require('node:child_process');
const args = process.argv.slice(2);
const extra = process.env.SALESIM_DOCS_EXTRA || '';
if (args.includes('-')) {
  const r = spawnSync(process.execPath, [${JSON.stringify(join(ROOT, 'bin', 'salesim.js'))}, ...args, ...extra.split(/\\s+/).filter(Boolean)], { stdio: 'inherit' });
  process.exit(r.status === null ? 1 : r.status);
}
const conn = net.connect(process.env.SALESIM_DOCS_SOCKET);
let buf = '';
conn.on('data', (d) => (buf += d));
conn.on('end', () => {
  const r = JSON.parse(buf);
  process.stderr.write(r.stderr);
  process.stdout.write(r.stdout, () => (process.exitCode = r.code));
});
conn.write(JSON.stringify({ args, extra, cwd: process.cwd() }) + '\\n');
`;

/** A scratch folder for one page, with the repository's inputs linked in and the \`salesim\` client. */
const scratchDirs: string[] = [];

function scratch(): Shell {
  const dir = mkdtempSync(join(tmpdir(), 'salesim-docs-'));
  scratchDirs.push(dir);
  for (const d of ['scenarios', 'docs', 'bench']) symlinkSync(join(ROOT, d), join(dir, d));
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'salesim'), CLIENT);
  chmodSync(join(bin, 'salesim'), 0o755);
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, SALESIM_DOCS_SOCKET: socketPath, SALESIM_DOCS_EXTRA: '', FORCE_COLOR: '0', SALESIM_DB: join(dir, 'store.db') };
  return { dir, env };
}

function bash(sh: Shell, script: string, extra = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((res) => {
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd: sh.dir, env: { ...sh.env, SALESIM_DOCS_EXTRA: extra } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => res({ code, stdout, stderr }));
  });
}

/** The CLI's latest run with these arguments (and no extra ones) in the page's folder, if any. */
function logged(sh: Shell, args: string[]): CliRun | undefined {
  return [...runs].reverse().find((r) => r.cwd === sh.dir && r.extra === '' && r.args.length === args.length && r.args.every((a, i) => a === args[i]));
}

/** The examples' server address, http://127.0.0.1:8787 (npm start), becomes a server of this test's own. */
let api: { url: string; close: () => Promise<void> } | undefined;
async function withServer(script: string): Promise<string> {
  if (!script.includes('http://127.0.0.1:8787')) return script;
  if (!api) {
    const app = testApp({ workers: 1 });
    const served = await listen(app);
    api = { url: served.url, close: async () => (await served.close(), await app.close()) };
  }
  return script.replaceAll('http://127.0.0.1:8787', api.url);
}

const asCli = (script: string) => script.replace(/npm run --silent salesim --/g, 'salesim');

function issues(e: unknown): string {
  if (e instanceof InputError) return e.errors.map(formatIssue).join('; ');
  return e instanceof Error ? e.message : String(e);
}

function checkYaml(b: Block): string[] {
  const kind = (b.markers.yaml ?? 'scenario').trim();
  try {
    if (kind === 'scenario') parseScenario(b.body);
    else if (kind.startsWith('patch ')) {
      const base = parseText(readFileSync(join(ROOT, kind.slice(6).trim()), 'utf8'));
      parseScenario(mergePatch(base, parseText(b.body)));
    } else if (kind.startsWith('study ')) {
      const folder = join(ROOT, kind.slice(6).trim());
      parseStudy(b.body, (p) => readFileSync(join(folder, p), 'utf8'));
    } else if (kind === 'mapping') resolveMapping(b.body);
    else return [`unknown yaml marker '${kind}'`];
  } catch (e) {
    return [`the ${kind} example does not validate: ${issues(e)}`];
  }
  return [];
}

function checkNpmScripts(b: Block): string[] {
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
  const named = [...b.body.replace(/#.*$/gm, '').matchAll(/\bnpm (install|start|test|run(?: --silent)? ([\w:-]+))/g)];
  if (named.length === 0) return ['a "checked: npm scripts" block names no npm command'];
  const errs: string[] = [];
  for (const m of named) {
    const script = m[1] === 'start' || m[1] === 'test' ? m[1] : m[2];
    if (script && !(script in scripts)) errs.push(`npm script '${script}' is not in package.json`);
  }
  return errs;
}

function checkFolders(b: Block): string[] {
  const errs: string[] = [];
  for (const m of b.body.matchAll(/^([\w.-]+)\/\s/gm)) {
    const p = join(ROOT, m[1]);
    if (!existsSync(p) || !statSync(p).isDirectory()) errs.push(`folder ${m[1]}/ does not exist`);
  }
  return errs.length || b.body.match(/^[\w.-]+\/\s/m) ? errs : ['a "checked: folders" block names no folder'];
}

async function checkRoutes(b: Block): Promise<string[]> {
  const app = testApp({ workers: 1 });
  try {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const api = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
    const docs = new Set([...b.body.matchAll(/^(GET|POST|PUT|DELETE|PATCH)\s+(\S+)/gm)].map((m) => `${m[1]} ${m[2]}`));
    return [
      ...[...api].filter((r) => !docs.has(r)).map((r) => `route ${r} is in /api/openapi.json but not in the docs`),
      ...[...docs].filter((r) => !api.has(r)).map((r) => `route ${r} is in the docs but not in /api/openapi.json`),
    ];
  } finally {
    await app.close();
  }
}

async function runTs(b: Block, sh: Shell, n: number): Promise<string[]> {
  const file = join(sh.dir, `example-${n}.ts`);
  writeFileSync(file, b.body.replace(/from 'salesim'/g, `from ${JSON.stringify(join(ROOT, 'engine', 'index.ts'))}`));
  // in the page's folder, like its shell blocks, and not while a CLI command has this process's cwd
  const job = queue.then(async () => {
    const home = process.cwd();
    try {
      process.chdir(sh.dir);
      await import(pathToFileURL(file).href);
      return [];
    } catch (e) {
      return [`the TypeScript example fails: ${issues(e)}`];
    } finally {
      process.chdir(home);
    }
  });
  queue = job.catch(() => undefined);
  return job;
}

function checkLinks(page: string, text: string): string[] {
  const errs: string[] = [];
  const anchorsOf = (file: string) => new Set(readFileSync(file, 'utf8').split('\n').filter((l) => /^#{1,6} /.test(l)).map(headingAnchor));
  for (const m of text.matchAll(/\]\(([^)\s]+)\)|src="([^"]+)"/g)) {
    const target = m[1] ?? m[2];
    if (/^[a-z]+:/.test(target)) continue;
    const [path, anchor] = target.split('#');
    const file = path ? resolve(dirname(join(ROOT, page)), path) : join(ROOT, page);
    if (!existsSync(file)) errs.push(`link ${target}: no such file`);
    else if (anchor && file.endsWith('.md') && !anchorsOf(file).has(anchor)) errs.push(`link ${target}: no such heading`);
  }
  return errs;
}

async function checkPage(page: string): Promise<string[]> {
  await cliSocket();
  const text = readFileSync(join(ROOT, page), 'utf8');
  const errs = checkLinks(page, text).map((e) => `${page}: ${e}`);
  const sh = scratch();
  let n = 0;
  for (const b of fencedBlocks(text)) {
    const at = `${page}:${b.line}`;
    const fail = (list: string[]) => errs.push(...list.map((e) => `${at}: ${e}`));
    const expected = Number(b.markers.exits ?? 0);
    if ('illustrative' in b.markers) {
      if (!b.markers.illustrative.trim()) fail(['an illustrative block must say why it is not checked']);
    } else if ('output of' in b.markers) {
      const command = asCli(b.markers['output of']);
      const words = shellWords(command);
      let got: { stdout: string; stderr: string; code: number } | undefined = words[0] === 'salesim' ? logged(sh, words.slice(1)) : undefined;
      if (!got) {
        const r = await bash(sh, await withServer(command));
        got = { stdout: r.stdout, stderr: r.stderr, code: r.code ?? -1 };
      }
      if (got.code !== expected) fail([`${b.markers['output of']} exited ${got.code}, the docs say ${expected}`]);
      const stream = 'stderr' in b.markers ? got.stderr : got.stdout;
      fail(outputMismatch(b.body, stream).map((e) => `the quoted output of "${b.markers['output of']}" is stale: ${e}`));
    } else if (b.lang === 'sh' && b.markers.checked === 'npm scripts') fail(checkNpmScripts(b));
    else if (b.lang === 'sh') {
      const r = await bash(sh, await withServer(asCli(b.body)), b.markers['run with'] ?? '');
      if (r.code !== expected) fail([`exited ${r.code}, the docs say ${expected}; stderr: ${r.stderr.slice(-1500)}`]);
      if (/internal error|\n\s+at .+:\d+:\d+\)?\n/.test(r.stderr)) fail([`a command printed an internal error or a stack trace: ${r.stderr.slice(-1500)}`]);
    } else if (b.lang === 'yaml') fail(checkYaml(b));
    else if (b.lang === 'ts') fail(await runTs(b, sh, n++));
    else if (b.markers.checked === 'folders') fail(checkFolders(b));
    else if (b.markers.checked?.startsWith('routes')) fail(await checkRoutes(b));
    else fail([`a \`${b.lang || 'plain'}\` block needs a marker saying how it is checked (see test/docs/examples.test.ts)`]);
  }
  return errs;
}

describe('the docs test machinery', () => {
  it('reads blocks with their markers, and splits command lines like a shell', () => {
    const blocks = fencedBlocks('text\n<!-- output of: salesim run x -->\n<!-- exits: 2 -->\n\n```\nout\n```\n```sh\nsalesim a\n```\n');
    expect(blocks).toEqual([
      { lang: '', body: 'out\n', line: 5, markers: { 'output of': 'salesim run x', exits: '2' } },
      { lang: 'sh', body: 'salesim a\n', line: 8, markers: {} },
    ]);
    expect(shellWords(`salesim solve b --target 'P(plan) >= 0.8' --act "x={a: 1}" a\\ b`)).toEqual(['salesim', 'solve', 'b', '--target', 'P(plan) >= 0.8', '--act', 'x={a: 1}', 'a b']);
  });

  it('a quoted output fails on any changed number, a missing or an extra line; times and `...` gaps pass', () => {
    const out = 'Baseline (782 ms)\nP(hit) = 28.7%\ncost $16.2M\n';
    expect(outputMismatch('Baseline (1011 ms)\nP(hit) = 28.7%\ncost $16.2M\n', out)).toEqual([]);
    expect(outputMismatch('Baseline (1 ms)\nP(hit) = 28.8%\ncost $16.2M\n', out)).toHaveLength(1);
    expect(outputMismatch('Baseline (1 ms)\nP(hit) = 28.7%\n', out)).toHaveLength(1);
    expect(outputMismatch('Baseline (1 ms)\n...\ncost $16.2M\n', out)).toEqual([]);
    expect(outputMismatch('...\nP(hit) = 28.7%\n...\n', out)).toEqual([]);
    expect(outputMismatch('...\nP(hit) = 28.6%\n...\n', out)).toHaveLength(1);
    expect(headingAnchor('## solve: what does it take?')).toBe('solve-what-does-it-take');
  });
});

afterAll(async () => {
  cliServer?.close();
  await api?.close();
  for (const d of [...scratchDirs, socketDir]) rmSync(d, { recursive: true, force: true });
  // SALESIM_DOCS_TIMES=1 lists the in-process CLI runs, slowest first (to keep the docs' commands cheap)
  if (process.env.SALESIM_DOCS_TIMES) for (const r of [...runs].sort((a, b) => b.ms - a.ms)) console.log(`${r.ms.toFixed(0).padStart(6)} ms  salesim ${r.args.join(' ')} ${r.extra}`);
});

describe.concurrent('every fenced block of the README and docs/ runs or validates', () => {
  for (const page of PAGES) {
    it(page, async () => {
      expect(await checkPage(page)).toEqual([]);
    }, 480_000);
  }
});
