import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { SUBGRAPH_NAMES } from '../schema/subgraphs.js';
import { buildWebApp } from '../stack/web-app.js';

/** Every process entry: the gateway and each subgraph (what the replicated stack runs). */
export const PROCESS_ENTRIES = [
  'gateway/main.ts',
  ...SUBGRAPH_NAMES.map((name) => `subgraphs/${name}/main.ts`),
];

/**
 * Compiles entry points and everything they import to plain JavaScript, for processes that run
 * without tsx. Under `node --import tsx` a process carries tsx's loader thread (a second V8
 * isolate with esbuild) and the source maps of every transpiled file: about 75 MB of resident
 * memory for the gateway (BENCHMARKS.md, tuning log). Types are checked by `npm run check`,
 * not here.
 *
 *   npm run build            gateway/main.ts -> dist/gateway/main.js (what production runs),
 *                            and the example web app -> apps/web/dist (static files; the
 *                            gateway it calls comes from VITE_GATEWAY_URL)
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Files read next to the code at run time (`new URL(..., import.meta.url)`), copied into the output. */
const ASSETS = [
  'schema/supergraph.graphql',
  'clients/typescript/src/generated/persisted-documents.json',
  ...SUBGRAPH_NAMES.map((name) => `subgraphs/${name}/schema.graphql`),
];

export function buildJavaScript(entries: string[], outDir: string): void {
  const configPath = join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: false,
    noCheck: true,
    outDir,
    rootDir: ROOT,
    sourceMap: false,
    declaration: false,
  };
  rmSync(outDir, { recursive: true, force: true });
  const program = ts.createProgram(
    entries.map((entry) => join(ROOT, entry)),
    options,
  );
  const result = program.emit();
  const errors = result.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (result.emitSkipped || errors.length > 0) {
    throw new Error(
      `build failed:\n${ts.formatDiagnostics(errors, {
        getCanonicalFileName: (name) => name,
        getCurrentDirectory: () => ROOT,
        getNewLine: () => '\n',
      })}`,
    );
  }
  for (const asset of ASSETS) {
    mkdirSync(dirname(join(outDir, asset)), { recursive: true });
    copyFileSync(join(ROOT, asset), join(outDir, asset));
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const started = Date.now();
  buildJavaScript(['gateway/main.ts'], join(ROOT, 'dist'));
  console.log(`built dist/gateway/main.js in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const webStarted = Date.now();
  await buildWebApp();
  console.log(`built apps/web/dist in ${((Date.now() - webStarted) / 1000).toFixed(1)} s`);
}
