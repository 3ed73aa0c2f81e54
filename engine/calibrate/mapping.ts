/**
 * How a CRM export's columns and stages map to what the fits need. Defaults match a Salesforce
 * Opportunity report (`Opportunity Owner`, `Created Date`, `Close Date`, `Stage`, `Amount`) and a roster
 * with `Name`, `Territory`, `Hire Date`, `Exit Date`. A mapping object (or YAML/JSON mapping file)
 * overrides any of them; unknown fields are rejected with their path.
 */
import { z } from 'zod';
import { InputError, issue } from '../errors.js';
import { parseText, zodIssues } from '../scenario.js';
import type { DateOrder } from './dates.js';

/** Outcome of one opportunity. `dropped` = removed from the pipeline without a decision (e.g. the rep left). */
export type Outcome = 'won' | 'lost' | 'noDecision' | 'dropped' | 'open';

/** Default pre-pipeline stages: prospects, leads and marketing-qualified leads are not opportunities yet. */
export const PRE_PIPELINE = ['*Prospect*', '*Lead*', '*MQL*'] as const;

const names = () => z.array(z.string({ error: 'must be a string' }), { error: 'must be a list of stage names' });

const MappingSchema = z.strictObject({
  columns: z
    .strictObject({
      owner: z.string().min(1).default('Opportunity Owner'),
      created: z.string().min(1).default('Created Date'),
      closed: z.string().min(1).default('Close Date'),
      stage: z.string().min(1).default('Stage'),
      amount: z.string().min(1).default('Amount'),
      /** optional: a currency column; more than one currency gives a warning */
      currency: z.string().min(1).default('Opportunity Currency'),
    })
    .default({ owner: 'Opportunity Owner', created: 'Created Date', closed: 'Close Date', stage: 'Stage', amount: 'Amount', currency: 'Opportunity Currency' }),
  /**
   * Stage names per outcome, case-insensitive; `*text*` matches stages containing text. Other stages are open.
   * `prePipeline`: open stages whose rows may lack a created date because they are not opportunities yet
   * (prospects, leads); such rows are excluded and counted, not errors.
   */
  stages: z
    .strictObject({
      won: names().default(['Closed Won', 'Won']),
      lost: names().default(['Closed Lost', 'Lost']),
      noDecision: names().default(['*No Decision*']),
      dropped: names().default(['Dropped']),
      prePipeline: names().default([...PRE_PIPELINE]),
    })
    .default({ won: ['Closed Won', 'Won'], lost: ['Closed Lost', 'Lost'], noDecision: ['*No Decision*'], dropped: ['Dropped'], prePipeline: [...PRE_PIPELINE] }),
  dateOrder: z.enum(['mdy', 'dmy'], { error: 'must be mdy or dmy' }).default('mdy'),
  roster: z
    .strictObject({
      name: z.string().min(1).default('Name'),
      territory: z.string().min(1).default('Territory'),
      hired: z.string().min(1).default('Hire Date'),
      exited: z.string().min(1).default('Exit Date'),
    })
    .default({ name: 'Name', territory: 'Territory', hired: 'Hire Date', exited: 'Exit Date' }),
});

/** The input form of a mapping (every field optional). */
export type MappingInput = z.input<typeof MappingSchema>;
/** A resolved mapping with every default filled. */
export type Mapping = z.output<typeof MappingSchema>;

/**
 * Resolves a mapping from an object or YAML/JSON text; throws `InputError` with paths under `mapping.`.
 * @example resolveMapping({ columns: { amount: 'ARR' } }).columns.owner // 'Opportunity Owner'
 */
export function resolveMapping(input?: MappingInput | string | null): Mapping {
  const raw = typeof input === 'string' ? parseText(input) : (input ?? {});
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new InputError([issue('mapping', 'must be a mapping of fields (columns, stages, dateOrder, roster)')]);
  const r = MappingSchema.safeParse(raw);
  if (!r.success) throw new InputError(zodIssues(r.error.issues, ['mapping']));
  return r.data;
}

function matches(stage: string, pattern: string): boolean {
  const p = pattern.trim().toLowerCase();
  if (p.length > 2 && p.startsWith('*') && p.endsWith('*')) return stage.includes(p.slice(1, -1));
  return stage === p;
}

/**
 * Classifies a stage name: no decision is checked first (so `Closed Lost - No Decision` is no decision),
 * then won, lost, dropped; anything else is an open opportunity.
 * @example classifyStage('Closed Won', resolveMapping().stages) // 'won'
 */
export function classifyStage(stage: string, stages: Mapping['stages']): Outcome {
  const s = stage.trim().toLowerCase();
  if (stages.noDecision.some((p) => matches(s, p))) return 'noDecision';
  if (stages.won.some((p) => matches(s, p))) return 'won';
  if (stages.lost.some((p) => matches(s, p))) return 'lost';
  if (stages.dropped.some((p) => matches(s, p))) return 'dropped';
  return 'open';
}

/**
 * Whether an (open) stage is a pre-pipeline stage: a row in it with no created date is not an opportunity yet.
 * @example isPrePipeline('Prospecting', resolveMapping().stages) // true
 */
export function isPrePipeline(stage: string, stages: Mapping['stages']): boolean {
  const s = stage.trim().toLowerCase();
  return s !== '' && stages.prePipeline.some((p) => matches(s, p));
}

export type { DateOrder };
