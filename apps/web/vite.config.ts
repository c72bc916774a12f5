import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The example web app. `npm start` runs this config's dev server on http://localhost:5173
 * (stack/start-all.ts); `npm run build` writes apps/web/dist, static files any host can serve.
 * The gateway URL comes from VITE_GATEWAY_URL at build time (src/api.ts).
 */
export default defineConfig({
  root: import.meta.dirname,
  // The client package from this checkout's source, whichever node_modules links the workspace.
  resolve: {
    alias: {
      '@fitness/client': fileURLToPath(new URL('../../clients/typescript/src/index.ts', import.meta.url)),
    },
  },
  server: { port: 5173, strictPort: true, host: 'localhost' },
  preview: { port: 5173, strictPort: true, host: 'localhost' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
