/** The built playground served next to the API: files as they are, index.html for app routes. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesimApp } from '../../server/app.js';
import { testApp } from './helpers.js';

let app: SalesimApp;
const INDEX = '<!doctype html><title>salesim</title><script type="module" src="/assets/app.js"></script>';

beforeAll(() => {
  const dist = mkdtempSync(join(tmpdir(), 'salesim-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'app.js'), 'export const x = 1;\n');
  app = testApp({ staticDir: dist });
});
afterAll(async () => {
  await app.close();
});

describe('playground static files', () => {
  it('serves index.html at / and for app routes, and assets with their type', async () => {
    for (const path of ['/', '/compare', '/scenarios/abc']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toBe(INDEX);
    }
    const js = await app.request('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps API 404s and missing files as 404 JSON', async () => {
    for (const path of ['/api/nope', '/assets/missing.js', '/../package.json']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/json');
    }
    expect((await app.request('/api/health')).status).toBe(200);
  });
});
