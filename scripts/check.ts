import { spawnSync } from 'node:child_process';
import { lintApiSchema } from '../schema/lint.js';
import { driftedFiles } from './drift.js';

/**
 * `npm run check`: typecheck, lint, drift of everything generated and committed (supergraph,
 * API schema, codegen output) and the API schema's shape rules (schema/lint.ts); validates
 * docker-compose.yml where a compose tool is installed.
 */
let failed = false;
function run(label: string, command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n== ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`!! ${label} failed`);
    failed = true;
  }
}

run('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
// The web app has its own compiler settings (DOM, JSX, bundler resolution).
run('typecheck apps/web', 'npx', ['tsc', '--noEmit', '-p', 'apps/web']);
run('lint', 'npx', ['biome', 'check', '.']);

console.log('\n== generated files');
const drifted = await driftedFiles();
if (drifted.length > 0) {
  console.error(`!! out of date: ${drifted.join(', ')}\n   run: npm run compose && npm run codegen`);
  failed = true;
} else {
  console.log('supergraph, API schema and codegen output are current');
}

console.log('\n== API schema shape (schema/lint.ts)');
const violations = lintApiSchema();
if (violations.length > 0) {
  for (const violation of violations) console.error(`!! ${violation}`);
  failed = true;
} else {
  console.log('schema/api.graphql keeps the list, connection, naming and description rules');
}

const composeTool = ['docker-compose', 'docker'].find((tool) => {
  const probe = spawnSync(tool, tool === 'docker' ? ['compose', 'version'] : ['version'], {
    stdio: 'ignore',
  });
  return probe.status === 0;
});
if (composeTool) {
  run(
    'docker-compose.yml',
    composeTool,
    composeTool === 'docker' ? ['compose', 'config', '--quiet'] : ['config', '--quiet'],
    // The file requires the deployment's secrets; placeholders are enough to validate its shape.
    {
      IDENTITY_HEADER_SECRET: 'placeholder-secret-for-validation-only',
      ENCRYPTION_KEYS: 'k1:placeholder',
      SMTP_URL: 'smtp://placeholder.invalid:587',
    },
  );
} else {
  console.log('\n== docker-compose.yml: no compose tool installed; the compose test still checks it');
}

process.exit(failed ? 1 : 0);
