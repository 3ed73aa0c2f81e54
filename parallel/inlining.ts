/**
 * V8's inlining budget, raised in exactly one place: this module, imported first by the two entries
 * that run the engine's hot loop, the worker bootstrap (parallel/worker.ts) and the CLI entry
 * (cli/index.ts). The model's steps live in their own files (engine/model/*), and V8's default budget
 * (460 bytes of bytecode per inlined function, 920 cumulative per optimised function) stops inlining
 * them into the month loop; with twice and four times that the engine inlines them. V8 flags are
 * process-wide, so workers started afterwards run with it too. It changes no number (inlining never
 * changes what JavaScript computes); `npm run bench` measures the gain (bench/inlining-child.ts).
 */
import { setFlagsFromString } from 'node:v8';

export const INLINING_FLAGS = ['--max-inlined-bytecode-size=920', '--max-inlined-bytecode-size-cumulative=3680'] as const;

for (const flag of INLINING_FLAGS) setFlagsFromString(flag);
