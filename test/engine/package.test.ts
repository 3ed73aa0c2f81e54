import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the engine as a library', () => {
  it('`import { parseScenario, simulate, summarize } from "salesim"` works in Node (package exports with types)', () => {
    // the build script, into a copy of the package (the checkout's own dist/ is what the CLI tests spawn:
    // rewriting it under them would hand them half-written files)
    const pkgDir = mkdtempSync(join(tmpdir(), 'salesim-package-'));
    execFileSync('npm', ['run', '--silent', 'build', '--', '--outDir', join(pkgDir, 'dist')], { cwd: ROOT });
    cpSync(join(ROOT, 'package.json'), join(pkgDir, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(pkgDir, 'node_modules'), 'dir');
    const code = `
      import { parseScenario, simulate, summarize } from 'salesim';
      const s = parseScenario('reps: { seats: 5, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1000 }');
      console.log(JSON.stringify(summarize(s, simulate(s, { trials: 10, seed: 1 })).revenue.total.mean > 0));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: pkgDir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('true');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.exports['.'].types).toBe('./dist/engine/index.d.ts');
    expect(readdirSync(join(pkgDir, 'dist', 'engine'))).toContain('index.d.ts');
  });
  it('bundles for a browser with no Node built-ins', async () => {
    const out = await build({ entryPoints: [join(ROOT, 'engine', 'index.ts')], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    expect(out.errors).toEqual([]);
    expect(out.outputFiles[0].text).not.toMatch(/from\s*["']node:/);
  });
  it('engine sources never use Math.random or import Node modules', () => {
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    for (const f of walk(join(ROOT, 'engine')).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/Math\.random/);
      expect(text, f).not.toMatch(/from ['"]node:/);
    }
  });
});
