/**
 * The playground's client for "run this" (issues 5 and 31): `api` is the page's one client, HTTP to
 * the salesim server or the engine in Web Workers in the page (the static build), chosen at build time
 * (see client/index.ts). Every statistic shown comes from its answers (the engine's own types,
 * type-only imports); errors arrive in the project's one shape `{ errors: [{ path, rule, message }] }`.
 */
import { client } from './client/index.js';
import type { SalesimClient } from './client/types.js';

// The answers are the engine's own types (type-only imports: no engine code enters the bundle).
export type {
  CompareResult,
  VariantComparison as CompareVariant,
  SensitivityResult,
  SensitivityParameter,
  SensitivityOutput,
} from '../../engine/index.js';

export { ApiError, type ApiIssue } from './client/errors.js';
export type { RunRequest, Progress, CompareProgress, PresetInfo, StoredScenario, SavedRevision, SolveRequest } from './client/types.js';
export { requestJson, streamSimulation } from './client/http.js';
export { withoutTrials } from './client/runBody.js';
export { NEEDS_SERVER } from './client/types.js';

/** The calls the playground makes, as one object so tests can substitute it. */
export const api: SalesimClient = client;
export type Api = SalesimClient;

/** True in the static build: the engine runs in this page, and files picked are read here, never uploaded. */
export const IN_BROWSER = client.kind === 'browser';
