/** The leader's trial state (moved out of leadership.ts so the slice imports no step code). */
import type { LeaderState } from './types.js';

/** A fresh leader state (the trial start sets it). */
export function createLeaderState(): LeaderState {
  return { start: 0, exit: Infinity, changes: 0, lost: 0, lastExitMonth: -1e9 };
}

