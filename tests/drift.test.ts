import { describe, expect, it } from 'vitest';
import { driftedFiles } from '../scripts/drift.js';

describe('generated files', () => {
  it('supergraph, API schema and codegen output match the subgraphs and operations', async () => {
    expect(await driftedFiles()).toEqual([]);
  }, 60_000);
});
