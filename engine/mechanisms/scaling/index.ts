/**
 * The scaling mechanism's registry entry: everything the engine needs to know of it, declared in its folder
 * (engine/kernel/mechanism.ts), so that adding it took this folder and one line of the registry.
 */
import type { Scenario } from '../../scenario.js';
import type { Mechanism } from '../../kernel/mechanism.js';
import { COLUMNS } from './outputs.js';
import { slice } from './slice.js';
import { ASSUMPTIONS } from './assumptions.js';
import { scalingSummary, TEXT } from './scaling.js';

export const mechanism = {
  name: 'scaling',
  label: 'scaling (what gets harder as the team grows)',
  blocks: ['scaling'],
  on: (s: Scenario) => !!s.scaling,
  steps: '1b, 4',
  columns: COLUMNS,
  recorded: true,
  slice,
  assumptions: ASSUMPTIONS,
  summary: { key: 'scaling', when: (s: Scenario) => !!s.scaling, build: (s: Scenario, src: Parameters<typeof scalingSummary>[0]) => scalingSummary(src, s.scaling!.referenceSeats), text: TEXT },
} as const satisfies Mechanism;
