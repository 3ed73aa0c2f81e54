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
import { PEOPLE_BLOCKS, SELLING_TIME } from './peopleBlocks.js';

const scenarios = new URL('../scenarios/', import.meta.url);
const full = parse(readFileSync(new URL('./full-model.yaml', import.meta.url), 'utf8')) as { territories: object[] } & Record<string, unknown>;
const blocks = PEOPLE_BLOCKS;
const selling = SELLING_TIME;
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
