/**
 * A bounded run queue: at most `concurrent` runs execute, at most `queued` wait; one more is refused
 * with 429 and Retry-After. A waiting run whose client goes away leaves the queue.
 */
import { ApiError } from './errors.js';

export interface RunQueue {
  /** resolves with a release function once the run may start; throws ApiError 429 when full */
  acquire(signal?: AbortSignal): Promise<() => void>;
  readonly running: number;
  readonly waiting: number;
}

/**
 * @example const q = createRunQueue(2, 8, 2); const release = await q.acquire(); try { ... } finally { release(); }
 */
export function createRunQueue(concurrent: number, queued: number, retryAfterSeconds: number): RunQueue {
  let running = 0;
  const waiters: { start: () => void; cancel: (e: unknown) => void }[] = [];
  const releaser = () => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      running--;
      const next = waiters.shift();
      if (next) next.start();
    };
  };
  return {
    get running() {
      return running;
    },
    get waiting() {
      return waiters.length;
    },
    acquire(signal) {
      signal?.throwIfAborted();
      if (running < concurrent) {
        running++;
        return Promise.resolve(releaser());
      }
      if (waiters.length >= queued) {
        return Promise.reject(
          new ApiError(
            429,
            [{ path: null, rule: 'queue full', message: `the server is busy (${running} runs executing, ${waiters.length} waiting, queue bound ${queued}); retry after ${retryAfterSeconds} s` }],
            { 'Retry-After': String(retryAfterSeconds) },
          ),
        );
      }
      return new Promise((resolve, reject) => {
        const w = {
          start: () => {
            signal?.removeEventListener('abort', onAbort);
            running++;
            resolve(releaser());
          },
          cancel: reject,
        };
        const onAbort = () => {
          const i = waiters.indexOf(w);
          if (i >= 0) waiters.splice(i, 1);
          reject(signal!.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiters.push(w);
      });
    },
  };
}
