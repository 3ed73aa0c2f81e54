/** A stand-in Web Worker for Node tests of the static build's client (test/playground/static-client.test.ts, test/csv/summary.test.ts). */
import type { WorkerLike } from '../../playground/src/client/pool.js';
import { answer } from '../../playground/src/worker/engine.worker.js';

/** A stand-in Web Worker: the engine worker's `answer` on a later tick, data cloned (and buffers moved) as postMessage does. */
export function fakeWorker(stats: { terminated: number; busy: number }, delayMs = 1): WorkerLike {
  let dead = false;
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message, transfer) {
      const msg = structuredClone(message, { transfer: transfer as Transferable[] }) as { id: number; name: string; payload: unknown };
      stats.busy++;
      setTimeout(() => {
        stats.busy--;
        if (dead) return;
        // progress messages go first, as a real worker posts them while the task runs
        const a = answer(msg.name, msg.payload, (progress) => w.onmessage?.({ data: structuredClone({ id: msg.id, progress }) } as MessageEvent));
        const out = structuredClone({ id: msg.id, ...a });
        w.onmessage?.({ data: out } as MessageEvent);
      }, delayMs);
    },
    terminate() {
      dead = true;
      stats.terminated++;
    },
  };
  return w;
}

