import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, simulate } from '../../engine/index.js';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'test-artifacts', 'compiled-parallel');

describe('the pool from compiled JavaScript', () => {
  it('finds worker.js next to pool.js and gives the same results as simulate', () => {
    rmSync(out, { recursive: true, force: true });
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(
      process.execPath,
      [tsc, '--outDir', out, '--rootDir', root, '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--strict', '--skipLibCheck', '--types', 'node', 'parallel/index.ts'],
      { cwd: root, stdio: 'pipe' },
    );
    const spec = { reps: { seats: 5, opportunitiesPerMonth: 3, winRate: { mean: 0.3, concentration: 5 }, dealSize: 1000 }, horizonMonths: 5 };
    const script = `
      import { runParallel, workerSpec } from ${JSON.stringify(join(out, 'parallel', 'index.js'))};
      import { parseScenario } from ${JSON.stringify(join(out, 'engine', 'index.js'))};
      const r = await runParallel(parseScenario(${JSON.stringify(spec)}), { trials: 23, seed: 5, workers: 2, chunkSize: 3 });
      process.stdout.write(JSON.stringify({ file: workerSpec().filename, revenue: Array.from(r.revenue) }));
    `;
    // plain node: no tsx anywhere, so only compiled JavaScript can load
    const res = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })) as { file: string; revenue: number[] };
    expect(res.file.endsWith(join('parallel', 'worker.js'))).toBe(true);
    expect(res.revenue).toEqual(Array.from(simulate(parseScenario(spec), { trials: 23, seed: 5 }).revenue));
  });
});
