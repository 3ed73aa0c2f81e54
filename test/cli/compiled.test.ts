/**
 * The installed command runs the built JavaScript: `npm run build` (what `prepare` runs: tsc, then the
 * bundle, scripts/build.mjs), then bin/salesim.js from a copy of the package without its TypeScript sources
 * (as npm installs it: dist, bin, scenarios) gives the same output as the CLI from source through tsx, on
 * one thread and on worker threads (which then run dist/bundle/worker.js), precision-targeted runs included.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = mkdtempSync(join(tmpdir(), 'salesim-installed-'));

beforeAll(() => {
  // the build script itself, into the copy: the checkout's own dist/ is what the other CLI tests spawn
  // (test/helpers/cli.ts), and rewriting it under them would hand them half-written files
  execFileSync('npm', ['run', '--silent', 'build', '--', '--outDir', join(pkg, 'dist')], { cwd: ROOT });
  for (const d of ['bin', 'scenarios']) cpSync(join(ROOT, d), join(pkg, d), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
}, 180_000);

const strip = (out: string) => {
  const j = JSON.parse(out);
  return { ...j, meta: { ...j.meta, elapsedMs: 0, trialsPerSecond: 0 } };
};
const installed = (...args: string[]) => spawnSync(process.execPath, [join(pkg, 'bin', 'salesim.js'), ...args], { cwd: pkg, encoding: 'utf8' });
const fromSource = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'cli/index.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('the built CLI and workers', () => {
  it.each([
    [['run', 'baseline', '--trials', '300', '--json', '--quiet', '--workers', '1']],
    [['run', 'baseline', '--trials', '300', '--json', '--quiet', '--workers', '2']],
    [['run', 'baseline', '--precision', 'p_plan=0.05', '--json', '--quiet', '--workers', '2']],
  ])('%j: the same Summary as from source', (args) => {
    const a = installed(...args);
    expect(a.stderr).toBe('');
    expect(a.status).toBe(0);
    const b = fromSource(...args);
    expect(strip(a.stdout)).toEqual(strip(b.stdout));
  }, 120_000);

  it('the source tree is not there: only dist can have run (a preset, help and bad input too)', () => {
    // the bundle is what runs: without it bin/salesim.js would fall back to the sources, which are not there
    expect(existsSync(join(pkg, 'dist', 'bundle', 'salesim.js'))).toBe(true);
    expect(existsSync(join(pkg, 'dist', 'bundle', 'worker.js'))).toBe(true);
    writeFileSync(join(pkg, 'probe.yaml'), 'reps: { seats: 3, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: 1000 }\n');
    expect(installed('run', 'probe.yaml', '--trials', '20', '--quiet').status).toBe(0);
    const bad = installed('run', 'probe.yaml', '--precision', 'p_plan=0.01');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('p_plan needs a plan');
    expect(installed('presets').stdout).toContain('baseline');
  }, 60_000);
});
