import { readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { printSchema, Supergraph } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { SUBGRAPH_NAMES, sdlPath } from '../schema/subgraphs.js';

/**
 * Builds schema/supergraph.graphql (what the gateway serves) and schema/api.graphql (the public
 * schema frontends and codegen see) from the subgraphs' SDL. The URLs in the supergraph are
 * placeholders: the gateway points each subgraph at its configured address at start.
 * With --check it writes nothing and fails when the committed files differ.
 */
export function composeSupergraph(): { supergraph: string; api: string } {
  const services = SUBGRAPH_NAMES.map((name) => ({
    name,
    url: `http://${name}.subgraph.local/graphql`,
    typeDefs: parse(readFileSync(sdlPath(name), 'utf8')),
  }));
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  const supergraph = result.supergraphSdl;
  // federation-internals prints its own schema object, so the output is the same whichever
  // build of graphql (CommonJS or ESM) the caller runs on.
  const api = printSchema(Supergraph.build(supergraph).apiSchema());
  return { supergraph, api: `${api}\n` };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const check = process.argv.includes('--check');
  const { supergraph, api } = composeSupergraph();
  const targets: [string, string][] = [
    ['schema/supergraph.graphql', supergraph],
    ['schema/api.graphql', api],
  ];
  let drift = false;
  for (const [path, content] of targets) {
    if (check) {
      let current = '';
      try {
        current = readFileSync(path, 'utf8');
      } catch {}
      if (current !== content) {
        console.error(`${path} is out of date: run npm run compose`);
        drift = true;
      }
    } else {
      writeFileSync(path, content);
      console.log(`wrote ${path}`);
    }
  }
  if (drift) process.exit(1);
}
