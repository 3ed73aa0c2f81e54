/**
 * Scenarios without the optional blocks added later (market, empirical deal sizes) must give
 * bit-identical results to before those blocks existed: SHA-256 of every array of `runTrials` output
 * and of synthetic history, pinned from the engine before issue 15.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parseScenario } from '../../engine/scenario.js';
import { runTrials } from '../../engine/simulate.js';
import { synthesize } from '../../engine/calibrate/synthesize.js';
import { pinnedEntries } from '../helpers/pinned.js';

function hashResults(r: Record<string, unknown>): string {
  const h = createHash('sha256');
  for (const [k, v] of pinnedEntries(r)) {
    h.update(k);
    if (ArrayBuffer.isView(v)) h.update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    else h.update(JSON.stringify(v));
  }
  return h.digest('hex').slice(0, 16);
}

/** A preset as it was when pinned: the presets with turnover now start in steady state (`initialTeam`), pinned ramped. */
const file = (name: string) => {
  const raw = parseYaml(readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
  delete raw.initialTeam;
  return parseScenario(raw);
};

const CASES: [string, () => ReturnType<typeof parseScenario>][] = [
  ['baseline.yaml', () => file('baseline.yaml')],
  ['leadership-churn.tenure-19-impatient.yaml', () => file('leadership-churn.tenure-19-impatient.yaml')],
  // the global-coverage preset as it was before selling time and stalls (the preset now has them)
  [
    'coverage-policy.global.yaml',
    () =>
      parseScenario({
        name: 'Coverage policy (global)',
        horizonMonths: 12,
        reps: {
          seats: 40,
          opportunitiesPerMonth: 3,
          winRate: { tiers: [{ share: 0.2, mean: 0.5, concentration: 30 }, { share: 0.5, mean: 0.25, concentration: 30 }, { share: 0.3, mean: 0.15, concentration: 30 }] },
          dealSize: { median: 40000, sigma: 0.6 },
          cycleMonths: 3,
          noDecisionRate: 0.2,
          capacity: 12,
        },
        quota: { method: 'flat', annualPerRep: 380000 },
        coverage: { policy: 'global', multiple: 3, paddingQuality: 0.2 },
      }),
  ],
  ['hiring-vs-enablement.enable.yaml', () => file('hiring-vs-enablement.enable.yaml')],
  [
    'territories + attrition + spread',
    () =>
      parseScenario({
        horizonMonths: 18,
        territories: [
          { name: 'A', seats: 6, potential: 20 },
          { name: 'B', seats: 4 },
        ],
        reps: { opportunitiesPerMonth: 4, winRate: { mean: 0.3, concentration: 8 }, dealSize: { median: 20000, sigma: 0.9 }, repDealSizeSpread: 0.3, cycleMonths: 2.5, noDecisionRate: 0.2 },
        hiring: { plan: [{ month: 3, seats: 2, territory: 'B' }], ramp: { months: 4 } },
        attrition: { annualRate: 0.3 },
      }),
  ],
];

const GOLDEN: Record<string, string> = {
  'baseline.yaml': 'f1f7a776147435cd',
  'leadership-churn.tenure-19-impatient.yaml': '28419e2acca8c54e',
  'coverage-policy.global.yaml': '2fc3a6bf71537baf',
  'hiring-vs-enablement.enable.yaml': '87e146d8498cde00',
  'territories + attrition + spread': 'b618b4bde1fdb3cf',
  synth: '5c9ef4f49eeca3cb',
};

describe('scenarios without the new blocks are bit-identical to before', () => {
  for (const [name, make] of CASES) {
    it(`runTrials: ${name}`, () => {
      const got = hashResults(runTrials(make(), 7, 3, 40) as unknown as Record<string, unknown>);
      expect(got).toBe(GOLDEN[name]);
    });
  }
  it('synthesize: history of a scenario with hiring and attrition', () => {
    const h = synthesize(CASES[4][1](), { months: 18, seed: 3 });
    const got = createHash('sha256').update(h.opportunities).update(h.roster ?? '').digest('hex').slice(0, 16);
    expect(got).toBe(GOLDEN.synth);
  });
});
