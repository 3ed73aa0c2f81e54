/**
 * The OpenAPI 3.1 description of the whole HTTP API. The scenario schema is the engine's own JSON
 * Schema (components/schemas/Scenario, its `$defs` as components of their own), and every answer that
 * echoes a scenario (a Summary's, a fitted, saved, preset or validated one) is a `$ref` to it; the
 * Summary, the comparison, tornado, goal-seek and back-test answers and request bodies are generated
 * from the zod schemas in api-schemas.ts, which the tests check against real engine output, so the
 * document cannot lag the product.
 */
import { apiComponentSchemas } from './api-schemas.js';

const json = (schema: object) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({ description, content: json(ref('Errors')) });
const ok = (description: string, schema: object) => ({ description, content: json(schema) });
const scenarioRef = (description: string) => ({ ...ref('Scenario'), description });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const revParam = { name: 'revision', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };

const runBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    scenario: { oneOf: [ref('Scenario'), ref('SourceText')], description: 'the scenario as an object, or { yaml } source text' },
    yaml: { type: 'string', description: 'scenario source text (YAML or JSON), instead of scenario' },
    trials: { type: 'integer', minimum: 1, maximum: 1_000_000, description: "overrides the scenario's trials. With neither trials nor precision here and no trials in the scenario as written, the run answers to the default precision p_plan=0.01,revenue=0.5% (revenue=0.5% without a quota block), its cap fitted to the budgets; the result's precision.default is true" },
    seed: { type: 'integer', minimum: 0, maximum: 4294967295, description: "overrides the scenario's seed" },
    precision: {
      type: 'string',
      description:
        'instead of trials: run until every target holds, e.g. "p_plan=0.01" (half-width of the 95% interval of P(plan)), "revenue=0.5%" / "arr=1%" (relative half-width of the mean), "diff=50000" (compare: of the mean paired difference), "bracket" (solve: the answer decided). Trials are added in fixed blocks, so a seed gives one answer on any worker count; the result carries `precision` { spec, trials, maxTrials, met, targets: [ { name, target, reached, met } ], default? }. On /api/simulate/stream a progress event follows each block: { done, total (the cap), precision } (the report so far, no partial Summary).',
    },
    maxTrials: { type: 'integer', minimum: 1, maximum: 1_000_000, description: 'the cap of a precision-targeted run (default 100,000, lowered to fit the work budget)' },
  },
};

/** `?csv=`: which CSV (/api/simulate with Accept: text/csv, /api/summary/csv). */
const csvParam = {
  name: 'csv',
  in: 'query',
  required: false,
  schema: { enum: ['summary', 'monthly'] },
  description: "summary (the default): every figure of the Summary, the one CSV export; monthly: the monthly table. On /api/simulate it also asks for CSV without an Accept header",
};
const CSV_TEXT = 'metric,month,mean,sd,p5,p10,p25,p50,p75,p90,p95 then one row per figure (or, with ?csv=monthly, month,revenue_mean,revenue_p10,... one row per month)';

const runErrors = {
  '400': errorResponse('invalid request or scenario: every problem with its field path and rule'),
  '403': errorResponse('a Host the server does not answer to (SALESIM_ALLOWED_HOSTS), or a cross-origin request (SALESIM_CORS)'),
  '413': errorResponse('request body over the size limit'),
  '415': errorResponse('a body that is neither application/json nor application/yaml'),
  '422': errorResponse('over the work budget (the engine\'s cost model: rep-months plus deal, customer and other events; the error names the field that drives it and its largest value that fits), the memory budget or the per-run time limit'),
  '429': { ...errorResponse('the run queue is full; retry after the Retry-After header'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
};

const storeBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    yaml: { type: 'string', description: 'source text (YAML or JSON), stored verbatim' },
    scenario: ref('Scenario'),
  },
};

/**
 * The engine's scenario JSON Schema as components: the schema itself (without `$schema` and `$id`), and
 * each of its `$defs` as a component of its own (`distribution` -> `ScenarioDistribution`), its
 * `#/$defs/...` references rewritten to point there (inside the OpenAPI document `#/$defs/...` would
 * resolve against the document's root, where there is none).
 * @example scenarioComponents(scenarioJsonSchema()).defs.ScenarioDistribution
 */
export function scenarioComponents(schema: Record<string, unknown>): { scenario: Record<string, unknown>; defs: Record<string, unknown> } {
  const { $schema: _s, $id: _i, $defs, ...rest } = schema;
  const name = (k: string) => `Scenario${k[0].toUpperCase()}${k.slice(1)}`;
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => {
        if (k === '$ref' && typeof x === 'string' && x.startsWith('#/$defs/')) return [k, `#/components/schemas/${name(x.slice('#/$defs/'.length))}`];
        return [k, rewrite(x)];
      }),
    );
  };
  const defs = Object.fromEntries(Object.entries(($defs ?? {}) as Record<string, unknown>).map(([k, v]) => [name(k), rewrite(v)]));
  return { scenario: rewrite(rest) as Record<string, unknown>, defs };
}

/**
 * @example openApiDocument({ version: '0.1.0', scenarioSchema: scenarioJsonSchema() }).openapi // '3.1.0'
 */
export function openApiDocument(opts: { version: string; scenarioSchema: object }): Record<string, unknown> {
  const { scenario: scenarioSchema, defs: scenarioDefs } = scenarioComponents(opts.scenarioSchema as Record<string, unknown>);
  const paths: Record<string, unknown> = {
    '/api/health': { get: { summary: 'Liveness and engine version', responses: { '200': ok('ok', { type: 'object', properties: { ok: { const: true }, version: { type: 'string' } }, required: ['ok', 'version'] }) } } },
    '/api/simulate': {
      post: {
        summary: 'Run a scenario and return its Summary',
        description:
          "With `Accept: text/csv` the answer is the Summary's CSV export instead: every figure as one table `metric,month,mean,sd,p5,p10,p25,p50,p75,p90,p95` (one row per statistic, per month of a monthly series, per single figure), byte for byte what `salesim run --csv` prints and the playground's Export CSV (POST /api/summary/csv) downloads for the same scenario, seed and trials. `?csv=monthly` answers the monthly table instead (one row per month: revenue, cumulative revenue, headcount and cost, then the columns of each section the Summary holds), as `salesim run --monthly-csv`.",
        parameters: [csvParam],
        requestBody: { required: true, content: { ...json(runBody), 'application/yaml': { schema: { type: 'string' } } } },
        responses: {
          '200': {
            description: 'the Summary (or, with Accept: text/csv or ?csv, its CSV)',
            content: { ...json(ref('Summary')), 'text/csv': { schema: { type: 'string', description: CSV_TEXT } } },
          },
          ...runErrors,
        },
      },
    },
    '/api/summary/csv': {
      post: {
        summary: "A Summary's CSV export, from the Summary itself (the playground's Export CSV)",
        description:
          'The body is a Summary as /api/simulate (or the `result` event of /api/simulate/stream) answered it; the answer is its CSV, the same bytes `Accept: text/csv` on /api/simulate gives for that run (`?csv=monthly`: the monthly table). Nothing is run. A body that is not a Summary is a 400 naming each field that does not match (the Summary schema, strict). The body may be as large as the CSV limit.',
        parameters: [csvParam],
        requestBody: { required: true, content: json(ref('Summary')) },
        responses: {
          '200': { description: 'the CSV', content: { 'text/csv': { schema: { type: 'string', description: CSV_TEXT } } } },
          '400': runErrors['400'],
          '403': runErrors['403'],
          '413': errorResponse('request body over the CSV limit (10 MiB, maxCsvBodyBytes)'),
          '415': errorResponse('a body that is not application/json'),
        },
      },
    },
    '/api/simulate/stream': {
      post: {
        summary: 'Run a scenario, streaming progress as Server-Sent Events',
        description:
          'Events: `progress` `{ done, total, summary }` with a partial Summary of trials [0, done) at least every 10% of trials; then one `result` with the final Summary (identical to /api/simulate for the same seed, meta aside), or one `error` `{ status, errors }`. A bad request is a plain 400 before the stream starts; a client that disconnects cancels the run.',
        requestBody: { required: true, content: json(runBody) },
        responses: { '200': { description: 'an event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...runErrors },
      },
    },
    '/api/validate': {
      post: {
        summary: 'Check a scenario without running it (salesim validate): its resolved form, or every problem with its field path',
        requestBody: { required: true, content: { ...json({ type: 'object', additionalProperties: false, properties: { scenario: runBody.properties.scenario, yaml: runBody.properties.yaml } }), 'application/yaml': { schema: { type: 'string' } } } },
        responses: {
          '200': ok('valid', { type: 'object', properties: { ok: { const: true }, scenario: scenarioRef('the resolved scenario, defaults filled') }, required: ['ok', 'scenario'] }),
          '400': runErrors['400'],
          '403': runErrors['403'],
          '413': runErrors['413'],
          '415': runErrors['415'],
        },
      },
    },
    '/api/presets': { get: { summary: 'The preset scenarios (scenarios/*.yaml)', responses: { '200': ok('presets', { type: 'object', properties: { presets: { type: 'array', items: ref('Preset') } } }) } } },
    '/api/presets/{id}': { get: { summary: 'One preset', parameters: [idParam], responses: { '200': ok('the preset', ref('Preset')), '404': errorResponse('no such preset') } } },
    '/api/scenarios': {
      get: { summary: 'Saved scenarios', responses: { '200': ok('the list', { type: 'object', properties: { scenarios: { type: 'array', items: ref('ScenarioListItem') } } }) } },
      post: {
        summary: 'Save a scenario (source text kept verbatim)',
        requestBody: { required: true, content: { ...json(storeBody), 'application/yaml': { schema: { type: 'string' } } } },
        responses: { '201': ok('saved, revision 1', ref('StoredScenario')), '400': runErrors['400'], '403': runErrors['403'], '413': runErrors['413'], '415': runErrors['415'] },
      },
    },
    '/api/scenarios/{id}': {
      get: { summary: 'A saved scenario (latest revision)', parameters: [idParam], responses: { '200': ok('the scenario', ref('StoredScenario')), '404': errorResponse('no such scenario') } },
      put: {
        summary: 'Replace a saved scenario; the previous revision is kept',
        parameters: [idParam],
        requestBody: { required: true, content: { ...json(storeBody), 'application/yaml': { schema: { type: 'string' } } } },
        responses: { '200': ok('the new revision', ref('StoredScenario')), '400': runErrors['400'], '403': runErrors['403'], '404': errorResponse('no such scenario'), '413': runErrors['413'], '415': runErrors['415'] },
      },
      delete: { summary: 'Delete a scenario and its revisions', parameters: [idParam], responses: { '204': { description: 'deleted' }, '404': errorResponse('no such scenario') } },
    },
    '/api/scenarios/{id}/revisions': {
      get: {
        summary: 'Every revision of a scenario, oldest first',
        parameters: [idParam],
        responses: { '200': ok('revisions', { type: 'object', properties: { id: { type: 'string' }, revisions: { type: 'array', items: ref('Revision') } } }), '404': errorResponse('no such scenario') },
      },
    },
    '/api/scenarios/{id}/revisions/{revision}': {
      get: {
        summary: 'One revision of a scenario (its source text verbatim, and its resolved form)',
        parameters: [idParam, revParam],
        responses: { '200': ok('the revision', { allOf: [ref('Revision'), { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }] }), '404': errorResponse('no such scenario or revision') },
      },
    },
    '/api/scenarios/{id}/revisions/{revision}/restore': {
      post: {
        summary: 'Restore an old revision: it is added again as the latest revision (history is kept)',
        parameters: [idParam, revParam],
        responses: { '200': ok('the new latest revision', ref('StoredScenario')), '403': runErrors['403'], '404': errorResponse('no such scenario or revision') },
      },
    },
    '/api/schema': { get: { summary: 'The scenario JSON Schema (draft 2020-12)', responses: { '200': ok('the schema', { type: 'object' }) } } },
    '/api/openapi.json': { get: { summary: 'This document', responses: { '200': ok('OpenAPI 3.1', { type: 'object' }) } } },
  };
  {
    paths['/api/compare'] = {
      post: {
        summary: 'Compare a baseline with variants on common random numbers',
        description: 'The body is a study `{ name?, trials?, seed?, compare: { baseline, variants: [ { name, patch | scenario } ] } }`, or the same without the study wrapper `{ baseline, variants, trials?, seed? }`, or either as `{ yaml, trials?, seed? }` text (trials and seed override those of the text, as for /api/simulate), plus `precision` and `maxTrials` as for /api/simulate (instead of trials). Scenarios are inline objects or names of preset files (scenarios/*.yaml). Errors name paths from the body root (e.g. compare.variants[1].patch.reps.winRat). Add `assumptions: true` (or `{ metric?: revenue | margin | arr | plan, draws?: 8..4096 }`) to also get what the answer depends on: per variant, P(beats baseline) over the assumptions\' plausible ranges and the random draws, the share of the difference\'s variance from assumptions vs simulation noise, Sobol indices and break-evens.',
        requestBody: { required: true, content: json(ref('CompareBody')) },
        responses: { '200': ok('the comparison: the baseline Summary and, per variant, its Summary, the paired differences with their standard errors, P(beats baseline), crossover and payback months', ref('CompareResult')), ...runErrors },
      },
    };
    paths['/api/compare/stream'] = {
      post: {
        summary: 'Compare, streaming progress as Server-Sent Events',
        description:
          'The body of /api/compare without `assumptions`. Events: `progress` `{ done, total, trials, designs: [ { name, done } ] }` (trials done over all designs and per design, baseline first; the designs run one after another on the same seed) at most every 1% of the work; then one `result` with the CompareResult /api/compare answers, or one `error` `{ status, errors }` (a full queue, the time limit). A bad request or work over the budget is a plain 400 / 422 before the stream starts; a client that disconnects cancels the run.',
        requestBody: { required: true, content: json(ref('CompareBody')) },
        responses: { '200': { description: 'an event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...runErrors },
      },
    };
  }
  {
    paths['/api/sensitivity'] = {
      post: {
        summary: 'Tornado: swing of total revenue per parameter, low vs high on common random numbers',
        requestBody: { required: true, content: json(ref('SensitivityBody')) },
        description: 'With `sobol: true` (or `{ metric?, draws? }`), instead of the tornado: the Sobol indices of the outcome over the scenario\'s assumptions and the share of its variance they explain against the simulation\'s noise (salesim sensitivity --sobol), a SobolResult.',
        responses: { '200': ok('the tornado: per parameter its low and high runs, swing and swing standard error, sorted by |swing.mean|; or, with sobol, the Sobol indices', { oneOf: [ref('SensitivityResult'), ref('SobolResult')] }), ...runErrors },
      },
    };
  }
  {
    paths['/api/solve'] = {
      post: {
        summary: 'Goal seek: the smallest (or largest) value of one decision parameter that meets a target, on common random numbers',
        description:
          'Every value runs with the same seed and trials; the target is judged against the scenario\'s own plan. Targets: `P(plan) >= p`, `mean(X) >= v`, `PNN(X) >= v` (or <=), X = revenue, margin or arr. A `vary` path into the next entry of hiring.plan adds it as { month: 1, seats: 0 }. Answers null with a message when no value in range meets the target.',
        requestBody: { required: true, content: json(ref('SolveBody')) },
        responses: { '200': ok('the answer with its interval, its neighbours and every value run', ref('SolveResult')), ...runErrors },
      },
    };
    paths['/api/solve/stream'] = {
      post: {
        summary: 'Goal seek, streaming each value as it is run (Server-Sent Events)',
        description:
          'The body of /api/solve. Events: `progress` `{ evaluated, point: { x, value, ci, met } }` after each value run (the bracket so far; none for a precision-targeted search), then one `result` with the SolveResult /api/solve answers, or one `error` `{ status, errors }`. A bad request or work over the budget is a plain 400 / 422 before the stream starts; a client that disconnects cancels the search.',
        requestBody: { required: true, content: json(ref('SolveBody')) },
        responses: { '200': { description: 'an event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...runErrors },
      },
    };
  }
  {
    const month = { type: 'string', pattern: '^\\d{4}-\\d{2}$', description: 'a month YYYY-MM' };
    const csvErrors = { ...runErrors, '413': errorResponse('request body over the CSV limit (10 MiB, maxCsvBodyBytes)'), '415': errorResponse('neither text/csv (on /api/calibrate) nor JSON') };
    paths['/api/calibrate'] = {
      post: {
        summary: 'Fit a scenario to a CRM opportunity export',
        description:
          'The body is the export itself (`Content-Type: text/csv`; options in the query: from, to, asOf, name, invalidRows, point, trend) or JSON `{ csv, roster?, leads?, mapping?, from?, to?, asOf?, name?, horizonMonths?, invalidRows?, point?, trend? }`; `leads` (a lead export) adds a demand block and `demandReport`. Default columns: Opportunity Owner, Created Date, Close Date, Stage, Amount. A malformed export is a 400 naming the row (spreadsheet numbering) and column, e.g. path `rows[7].Created Date`, or `columns.Amount` for a missing column. Runs on the worker pool under the run queue and time limit.',
        parameters: [
          ...['from', 'to', 'asOf', 'name'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' }, description: name === 'asOf' ? 'a date YYYY-MM-DD' : name === 'name' ? "the fitted scenario's name" : 'a month YYYY-MM' })),
          { name: 'invalidRows', in: 'query', required: false, schema: { enum: ['error', 'skip'] }, description: "'skip' drops malformed rows (counted in the report)" },
          { name: 'point', in: 'query', required: false, schema: { enum: ['true', 'false'] }, description: 'point estimates only, no uncertainty block (salesim calibrate --point)' },
          { name: 'trend', in: 'query', required: false, schema: { enum: ['true', 'false'] }, description: 'write a kept trend as the drift block (salesim calibrate --trend)' },
        ],
        requestBody: {
          required: true,
          content: {
            'text/csv': { schema: { type: 'string' } },
            ...json(ref('CalibrateBody')),
          },
        },
        responses: {
          '200': ok('the fitted scenario, its commented YAML, the fit report and (given leads) the lead-export fit', ref('CalibrateResult')),
          ...csvErrors,
        },
      },
    };
    paths['/api/backtest'] = {
      post: {
        summary: "Back-test a scenario against an export: actual monthly revenue vs the simulated P10-P90 band; or, given asOf dates, a rolling-origin back-test",
        description: '`{ csv, scenario, from, to }` sets the scenario\'s band against the revenue booked; `{ csv, asOf: [dates], horizon? }` cuts the export at each date, calibrates on the cut, forecasts the next months and scores the forecast (PIT, coverage, CRPS, bias) against two analyst baselines.',
        requestBody: { required: true, content: json({ oneOf: [ref('BacktestBody'), ref('RollingBacktestBody')] }) },
        responses: {
          '200': ok("the engine's back-test (BacktestResult), or the rolling-origin back-test (RollingResult) for an asOf body", { oneOf: [ref('BacktestResult'), ref('RollingResult')] }),
          ...csvErrors,
        },
      },
    };
  }
  {
    const fanMonth = {
      type: 'object',
      properties: { month: { type: 'string' }, actual: { type: ['number', 'null'] }, ...Object.fromEntries(['p10', 'p25', 'p50', 'p75', 'p90', 'plan'].map((k) => [k, { type: 'number' }])) },
    };
    const outcome = {
      pPlan: { type: 'number' },
      pPlanInterval: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: 'Wilson 95% interval' },
      expectedGap: { type: 'number', description: 'E[max(0, plan - year total)]' },
      yearTotal: ref('Stats'),
    };
    paths['/api/forecast'] = {
      post: {
        summary: 'Forecast from an as-of date: P(plan | bookings to date), the fan of cumulative bookings, P(plan) at the start of the year, and interventions on common random numbers',
        description:
          "The export's won deals up to `asOf` are booked; its open deals and the team (from the roster, else the export) start the simulation of the remaining months. `plan` defaults to the scenario's first-year plan. Interventions (`actions`) are `{ name, patch }` (a merge patch on the forecast scenario) or `{ name, hire: { seats, territory? } }` (seats opening now; needs a hiring block). Every scenario runs with the same seed; a bad field is a 400 naming it (`asOf`, `plan`, `rows[N].Column`, `roster.rows[N].Column`, `scenario.…`, `actions[N].…`). Runs on the worker pool under the run queue and time limit; the body may be as large as the CSV limit.",
        requestBody: {
          required: true,
          content: json(ref('ForecastBody')),
        },
        responses: {
          '200': ok("the engine's ForecastReport", {
            type: 'object',
            properties: {
              asOf: { type: 'string' },
              yearStart: { type: 'string' },
              start: { type: 'string' },
              through: { type: 'string' },
              plan: { type: 'number' },
              planBasis: { type: 'string' },
              booked: { type: 'number' },
              team: { type: 'object', properties: { source: { enum: ['roster', 'export'] }, seated: { type: 'integer' }, ramping: { type: 'integer' }, vacant: { type: 'integer' } } },
              open: {
                type: 'object',
                properties: {
                  deals: { type: 'integer' },
                  withAmount: { type: 'integer' },
                  amount: { type: 'number' },
                  stale: { type: ['integer', 'null'], description: "open deals at or beyond the age from which the scenario's resolution table gives no chance (they do not close in the forecast); null without a resolution table" },
                },
              },
              trials: { type: 'integer' },
              seed: { type: 'integer' },
              now: { type: 'object', properties: outcome },
              fan: { type: 'array', items: fanMonth },
              startOfYear: { oneOf: [{ type: 'object', properties: { ...outcome, asOf: { type: 'string' } } }, { type: 'null' }] },
              startOfYearNote: { type: ['string', 'null'] },
              variants: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    name: { type: 'string' },
                    ...outcome,
                    deltaPPlan: { type: 'number' },
                    deltaPPlanInterval: { type: 'array', items: { type: 'number' } },
                    deltaYearTotal: { type: 'number' },
                    deltaYearTotalSe: { type: 'number' },
                  },
                },
              },
              parameterUncertainty: {
                type: 'object',
                description: "the scenario's fitted rates drawn in every trial (its uncertainty block, as calibrate writes it): P(plan) and the fan include what the data cannot tell; empty when the rates are taken as known",
                properties: { paths: { type: 'array', items: { type: 'string' } } },
              },
              warnings: { type: 'array', items: { type: 'string' } },
              precision: { ...ref('Precision'), description: 'with precision in the request: the trials the forecast from today took and the precision it reached' },
            },
            required: ['asOf', 'plan', 'booked', 'now', 'fan', 'startOfYear', 'variants', 'warnings'],
          }),
          ...runErrors,
          '413': errorResponse('request body over the CSV limit (10 MiB, maxCsvBodyBytes)'),
        },
      },
    };
  }
  paths['/api/forecast/sample'] = {
    post: {
      summary: "A synthetic opportunity export and roster of a scenario, with salesim synth's options (by default 12 months from its plan year's first month), to try the forecast on",
      requestBody: {
        required: true,
        content: json(ref('ForecastSampleBody')),
      },
      responses: {
        '200': ok("{ opportunities (CSV), roster (CSV), asOf (the end of the history's month months - 6, or its middle month when shorter than a year), warnings }; the CSV is salesim synth's for the same options", ref('SampleExport')),
        ...runErrors,
      },
    },
  };
  const listItem = {
    type: 'object',
    properties: { id: { type: 'string' }, name: { type: 'string' }, revision: { type: 'integer' }, createdAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' } },
    required: ['id', 'name', 'revision', 'createdAt', 'updatedAt'],
  };
  return {
    openapi: '3.1.0',
    info: { title: 'salesim HTTP API', version: opts.version, description: 'Monte Carlo simulation of sales organisations. Errors are `{ errors: [ { path, rule, message } ] }` everywhere.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: {
        ...apiComponentSchemas(),
        // the zod echoes (api-schemas.ts ScenarioEchoSchema, DistributionEchoSchema) are named Scenario and
        // ScenarioDistribution: their schemas are the engine's
        Scenario: scenarioSchema,
        ...scenarioDefs,
        Preset: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            description: { type: 'string' },
            source: { type: 'string' },
            scenario: { oneOf: [scenarioRef('the resolved preset'), { type: 'null', description: 'a preset that does not validate (see errors)' }] },
            errors: { type: 'array', items: ref('Error') },
          },
          required: ['id', 'name', 'description', 'source', 'scenario'],
        },
        ScenarioListItem: listItem,
        StoredScenario: {
          type: 'object',
          properties: { ...listItem.properties, format: { enum: ['yaml', 'json'] }, source: { type: 'string' }, scenario: scenarioRef('the resolved scenario, defaults filled') },
          required: [...listItem.required, 'format', 'source', 'scenario'],
        },
        Revision: {
          type: 'object',
          properties: { revision: { type: 'integer' }, createdAt: { type: 'string', format: 'date-time' }, format: { enum: ['yaml', 'json'] }, source: { type: 'string' }, scenario: scenarioRef('the resolved scenario of this revision') },
          required: ['revision', 'createdAt', 'format', 'source', 'scenario'],
        },
        Error: {
          type: 'object',
          properties: { path: { type: ['string', 'null'] }, rule: { type: 'string' }, message: { type: 'string' }, line: { type: 'integer' }, column: { type: 'integer' } },
          required: ['path', 'rule', 'message'],
        },
        Errors: { type: 'object', properties: { errors: { type: 'array', items: ref('Error'), minItems: 1 } }, required: ['errors'] },
      },
    },
  };
}
