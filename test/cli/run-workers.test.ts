import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SALESIM } from '../helpers/cli.js';

const root = resolve(import.meta.dirname, '../..');
const cli = (args: string[]) => spawnSync(process.execPath, [...SALESIM, ...args], { cwd: root, encoding: 'utf8' });

describe('salesim run --workers', () => {
  it('prints the same Summary for 1 and 3 worker threads', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'salesim-cli-')), 'team.yaml');
    writeFileSync(file, 'horizonMonths: 6\nreps: { seats: 6, opportunitiesPerMonth: 3, winRate: { mean: 0.3, concentration: 6 }, dealSize: { median: 5000, sigma: 0.7 } }\nattrition: { annualRate: 0.3 }\n');
    const runs = [1, 3].map((w) => {
      const r = cli(['run', file, '--json', '--trials', '61', '--seed', '3', '--workers', String(w)]);
      expect(r.status, r.stderr).toBe(0);
      const s = JSON.parse(r.stdout);
      delete s.meta;
      delete s.diagnostics.trialsPerSecond;
      return s;
    });
    expect(runs[0].trials).toBe(61);
    expect(runs[1]).toEqual(runs[0]);
  });

  it('rejects a bad worker count with exit 2', () => {
    const r = cli(['run', 'baseline', '--workers', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--workers');
  });
});
