/**
 * Vite build of the playground: `npm run build:playground` writes playground/dist, which the server
 * serves; `npm run dev:playground` serves it with hot reload and proxies /api to the server on
 * 127.0.0.1:8787 (streamed, so SSE progress arrives as it happens).
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
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
});
