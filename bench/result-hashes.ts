/**
 * Bit-identity across commits: SHA-256 (first 16 hex digits) of every field of `runTrials`' results, for the full
 * model with issue 27's blocks (limited and unlimited potential) and for every preset in scenarios/, one line
 * each. Run it on two commits and `diff` the outputs: a refactor that should change no number must give identical
 * lines (the golden tests pin fewer cases). Not a test: it prints hashes.
 * Usage: npx tsx bench/result-hashes.ts > after.txt   (on the other commit: > before.txt; then diff before.txt after.txt)
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { parseScenario, runTrials } from '../engine/index.js';

const scenarios = new URL('../scenarios/', import.meta.url);
const full = parse(readFileSync(new URL('./full-model.yaml', import.meta.url), 'utf8')) as { territories: object[] } & Record<string, unknown>;
// the blocks as bench/issue27-blocks.ts sets them
const blocks = {
  drift: { winRate: { change: -0.2, overMonths: 24, walkSd: 0.02 }, dealSize: { change: 0.05, overMonths: 12, walkSd: 0.02 }, noDecisionRate: { change: 0.1, overMonths: 24 } },
  compensation: { ote: 180000, decelerator: { below: 0.5, rate: 0.5 }, accelerators: [{ above: 1, rate: 1.5 }, { above: 1.5, rate: 2 }], cap: 2.5, guarantee: { months: 3, share: 1 }, spifs: [{ fromMonth: 10, toMonth: 12, rate: 0.02 }] },
  retention: { raise: { amount: 0.1 } },
  managers: { span: 8 },
};
const selling = { sellingTime: { hoursPerMonth: 70, hoursPerOpportunity: 10, hoursPerPaddedOpportunity: 2, hoursPerOpenOpportunityPerMonth: 3 } };
// every territory unlimited: step 3's rates then run in the seat pass (or in the people blocks' pass)
const unlimited = { territories: full.territories.map((t) => ({ ...t, potential: null })) };
const variants: Record<string, object> = {
  full: {},
  'full+people': blocks,
  'full+people+selling+response': { ...selling, ...blocks, coverageResponse: { prospectShare: 0.5 } },
  'full+people unlimited': { ...blocks, ...unlimited },
  'full+drift unlimited': { drift: blocks.drift, ...unlimited },
  'full+managers unlimited': { managers: blocks.managers, ...unlimited },
  'full+managers': { managers: blocks.managers },
};

/** The hash of every field of a result, in key order (typed arrays by their bytes, the rest as JSON). */
function hash(r: object): string {
  const h = createHash('sha256');
  for (const [k, v] of Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1))) {
    h.update(k);
    if (ArrayBuffer.isView(v)) h.update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    else h.update(JSON.stringify(v) ?? 'undefined');
  }
  return h.digest('hex').slice(0, 16);
}

for (const [name, v] of Object.entries(variants)) console.log(name, hash(runTrials(parseScenario({ ...full, ...v }), 5, 0, 60)));
// studies (*.study.yaml) are not scenarios: they name the presets they compare
for (const f of readdirSync(scenarios).filter((f) => f.endsWith('.yaml') && !f.endsWith('.study.yaml')).sort())
  console.log(f, hash(runTrials(parseScenario(parse(readFileSync(new URL(f, scenarios), 'utf8'))), 5, 0, 30)));
