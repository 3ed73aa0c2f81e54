/**
 * Issue 32: an idle worker gives back the garbage its last task left. An idle worker never collects by
 * itself and not every task reports its bytes to the worker's count, so before the idle check a large
 * run's buffers stayed resident until its next large task (120 MB of them after the issue-32 fuzz).
 * And Node keeps the buffers last transferred into a worker alive until another transfer arrives
 * (119 MB per worker after the fuzz): an idle pool hands each worker a one-byte transfer.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '../../parallel/index.js';

const pool = createPool({ workers: 1 });
afterAll(() => pool.destroy());

type Mem = { heapUsedMb: number; externalMb: number };
const memory = (garbageMb = 0, ballast?: Uint8Array<ArrayBuffer>) =>
  ballast ? (pool.run({ ballast }, { name: 'memoryTask', transferList: [ballast.buffer] }) as Promise<Mem>) : memoryOf(garbageMb);
const memoryOf = (garbageMb: number) => pool.run({ garbageMb }, { name: 'memoryTask' }) as Promise<Mem>;

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

  it('64 MB of buffers transferred into a worker are let go once the pool is idle (Node holds the last transfer)', async () => {
    const before = await memory();
    await memory(0, new Uint8Array(64 * 2 ** 20).fill(1));
    const held = await memory(); // no transfer since: Node still holds the 64 MB, a collection cannot free them
    await new Promise((r) => setTimeout(r, 1500));
    const after = await memory();
    console.log(`transferred in: before ${before.externalMb} MB, after the task ${held.externalMb} MB, 1.5 s idle ${after.externalMb} MB`);
    expect(held.externalMb).toBeGreaterThanOrEqual(before.externalMb + 64);
    expect(after.externalMb).toBeLessThan(before.externalMb + 16);
  }, 60_000);
});
