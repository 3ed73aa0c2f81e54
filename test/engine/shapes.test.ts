/**
 * The compiled scenario and the trial state are objects with fast (not dictionary) properties in V8: the
 * trial loop reads them on every step, and engine/compile.ts / engine/state.ts add the slices' fields one
 * slice at a time, which past about 50 added fields turns an object into a dictionary. A slice that tips it
 * fails here (copying the object with a spread restores fast properties but measured slower in
 * bench/interleaved.ts, so measure any fix). Checked in a child process with --allow-natives-syntax
 * (%HasFastProperties); not a timing test.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('object shapes the trial loop reads', () => {
  it('compile() and createState() give objects with fast properties (core and full models)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesim-shapes-'));
    const script = join(dir, 'shapes.mjs');
    const url = (p: string) => new URL(`file://${join(root, p)}`).href;
    writeFileSync(
      script,
      `const { parseScenario } = await import(${JSON.stringify(url('engine/scenario.ts'))});
const { compile } = await import(${JSON.stringify(url('engine/compile.ts'))});
const { createState } = await import(${JSON.stringify(url('engine/state.ts'))});
const { readFileSync } = await import('node:fs');
const YAML = (await import(${JSON.stringify(url('node_modules/yaml/dist/index.js'))})).default;
const out = [];
for (const f of ${JSON.stringify(['bench/core-model.yaml', 'bench/full-model.yaml'].map((f) => join(root, f)))}) {
  const c = compile(parseScenario(YAML.parse(readFileSync(f, 'utf8'))));
  const st = createState(c);
  out.push([%HasFastProperties(c), %HasFastProperties(st), Object.keys(c).length, Object.keys(st).length]);
}
console.log(JSON.stringify(out));`,
    );
    try {
      const res = JSON.parse(execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', script], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!) as [boolean, boolean, number, number][];
      expect(res).toHaveLength(2);
      for (const [compiledFast, stateFast, nc, ns] of res) {
        expect(nc).toBeGreaterThan(60);
        expect(ns).toBeGreaterThan(60);
        expect(compiledFast).toBe(true);
        expect(stateFast).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
