import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';

const sdl = (name: string) => readFileSync(new URL(`../${name}/schema.graphql`, import.meta.url), 'utf8');

/** The shape the training subgraph gives Trainer: it owns the entity and its fields. */
const trainingOwningTrainer = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
"A trainer."
type Trainer @key(fields: "id") {
  "Id."
  id: ID!
  "Verified by the platform."
  verified: Boolean!
  "The account."
  user: User!
}
"A user."
type User @key(fields: "id") {
  "Id."
  id: ID!
  "The user's trainer profile."
  trainer: Trainer
}
"Paging."
type PageInfo @shareable {
  "More?"
  hasNextPage: Boolean!
  "Cursor."
  endCursor: String
}
type Query {
  "A trainer."
  trainer("Id." id: ID!): Trainer
}
`;

function compose(services: { name: string; typeDefs: string }[]) {
  return composeServices(
    services.map((s) => ({
      name: s.name,
      url: `http://${s.name}.local/graphql`,
      typeDefs: parse(s.typeDefs),
    })),
  );
}

describe('content composes into the supergraph', () => {
  it('with identity alone (Trainer known only by id)', () => {
    const result = compose([
      { name: 'identity', typeDefs: sdl('identity') },
      { name: 'content', typeDefs: sdl('content') },
    ]);
    expect(result.errors ?? []).toEqual([]);
  });

  it('with a training subgraph that owns Trainer with @key(fields: "id")', () => {
    const result = compose([
      { name: 'identity', typeDefs: sdl('identity') },
      { name: 'training', typeDefs: trainingOwningTrainer },
      { name: 'content', typeDefs: sdl('content') },
    ]);
    expect(result.errors ?? []).toEqual([]);
    const supergraph = result.supergraphSdl ?? '';
    // Trainer gathers the training fields and the content lists.
    const trainer = /type Trainer[\s\S]*?\n}/.exec(supergraph)?.[0] ?? '';
    for (const field of ['verified', 'contentItems', 'courses']) expect(trainer).toContain(field);
  });
});
