import { fileURLToPath } from 'node:url';

/** The example web app (apps/web): its Vite config, for the dev server here and the build. */
export const WEB_APP_CONFIG = fileURLToPath(new URL('../apps/web/vite.config.ts', import.meta.url));

/**
 * The web app's Vite dev server on http://localhost:5173, talking to `gatewayUrl` cross-origin
 * with the session cookie (the gateway's CORS allows this origin in development). Vite is a
 * development dependency: production serves the built bundle (README, "The example web app").
 */
export async function startWebAppDevServer(
  gatewayUrl: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: WEB_APP_CONFIG,
    logLevel: 'warn',
    clearScreen: false,
    define: { 'import.meta.env.VITE_GATEWAY_URL': JSON.stringify(gatewayUrl) },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? 'http://localhost:5173/';
  return { url, close: () => server.close() };
}

/** Builds the web app into apps/web/dist (VITE_GATEWAY_URL names the production gateway). */
export async function buildWebApp(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: WEB_APP_CONFIG, logLevel: 'warn' });
}

/**
 * The gateway as the web app on http://localhost:5173 must call it: by `localhost` too, so the
 * two are the same site and the SameSite=Lax session cookie travels with the requests.
 */
export function gatewayUrlForBrowser(gatewayUrl: string): string {
  const url = new URL(gatewayUrl);
  if (['0.0.0.0', '127.0.0.1', '::', '[::]', '[::1]'].includes(url.hostname)) url.hostname = 'localhost';
  return url.toString();
}
