import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { limitMallocArenas, loadNative, MALLOC_ARENAS, NATIVE_ADDON_PATHS } from '../../parallel/native.js';

describe('the native addon', () => {
  it('is null where it is not built, not an error', () => {
    expect(loadNative(['/nonexistent/trim.node'])).toBeNull();
  });
});

// the addon is built by npm install (scripts/build-native.mjs) on this Linux/glibc CI; it must exist here
describe.runIf(process.platform === 'linux')('malloc arenas', () => {
  /** Arenas after three worker threads allocate 20,000 buffers each at once, with or without the cap first. */
  const arenasAfterWorkers = (cap: boolean): number => {
    const script = `
      const m = require(${JSON.stringify(NATIVE_ADDON_PATHS[0])});
      const { Worker } = require('node:worker_threads');
      const capped = ${cap} ? m.limitArenas(${MALLOC_ARENAS}) : true;
      const src = "const b = []; for (let i = 0; i < 20000; i++) { b.push(new ArrayBuffer(2000)); if (b.length > 500) b.shift(); } require('node:worker_threads').parentPort.postMessage(1)";
      const ws = Array.from({ length: 3 }, () => new Worker(src, { eval: true }));
      Promise.all(ws.map((w) => new Promise((r) => w.once('message', r)))).then(() => {
        console.log(JSON.stringify({ capped, arenas: m.arenaCount() }));
        for (const w of ws) w.terminate();
      });`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    expect(out.capped).toBe(true);
    return out.arenas;
  };

  it('limitArenas caps the arenas of threads started after it: worker threads share the main one (measured: 9 arenas without, 2 with)', () => {
    const without = arenasAfterWorkers(false);
    const capped = arenasAfterWorkers(true);
    // the cap counts arenas made before it (a platform thread's, at start): at most one more than asked
    expect(capped).toBeLessThanOrEqual(MALLOC_ARENAS + 1);
    expect(without).toBeGreaterThan(capped);
  });

  it('a pool sets the cap once (the addon is found from the sources), and a bad count is refused', () => {
    expect(limitMallocArenas()).toBe(true);
    expect(loadNative()!.limitArenas(0)).toBe(false);
  });
});
