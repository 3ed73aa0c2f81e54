/**
 * Progress for long CLI commands: plain lines on stderr when stderr is not a terminal (a pipe, a CI
 * log), none with --quiet, and stdout unchanged (with --json: one JSON document, nothing else).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { progressBar } from '../../cli/format.js';
import { SALESIM } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** Runs the CLI with stdout and stderr piped; progress thresholds at 0 so a short run shows it. */
function salesim(...args: string[]) {
  const r = spawnSync(process.execPath, [...SALESIM, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', SALESIM_PROGRESS_AFTER_MS: '0', SALESIM_PROGRESS_EVERY_MS: '0' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const LINE = (label: string) => new RegExp(`^salesim: ${label}: \\d+% \\(\\d+/\\d+ trials, [\\d.]+ s\\)$`);

describe('CLI progress off a terminal', () => {
  it('run prints progress lines to stderr when piped, and none with --quiet', () => {
    const r = salesim('run', 'baseline', '--trials', '300', '--workers', '1');
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const l of lines.slice(0, -1)) expect(l).toMatch(LINE('simulating'));
    expect(lines.at(-1)).toMatch(/^salesim: simulating: done \(300 trials, [\d.]+ s\)$/);
    expect(r.stdout).toMatch(/^Baseline/);
    expect(r.stdout).not.toContain('salesim:');
    const q = salesim('run', 'baseline', '--trials', '300', '--workers', '1', '--quiet');
    expect(q.code).toBe(0);
    expect(q.stderr).toBe('');
    expect(q.stdout.replace(/\(\d+ ms\)/, '')).toBe(r.stdout.replace(/\(\d+ ms\)/, ''));
  });

  it('with --json, stdout holds the JSON and nothing else; progress stays on stderr', () => {
    const r = salesim('compare', 'baseline', 'hiring-vs-enablement.hire', '--trials', '150', '--workers', '1', '--json');
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout).variants).toHaveLength(1);
    expect(r.stderr.trim().split('\n')[0]).toMatch(LINE('comparing'));
    const q = salesim('sensitivity', 'baseline', '--trials', '40', '--workers', '1', '--param', 'reps.winRate.mean', '--json', '--quiet');
    expect(q.code).toBe(0);
    expect(q.stderr).toBe('');
    expect(JSON.parse(q.stdout).parameters).toHaveLength(1);
  });

  it('throttles: nothing in the first second, then at most one line per interval, then a closing line', () => {
    const written: string[] = [];
    const stream = { isTTY: false, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const quick = progressBar('x', { stream });
    quick.update(5, 10);
    quick.done();
    expect(written).toEqual([]); // under a second: silent
    const p = progressBar('x', { stream, afterMs: 0, everyMs: 60_000 });
    for (let i = 1; i <= 10; i++) p.update(i, 10);
    p.done();
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^salesim: x: 10% \(1\/10 trials/);
    expect(written[1]).toMatch(/^salesim: x: done \(10 trials/);
  });
});
