/**
 * The open book's part of a run's work estimate (docs/design.md, "Adding a mechanism", step 9): its exported
 * deals are events the kernel handles one by one every month, and their count is a field that scales the cost.
 */
import type { WorkHook, WorkLever } from '../../kernel/work.js';

/** Its deals at the start, each resolved month by month. */
export const WORK: WorkHook = (_s, c) => ({ factors: { bookDeals: c.book ? c.book.age0.length : 0 } });

/** The open book's deals as the field a refusal names when they drive the cost. */
export const LEVERS: readonly WorkLever[] = [{ path: 'openPipeline', get: (f) => f.bookDeals, set: (f, v) => ({ ...f, bookDeals: v }), integer: true }];
