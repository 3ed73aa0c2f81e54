/**
 * Issue 32's fuzz, CI size: a few hundred bodies over every route with one enormous-but-valid field
 * each (bench/fuzz-bounds.ts; the 10,000-body run is `node --import tsx bench/fuzz-bounds.ts 10000`).
 * No 5xx (answers or stream events), no dropped connection, health always answers, RSS under 1 GB, and
 * within 100 MB of idle once the server is quiet.
 * Latencies are logged, not asserted (shared machines).
 */
import { describe, expect, it } from 'vitest';
import { runFuzz } from '../../bench/fuzz-bounds.js';

const BODIES = Number(process.env.SALESIM_FUZZ_BOUNDS_BODIES ?? 200);

describe('fuzz: enormous-but-valid values on every route', () => {
  it(`${BODIES} bodies: no 5xx, nothing dropped, health answers, RSS < 1 GB and back within 100 MB of idle`, async () => {
    const r = await runFuzz({ bodies: BODIES, concurrency: 6, timeoutMs: 2000, seed: 7, probes: 5 });
    console.log(
      `fuzz ${r.bodies} bodies in ${r.seconds.toFixed(1)} s: ${JSON.stringify(r.byStatus)}; health p50 ${r.health.p50.toFixed(1)} ms, p99 ${r.health.p99.toFixed(1)} ms, worst ${r.health.worst.toFixed(1)} ms; ` +
        `RSS idle ${r.rss.idleMb.toFixed(0)} MB, peak ${r.rss.peakMb.toFixed(0)} MB, after ${r.rss.afterMb.toFixed(0)} MB (trims ${JSON.stringify(r.trim)}); CPU idle ${r.cpuIdleAfterMs.toFixed(0)} ms after the last request; ` +
        `event-loop delay p99 ${r.loop?.p99} ms, stalls ${JSON.stringify(r.loop?.stalls)}; load ${r.load.start}..${r.load.end}; disconnects ${JSON.stringify(r.disconnect)}`,
    );
    // the server's own view (SALESIM_LOOP_STATS, SIGUSR2: docs/server.md) came back, with each worker's memory
    expect(r.loop).not.toBeNull();
    expect(r.loop!.count).toBeGreaterThan(0);
    expect(r.loop!.workers.length).toBe(2);
    expect(r.loop!.workers.every((w) => w.heapUsedMb > 0)).toBe(true);
    expect(r.examples5xx).toEqual([]);
    expect(r.serverErrors).toBe(0);
    expect(r.dropped).toBe(0);
    expect(r.health.failures).toBe(0);
    expect(r.rss.peakMb).toBeLessThan(1024);
    // once quiet, the server gives what the fuzz freed back (native/trim, built by npm install): within
    // 100 MB of idle (issue 32's measure; the 10,000-body run is in docs/server.md)
    expect(r.trim).not.toBeNull();
    expect(r.trim!.trims).toBeGreaterThan(0);
    expect(r.rss.afterMb - r.rss.idleMb).toBeLessThan(100);
    // every route was exercised and refused something by name
    expect(Object.keys(r.byRoute).length).toBe(10);
    expect(r.byStatus['400']).toBeGreaterThan(0);
  }, 600_000);
});
