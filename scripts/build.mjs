#!/usr/bin/env node
// `npm run build` (and `prepare`): tsc compiles engine/, parallel/ and cli/ to dist/ (the library, with its
// types), then esbuild bundles the command and its worker into dist/bundle/ (salesim.js, worker.js and the
// chunks they share). bin/salesim.js runs the bundle: loading a few files instead of ~300 modules starts
// `salesim run` in about 0.25 s instead of 0.35 s (npm run bench -- --issue28). Arguments go to tsc;
// `--outDir DIR` builds into DIR (DIR/bundle for the bundle), as the tests that build a copy of the package do.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf('--outDir');
const outDir = at >= 0 ? resolve(args[at + 1]) : join(root, 'dist');

const require = createRequire(import.meta.url);
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), ...args], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

const { build } = await import('esbuild');
await build({
  // the worker sits beside the chunks: parallel/pool.ts finds it as ./worker.js next to its own code, and
  // cli/load.ts finds scenarios/ two folders up, as from dist/cli/
  entryPoints: { salesim: join(root, 'cli', 'index.ts'), worker: join(root, 'parallel', 'worker.ts') },
  outdir: join(outDir, 'bundle'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunk-[hash]',
  logLevel: 'warning',
});
