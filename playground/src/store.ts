/**
 * A tiny observable store: one immutable state object, shallow-merged updates, subscribers notified
 * synchronously. Components subscribe through `StoreController` (see store-controller.ts).
 */
export interface Store<S> {
  get(): S;
  set(patch: Partial<S> | ((s: S) => Partial<S>)): void;
  subscribe(fn: (s: S) => void): () => void;
}

/**
 * Creates a store.
 * @example
 * const s = createStore({ n: 1 });
 * s.subscribe((v) => console.log(v.n));
 * s.set({ n: 2 }); // logs 2
 */
export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const subs = new Set<(s: S) => void>();
  return {
    get: () => state,
    set(patch) {
      const p = typeof patch === 'function' ? patch(state) : patch;
      state = { ...state, ...p };
      for (const fn of [...subs]) fn(state);
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}

/**
 * A bounded undo stack of previous values.
 * @example
 * const h = createHistory<number>(10);
 * h.push(1); h.push(2);
 * h.pop(); // 2
 */
export function createHistory<T>(limit = 100) {
  const stack: T[] = [];
  return {
    push(v: T) {
      stack.push(v);
      if (stack.length > limit) stack.shift();
    },
    pop(): T | undefined {
      return stack.pop();
    },
    get size() {
      return stack.length;
    },
    clear() {
      stack.length = 0;
    },
  };
}
