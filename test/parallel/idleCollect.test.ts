/**
 * Issue 32: an idle worker gives back the garbage its last task left. An idle worker never collects by
 * itself and not every task reports its bytes to the worker's count, so before the idle check a large
 * run's buffers stayed resident until its next large task (120 MB of them after the issue-32 fuzz).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '../../parallel/index.js';

const pool = createPool({ workers: 1 });
afterAll(() => pool.destroy());

type Mem = { heapUsedMb: number; externalMb: number };
const memory = (garbageMb = 0) => pool.run({ garbageMb }, { name: 'memoryTask' }) as Promise<Mem>;

describe('idle workers collect', () => {
  it('64 MB of array buffers a task left behind are collected within 2 s of idling', async () => {
    await memory();
    const before = await memory();
    const busy = await memory(64); // measured with the 64 MB just allocated and dropped
    await new Promise((r) => setTimeout(r, 2000));
    const after = await memory();
    console.log(`worker array buffers: before ${before.externalMb} MB, after the task ${busy.externalMb} MB, 2 s idle ${after.externalMb} MB`);
    expect(busy.externalMb).toBeGreaterThanOrEqual(before.externalMb + 64);
    expect(after.externalMb).toBeLessThan(before.externalMb + 16);
  }, 60_000);
});
