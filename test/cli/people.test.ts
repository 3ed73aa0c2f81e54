/**
 * `salesim run` prints the people and pay sections (compensation, retention, managers, coverage
 * response) the Summary JSON and the playground's People and pay view carry, each only when its block is
 * on: rows each mechanism declares in its own folder (engine summaryTextSections), formatted by the CLI.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { parseScenario, simulate, summarize } from '../../engine/index.js';
import { peopleTable, readable } from '../../cli/commands/run.js';
import { money } from '../../cli/format.js';

const preset = (id: string) => parse(readFileSync(resolve(import.meta.dirname, '../../scenarios', `${id}.yaml`), 'utf8'));
const summaryOf = (raw: unknown) => {
  const s = parseScenario(raw);
  return summarize(s, simulate(s, { trials: 40, seed: 2 }), { seed: 2 });
};

describe('CLI run: people and pay', () => {
  it('prints every people section the Summary holds, with the engine figures', () => {
    const raw = preset('people-managers');
    const s = summaryOf({
      ...raw,
      horizonMonths: 12,
      retention: { ...raw.retention, raise: { amount: 0.1 } },
      coverage: { policy: 'global', multiple: 3, paddingQuality: 0.2 },
      sellingTime: { hoursPerMonth: 70, hoursPerOpportunity: 10, hoursPerPaddedOpportunity: 2, hoursPerOpenOpportunityPerMonth: 3 },
      coverageResponse: { prospectShare: 0.5, maxShareOfWorkHours: 0.5 },
    });
    expect(s.compensation && s.retention && s.managers && s.coverageResponse).toBeTruthy();
    const text = readable(s);
    for (const label of ['total rep pay', 'commission', 'cost of sales', 'top 20%: exits', 'other 80%: revenue lost', 'retention raise cost', 'teams at the start', 'manager exits', 'team-months without a manager', 'opportunities prospected', 'hours taken from deals', 'payout: rep-years'])
      expect(text, label).toContain(label);
    const line = text.split('\n').find((l) => l.startsWith('total rep pay'))!;
    expect(line).toContain(money(s.compensation!.cost.mean));
    expect(line).toContain(`${money(s.compensation!.cost.p10)} - ${money(s.compensation!.cost.p90)}`);
    expect(text).toMatch(new RegExp(`teams at the start\\s+${s.managers!.teamsAtStart}\\s`));
    expect(text).toContain(`0-0.25x ${Math.round(100 * s.compensation!.payout.shares[0])}%`);
    expect(text.split('\n').find((l) => l.startsWith('retention raise cost'))).toContain(money(s.retention!.raiseCost.mean));
  });

  it('a switched-off option says so, and a scenario without people blocks prints none', () => {
    const s = summaryOf({ ...preset('people'), horizonMonths: 12 });
    const text = peopleTable(s)!;
    expect(text).toMatch(/SPIFs\s+none in the plan/);
    expect(text).toMatch(/retention raise cost\s+no raise in the scenario/);
    expect(text).not.toContain('manager exits');
    const plain = summaryOf({ horizonMonths: 6, reps: { seats: 3, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: 10000 } });
    expect(peopleTable(plain)).toBeNull();
    expect(readable(plain)).not.toContain('people and pay');
  });
});
