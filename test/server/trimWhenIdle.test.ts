import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadTrim, TRIM_ADDON } from '../../server/nativeTrim.js';
import { trimWhenIdle } from '../../server/trimWhenIdle.js';

describe('trimWhenIdle: give freed memory back once the server is quiet', () => {
  afterEach(() => vi.useRealTimers());

  it('trims once after the quiet time that follows requests, never while they keep coming, never twice for nothing', () => {
    vi.useFakeTimers();
    let t = 0;
    const trim = vi.fn(() => true);
    const idle = trimWhenIdle({ trim, quietMs: 2000, checkMs: 500, now: () => t });
    const advance = (ms: number) => {
      for (let i = 0; i < ms / 100; i++) {
        t += 100;
        vi.advanceTimersByTime(100);
      }
    };
    advance(5000);
    expect(trim).toHaveBeenCalledTimes(0); // nothing happened yet
    // a request every second for 10 s: never quiet for 2 s
    for (let i = 0; i < 10; i++) {
      idle.touch();
      advance(1000);
    }
    expect(trim).toHaveBeenCalledTimes(0);
    advance(2500);
    expect(trim).toHaveBeenCalledTimes(1);
    advance(10_000);
    expect(trim).toHaveBeenCalledTimes(1); // no request since: nothing new to give back
    idle.touch();
    advance(1900);
    expect(trim).toHaveBeenCalledTimes(1);
    advance(700);
    expect(trim).toHaveBeenCalledTimes(2);
    expect(idle.stats().trims).toBe(2);
    idle.stop();
  });

  it('a task ending counts as work: the trim waits for the quiet after it', () => {
    vi.useFakeTimers();
    let t = 0;
    let completed = 0;
    const trim = vi.fn(() => true);
    const idle = trimWhenIdle({ trim, activity: () => completed, quietMs: 2000, checkMs: 500, now: () => t });
    const advance = (ms: number) => {
      for (let i = 0; i < ms / 100; i++) {
        t += 100;
        vi.advanceTimersByTime(100);
      }
    };
    idle.touch(); // a long run's request
    advance(3000);
    expect(trim).toHaveBeenCalledTimes(1); // quiet at the door while the run goes on
    advance(30_000);
    completed++; // the run ends: its memory is freed now
    advance(1500);
    expect(trim).toHaveBeenCalledTimes(1);
    advance(1000);
    expect(trim).toHaveBeenCalledTimes(2);
    advance(10_000);
    expect(trim).toHaveBeenCalledTimes(2);
    idle.stop();
  });

  it('a missing addon is no trim, not an error', () => {
    expect(loadTrim('/nonexistent/trim.node')).toBeNull();
  });
});

// the addon is built by npm install (scripts/build-native.mjs) on this Linux/glibc CI; it must exist here
describe.runIf(process.platform === 'linux')('native/trim', () => {
  it('is built by the install, and gives back the pages free() keeps: 180 MB freed among live buffers', () => {
    expect(existsSync(TRIM_ADDON)).toBe(true);
    expect(loadTrim()).not.toBeNull();
    // 60,000 buffers of 3,000 bytes (malloc'd by Node), one in 64 kept alive: the freed rest sits between
    // live ones, which free() cannot give back; malloc_trim can
    const script = `
      const m = require(${JSON.stringify(TRIM_ADDON)});
      const rss = () => Number(/VmRSS:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
      const keep = []; let all = [];
      for (let i = 0; i < 60000; i++) { const b = new ArrayBuffer(3000); new Uint8Array(b).fill(1); all.push(b); if (i % 64 === 0) keep.push(b); }
      all = null; global.gc(); global.gc();
      const before = rss(); const released = m.trim(); const after = rss();
      console.log(JSON.stringify({ before, after, released, kept: keep.length }));`;
    for (const env of [{}, { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '65536' }]) {
      const out = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8', env: { ...process.env, ...env } }));
      expect(out.released).toBe(true);
      // the live buffers are 938 x 3,000 bytes (2.7 MB): at least 150 of the ~180 MB freed must go back
      expect(out.before - out.after).toBeGreaterThan(150);
    }
  });
});
