#!/usr/bin/env node
// The installed `salesim` command. It runs the built bundle (dist/bundle/salesim.js and its worker, made by
// `npm run build`, which `npm install` runs through `prepare`; scripts/build.mjs): no TypeScript loader and a
// few files to load, so it starts in a fraction of the time and its worker threads hold less memory. In a
// checkout whose TypeScript sources are newer than the build (edited since), or with SALESIM_FROM_SOURCE=1,
// it runs the sources through tsx instead, so it never runs stale code. Both give identical results.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}dist/bundle/salesim.js`;

/** The newest modification time of the .ts files under `dir` (0 when there is none: an installed package). */
function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function useBuilt() {
  if (process.env.SALESIM_FROM_SOURCE === '1' || !existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  return ['engine', 'parallel', 'cli'].every((d) => newestSource(`${root}${d}`) <= builtAt);
}

if (useBuilt()) await import(built);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/index.ts');
}
