/**
 * POST /api/calibrate `{ csv, leads }`: the lead export's demand block, as `salesim calibrate --leads`
 * fits it (engine/calibrate/withDemand.ts), over HTTP; bad lead exports are 400s naming `leads.…`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { calibrateWithLeads, parseScenario, synthesize } from '../../engine/index.js';
import { CalibrateBodySchema } from '../../server/api-schemas.js';
import { post, testApp } from './helpers.js';
import { leadExport } from '../helpers/leads.js';

type Json = Record<string, any>;
const app = testApp();
afterAll(() => app.close());

const opps = synthesize({ reps: { seats: 6, opportunitiesPerMonth: 3, winRate: 0.3, dealSize: { median: 20000, sigma: 0.5 } } }, { months: 12, start: '2025-01', seed: 2 }).opportunities;
describe('POST /api/calibrate with a lead export', () => {
  it('adds the fitted demand block (scenario and commented YAML) and the demand report, as the engine and the CLI do', async () => {
    const body = { csv: opps, leads: leadExport() };
    expect(CalibrateBodySchema.safeParse(body).success).toBe(true);
    const res = await post(app, '/api/calibrate', body);
    expect(res.status).toBe(200);
    const r = (await res.json()) as Json;
    expect(r.scenario.demand).toEqual({ leadsPerMonth: 50, qualifiedShare: 0.1, qualificationDelayMonths: 1, notReadyShare: 0.5 });
    expect(r.demandReport).toMatchObject({ leads: 600, months: 12 });
    expect(r.yaml).toMatch(/\ndemand:\n {2}leadsPerMonth: 50 {3}# ± /);
    expect(parseScenario(r.yaml).demand).toMatchObject({ leadsPerMonth: 50, qualifiedShare: 0.1 });
    expect(r).toEqual(JSON.parse(JSON.stringify(calibrateWithLeads(opps, { roster: null, mapping: null, from: null, to: null, asOf: null, source: 'request body' }, leadExport()))));
    const without = (await (await post(app, '/api/calibrate', { csv: opps })).json()) as Json;
    expect(without.demandReport).toBeUndefined();
    expect(without.scenario.demand).toBeUndefined();
  });

  it('a bad lead export is a 400 naming the field', async () => {
    const missing = await post(app, '/api/calibrate', { csv: opps, leads: 'Lead ID,Created Date\nA,1/2/2025\n' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as Json).errors.map((e: Json) => e.path)).toContain('leads.qualified');
    const bad = await post(app, '/api/calibrate', { csv: opps, leads: 5 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).errors[0]).toMatchObject({ path: 'leads', rule: 'must be a string' });
  });
});
