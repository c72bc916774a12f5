import { readFileSync } from 'node:fs';
import { Kind, parse, type DefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES, sdlPath } from '../schema/subgraphs.js';

/** The explorer is the frontend teams' documentation: every public type, field, argument and value is described. */
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

function undocumented(sdl: string): string[] {
  const missing: string[] = [];
  const document = parse(sdl);
  for (const definition of document.definitions as DefinitionNode[]) {
    if (!('name' in definition) || !definition.name) continue;
    const typeName = definition.name.value;
    const isExtension = definition.kind.endsWith('Extension');
    const hasDescription = 'description' in definition && definition.description;
    if (
      !isExtension &&
      !ROOT_TYPES.has(typeName) &&
      !hasDescription &&
      definition.kind !== Kind.DIRECTIVE_DEFINITION
    ) {
      missing.push(typeName);
    }
    if ('fields' in definition) {
      for (const field of definition.fields ?? []) {
        if (!field.description) missing.push(`${typeName}.${field.name.value}`);
        for (const arg of 'arguments' in field ? (field.arguments ?? []) : []) {
          if (!arg.description) missing.push(`${typeName}.${field.name.value}(${arg.name.value})`);
        }
      }
    }
    if ('values' in definition) {
      for (const value of definition.values ?? []) {
        if (!value.description) missing.push(`${typeName}.${value.name.value}`);
      }
    }
  }
  return missing;
}

describe('SDL descriptions', () => {
  for (const name of SUBGRAPH_NAMES) {
    it(`${name}: every type, field, argument and enum value has a description`, () => {
      expect(undocumented(readFileSync(sdlPath(name), 'utf8'))).toEqual([]);
    });
  }

  it('notices a missing description', () => {
    expect(undocumented('"A" type A { b(c: Int): Int }')).toEqual(['A.b', 'A.b(c)']);
  });
});
