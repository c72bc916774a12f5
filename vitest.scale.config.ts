import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `npm run test:scale`: tests/scale/ against two of every process behind HAProxy
 * (stack/replicated-stack.ts). One file at a time: each starts fourteen processes. The base
 * config's resolve rules hold; its test lists are replaced, not merged.
 */
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ['tests/scale/**/*.test.ts'],
    exclude: ['node_modules/**'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
