import { readFileSync } from 'node:fs';
import { type ConstDirectiveNode, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES, type SubgraphName, sdlPath } from '../schema/subgraphs.js';

/**
 * The subgraph that owns each entity (docs/architecture.md#who-owns-which-entity). Every other
 * subgraph that declares the entity only adds fields to a stub of it.
 */
const ENTITY_OWNERS: Record<string, SubgraphName> = {
  User: 'identity',
  Trainer: 'training',
  Exercise: 'training',
  WorkoutPlan: 'training',
  WorkoutSession: 'training',
  Habit: 'training',
  TrainerClient: 'training',
  ContentItem: 'content',
  Course: 'content',
  Lesson: 'content',
  SubscriptionPlan: 'billing',
  UserSubscription: 'billing',
  Payment: 'billing',
  Refund: 'billing',
  HealthMetric: 'health',
  HealthGoal: 'health',
  HealthIntegration: 'health',
  Cohort: 'analytics',
};

interface EntityDeclaration {
  subgraph: SubgraphName;
  type: string;
  keyFields: Set<string>;
  fields: { name: string; nonNull: boolean }[];
}

function keyFieldsOf(directives: readonly ConstDirectiveNode[] | undefined): Set<string> | null {
  const keys = (directives ?? []).filter((d) => d.name.value === 'key');
  if (keys.length === 0) return null;
  const names = new Set<string>();
  for (const key of keys) {
    const fields = key.arguments?.find((a) => a.name.value === 'fields')?.value;
    if (fields?.kind === Kind.STRING)
      for (const name of fields.value.split(/[\s{}]+/)) if (name) names.add(name);
  }
  return names;
}

function entityDeclarations(): EntityDeclaration[] {
  const declarations: EntityDeclaration[] = [];
  for (const subgraph of SUBGRAPH_NAMES) {
    for (const definition of parse(readFileSync(sdlPath(subgraph), 'utf8')).definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION)
        continue;
      const keyFields = keyFieldsOf(definition.directives);
      if (!keyFields) continue;
      declarations.push({
        subgraph,
        type: definition.name.value,
        keyFields,
        fields: (definition.fields ?? []).map((field) => ({
          name: field.name.value,
          nonNull: field.type.kind === Kind.NON_NULL_TYPE,
        })),
      });
    }
  }
  return declarations;
}

describe('fields a subgraph adds to another subgraph’s entity', () => {
  const declarations = entityDeclarations();

  it('every entity has a known owner, and the owner declares it', () => {
    for (const declaration of declarations) {
      expect(ENTITY_OWNERS, `owner of ${declaration.type}`).toHaveProperty(declaration.type);
    }
    for (const [type, owner] of Object.entries(ENTITY_OWNERS)) {
      expect(
        declarations.some((d) => d.type === type && d.subgraph === owner),
        `${owner} declares ${type}`,
      ).toBe(true);
    }
  });

  // When the contributing subgraph is down, the gateway nulls its fields. A non-null field would
  // propagate that null up to the entity and erase every other subgraph's data with it.
  it('are nullable, so one subgraph being down leaves the rest of the entity intact', () => {
    const nonNull = declarations
      .filter((d) => ENTITY_OWNERS[d.type] !== d.subgraph)
      .flatMap((d) =>
        d.fields
          .filter((field) => field.nonNull && !d.keyFields.has(field.name))
          .map((field) => `${d.subgraph}: ${d.type}.${field.name}`),
      );
    expect(nonNull).toEqual([]);
  });
});
