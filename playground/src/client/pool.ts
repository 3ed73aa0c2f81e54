/**
 * A pool of Web Workers running the engine (playground/src/worker/engine.worker.ts), for the static
 * playground. The main thread only queues tasks and routes their messages and buffers; every number is
 * computed in a worker.
 *
 * Cancel: tasks carry the AbortSignal of the client call they belong to. Aborting it drops that call's
 * queued tasks and terminates (and replaces) every worker running one of them, so a cancelled run stops
 * using the CPU at once, while the tasks of other calls keep their workers.
 */
import { ApiError, type ApiIssue } from './errors.js';

export interface TaskOptions {
  signal?: AbortSignal;
  /** buffers to move to the worker instead of copying them */
  transfer?: Transferable[];
  /** the task's progress messages (`{ id, progress }`, posted before its answer) */
  onProgress?: (progress: unknown) => void;
}

/** What the pool needs from a worker: the browser's Worker, or a stand-in in tests. */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((ev: MessageEvent) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
}

export interface EnginePool {
  /** workers in the pool */
  readonly size: number;
  run<T>(name: string, payload: unknown, opts?: TaskOptions): Promise<T>;
  /** workers started so far, replacements included (tests: a cancel replaces the busy workers) */
  readonly started: number;
  destroy(): void;
}

interface Task {
  name: string;
  payload: unknown;
  transfer: Transferable[];
  signal?: AbortSignal;
  onProgress?: (progress: unknown) => void;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

interface Slot {
  worker: WorkerLike;
  task: Task | null;
  id: number;
}

/** The error an aborted call rejects with (what `fetch` rejects with). */
export function abortError(signal?: AbortSignal): unknown {
  const r = signal?.reason;
  if (r instanceof DOMException && r.name === 'AbortError') return r;
  return new DOMException('The operation was aborted', 'AbortError');
}

/**
 * Workers for this device: one per logical core but one (the page keeps a core), at least one.
 * @example browserWorkers(8) // 7
 */
export function browserWorkers(cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1): number {
  return Math.max(1, Math.floor((cores || 1) - 1));
}

/**
 * @example const pool = createEnginePool(() => new Worker(url, { type: 'module' }), browserWorkers());
 */
export function createEnginePool(spawn: () => WorkerLike, size: number): EnginePool {
  const n = Math.max(1, Math.floor(size));
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let started = 0;
  let nextId = 1;
  let destroyed = false;

  function makeSlot(): Slot {
    const slot: Slot = { worker: spawn(), task: null, id: 0 };
    started++;
    slot.worker.onmessage = (ev: MessageEvent<{ id: number; ok: boolean; value?: unknown; status?: number; errors?: ApiIssue[]; progress?: unknown }>) => {
      const task = slot.task;
      if (!task || ev.data.id !== slot.id) return;
      if ('progress' in ev.data) return task.onProgress?.(ev.data.progress);
      finish(slot);
      if (ev.data.ok) task.resolve(ev.data.value);
      else task.reject(new ApiError(ev.data.status ?? 500, ev.data.errors ?? []));
    };
    slot.worker.onerror = (ev: ErrorEvent) => {
      ev.preventDefault?.();
      const task = slot.task;
      replace(slot);
      task?.reject(new ApiError(500, [{ path: null, rule: 'worker failed', message: `The engine worker failed: ${ev.message || 'unknown error'}` }]));
      pump();
    };
    return slot;
  }

  /** Terminates the slot's worker and starts a fresh one in its place. */
  function replace(slot: Slot) {
    const i = slots.indexOf(slot);
    slot.worker.onmessage = null;
    slot.worker.onerror = null;
    slot.worker.terminate();
    slot.task = null;
    if (i >= 0 && !destroyed) slots[i] = makeSlot();
  }

  function finish(slot: Slot) {
    slot.task = null;
    pump();
  }

  function pump() {
    for (const slot of slots) {
      if (slot.task || queue.length === 0) continue;
      const task = queue.shift()!;
      slot.task = task;
      slot.id = nextId++;
      try {
        slot.worker.postMessage({ id: slot.id, name: task.name, payload: task.payload }, task.transfer);
      } catch (e) {
        slot.task = null;
        task.reject(e);
      }
    }
  }

  /** Drops the aborted calls' queued tasks and replaces the workers running their tasks. */
  function onAbort() {
    for (let i = queue.length - 1; i >= 0; i--) {
      const t = queue[i];
      if (t.signal?.aborted) {
        queue.splice(i, 1);
        t.reject(abortError(t.signal));
      }
    }
    for (const slot of [...slots]) {
      const t = slot.task;
      if (t?.signal?.aborted) {
        replace(slot);
        t.reject(abortError(t.signal));
      }
    }
    pump();
  }

  for (let i = 0; i < n; i++) slots.push(makeSlot());

  return {
    size: n,
    get started() {
      return started;
    },
    run<T>(name: string, payload: unknown, opts: TaskOptions = {}): Promise<T> {
      if (destroyed) return Promise.reject(new Error('the engine pool was destroyed'));
      if (opts.signal?.aborted) return Promise.reject(abortError(opts.signal));
      return new Promise<T>((resolve, reject) => {
        queue.push({ name, payload, transfer: opts.transfer ?? [], signal: opts.signal, onProgress: opts.onProgress, resolve: resolve as (v: unknown) => void, reject });
        // one listener per signal (the same function is added once); it handles every task of the call
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        pump();
      });
    },
    destroy() {
      destroyed = true;
      for (const t of queue.splice(0)) t.reject(new Error('the engine pool was destroyed'));
      for (const slot of slots) {
        const t = slot.task;
        replace(slot);
        t?.reject(new Error('the engine pool was destroyed'));
      }
      slots.length = 0;
    },
  };
}
