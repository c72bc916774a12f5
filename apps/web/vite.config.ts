import { defineConfig } from 'vite';

/**
 * The example web app. `npm start` runs this config's dev server on http://localhost:5173
 * (stack/start-all.ts); `npm run build` writes apps/web/dist, static files any host can serve.
 * The gateway URL comes from VITE_GATEWAY_URL at build time (src/api.ts).
 */
export default defineConfig({
  root: import.meta.dirname,
  server: { port: 5173, strictPort: true, host: 'localhost' },
  preview: { port: 5173, strictPort: true, host: 'localhost' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
