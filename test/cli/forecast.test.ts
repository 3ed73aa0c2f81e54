import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SALESIM } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');

function salesim(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [...SALESIM, ...args], { cwd: dir, encoding: 'utf8', input, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'salesim-forecast-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('salesim synth | salesim forecast', () => {
  it('forecasts from an as-of date end to end: P(plan | bookings to date), the start of the year, the fan, an intervention', () => {
    const synth = salesim(['synth', 'baseline', '--months', '18', '--start', '2024-07', '--seed', '3', '--roster', 'reps.csv']);
    expect(synth.code).toBe(0);
    const r = salesim(['forecast', '-', 'baseline', '--reps', 'reps.csv', '--as-of', '2025-06-30', '--hire', '5', '--trials', '400', '--workers', '1', '--quiet', '--json', '--out', 'report.json'], synth.stdout);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toEqual(rep);
    expect(rep).toMatchObject({ asOf: '2025-06-30', yearStart: '2025-01', start: '2025-07', through: '2025-12', trials: 400 });
    expect(rep.team.source).toBe('roster');
    expect(rep.team.seated + rep.team.vacant).toBeGreaterThanOrEqual(40);
    expect(rep.booked).toBeGreaterThan(0);
    expect(rep.now.pPlan).toBeGreaterThanOrEqual(0);
    expect(rep.startOfYear.asOf).toBe('2024-12-31');
    expect(rep.fan).toHaveLength(12);
    expect(rep.variants[0].name).toBe('hire 5 now');
    // five more seats never lower the year on common random numbers
    expect(rep.variants[0].deltaYearTotal).toBeGreaterThanOrEqual(0);
    const text = salesim(['forecast', '-', 'baseline', '--as-of', '2025-06-30', '--trials', '200', '--workers', '1', '--quiet'], synth.stdout);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/P\(hit plan \| bookings to date\)\s+\d+\.\d%/);
    expect(text.stdout).toMatch(/team: \d+ seated .* \(from the export\)/);
  });

  it('bad input exits 2 naming the field, and writes nothing', () => {
    const synth = salesim(['synth', 'baseline', '--months', '6', '--start', '2025-01', '--seed', '1']);
    writeFileSync(join(dir, 'o.csv'), synth.stdout);
    const outside = salesim(['forecast', 'o.csv', 'baseline', '--as-of', '2027-03-31', '--out', 'x.json']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/asOf: 2027-03-31 is outside the export/);
    expect(outside.stderr).not.toMatch(/    at /);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
    writeFileSync(join(dir, 'bad-reps.csv'), 'Name,Territory,Hire Date,Exit Date\nAna,Mars,2024-01-01,\n');
    const reps = salesim(['forecast', 'o.csv', 'baseline', '--reps', 'bad-reps.csv', '--as-of', '2025-03-31']);
    expect(reps.code).toBe(2);
    expect(reps.stderr).toMatch(/roster\.rows\[2\]\.Territory.*'Mars' is not a territory/);
    expect(salesim(['forecast', 'o.csv', 'baseline']).stderr).toMatch(/--as-of YYYY-MM-DD is required/);
    expect(salesim(['forecast', 'o.csv', 'baseline', '--as-of', '2025-03-31', '--act', 'oops']).stderr).toMatch(/--act must be NAME=PATCH/);
  });
});
