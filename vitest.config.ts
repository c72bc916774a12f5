import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node resolves `graphql` to its CommonJS build (the package has no exports map) and so do
    // Apollo's CommonJS packages; Vite would pick the ESM build for our code. One copy for all,
    // as in production, avoids "from another module or realm" errors.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['**/*.test.ts'],
    // tests/scale/ runs against a replicated stack of processes: `npm run test:scale`.
    exclude: ['node_modules/**', '.data/**', '.bench/**', 'tests/scale/**'],
    globalSetup: ['testkit/global-setup.ts'],
    // Each file starts its own supergraph and database; two cores run two files at a time.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
