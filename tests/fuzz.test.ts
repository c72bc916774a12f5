import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MemorySample, runFuzz, sampleMemory } from '../scripts/fuzz.js';
import { startTestStack, type TestStack } from '../testkit/stack.js';

/**
 * The schema-aware fuzzer (scripts/fuzz.ts) against the whole supergraph in this process:
 * 5,000 generated operations (forged cursors, malformed ids, lone surrogates and subscription
 * operations among them), then the first 1,000 again (about a minute of CPU; the timeout
 * allows for a machine shared with other work). Every finding (a 5xx, a stack trace,
 * SQL text, an internal error, a non-JSON body, a dropped connection) fails the test with the seed
 * and index to replay it: `npm run fuzz -- --seed <seed> --only <index>`.
 * Memory: caches keyed by document (parsed documents, query plans, APQ) fill during the first
 * pass and are bounded; the replay of documents already seen must not grow the heap.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const COUNT = Number(process.env.FUZZ_COUNT ?? 5000);

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('schema-aware fuzzing', () => {
  it(`survives ${COUNT} fuzzed operations with no 5xx, leak or crash, and flat memory`, async () => {
    const samples: MemorySample[] = [];
    const first = await runFuzz({
      url: stack.gatewayUrl,
      count: COUNT,
      seed: SEED,
      concurrency: 8,
      onProgress: (fraction) => void samples.push(sampleMemory(fraction)),
    });
    expect(first.total).toBe(COUNT);
    expect(first.findings, `seed ${SEED}`).toEqual([]);
    expect(Object.keys(first.byStatus).every((status) => Number(status) < 500)).toBe(true);
    // Valid operations got through, not only refusals.
    expect(first.byStatus['200']).toBeGreaterThan(COUNT / 4);
    // The classes of forged input each had their share: cursors in every list's `after`, ids
    // that are not UUIDs, lone surrogates, and every operation type over POST and GET.
    for (const mode of ['cursor-forgery', 'malformed-id', 'lone-surrogate', 'operation-type'])
      expect(first.byMode[mode], mode).toBeGreaterThan(COUNT / 50);

    const afterFirstPass = sampleMemory(1);
    const replay = await runFuzz({
      url: stack.gatewayUrl,
      count: 0,
      only: Array.from({ length: Math.min(1000, COUNT) }, (_, i) => i),
      seed: SEED,
      concurrency: 8,
    });
    expect(replay.findings, `seed ${SEED} (replay)`).toEqual([]);
    const afterReplay = sampleMemory(1);
    console.log(
      JSON.stringify({
        seed: SEED,
        first: { ...first, findings: undefined },
        samples,
        afterFirstPass,
        afterReplay,
      }),
    );
    expect(afterReplay.heapUsedMb - afterFirstPass.heapUsedMb).toBeLessThan(12);

    // Every process part still answers.
    expect((await fetch(stack.gatewayUrl.replace('/graphql', '/ready'))).status).toBe(200);
    expect((await stack.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  }, 900_000);
});
