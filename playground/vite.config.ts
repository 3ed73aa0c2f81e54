/**
 * Vite build of the playground: `npm run build:playground` writes playground/dist, which the server
 * serves; `npm run dev:playground` serves it with hot reload and proxies /api to the server on
 * 127.0.0.1:8787 (streamed, so SSE progress arrives as it happens).
 *
 * `npm run build:static` (`--mode static`, issue 31) writes dist/static: the same playground with the
 * engine in Web Workers in the page and no server at all. The only difference is which client the page
 * uses: `client/select.js` resolves to `client/select.browser.ts` instead of `client/select.ts`.
 */
import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
// build time, in Node: the engine's block defaults are embedded in the page (playground/src/schemaDefaults.ts)
import { blockDefaults } from '../engine/index.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The static build's client: the engine in Web Workers (see playground/src/client/index.ts). */
function browserClient(): Plugin {
  const browser = join(root, 'src', 'client', 'select.browser.ts');
  return {
    name: 'salesim-browser-client',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './select.js' && importer && /[\\/]client[\\/]index\.ts$/.test(importer)) return browser;
      return null;
    },
  };
}

export default defineConfig(({ mode }) => {
  const isStatic = mode === 'static';
  return {
    root,
    base: './',
    define: { __SALESIM_BLOCK_DEFAULTS__: JSON.stringify(blockDefaults()) },
    plugins: isStatic ? [browserClient()] : [],
    build: {
      outDir: isStatic ? join(root, '..', 'dist', 'static') : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 800,
    },
    worker: { format: 'es' as const },
    server: {
      host: '127.0.0.1',
      port: 5173,
      proxy: {
        '/api': {
          target: `http://127.0.0.1:${process.env.SALESIM_API_PORT ?? 8787}`,
          changeOrigin: false,
          // SSE: never buffer or compress the event stream
          configure: (proxy) => {
            proxy.on('proxyRes', (res) => {
              if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
                res.headers['cache-control'] = 'no-cache, no-transform';
                res.headers['x-accel-buffering'] = 'no';
              }
            });
          },
        },
      },
    },
  };
});
