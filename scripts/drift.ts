import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import codegenConfig from '../codegen.js';
import { composeSupergraph } from './compose.js';
import { dockerComposeFile, haproxyConfigFile } from './docker-compose.js';

/** Files that are generated and committed, with what they should contain now; the check and a test compare. */
export async function generatedFiles(): Promise<{ path: string; expected: string }[]> {
  const { supergraph, api } = composeSupergraph();
  const outputs = (await generate({ ...codegenConfig, silent: true }, false)) as {
    filename: string;
    content: string;
  }[];
  return [
    { path: 'schema/supergraph.graphql', expected: supergraph },
    { path: 'schema/api.graphql', expected: api },
    { path: 'docker-compose.yml', expected: dockerComposeFile() },
    { path: 'deploy/haproxy.cfg', expected: haproxyConfigFile() },
    ...outputs.map((o) => ({ path: o.filename, expected: o.content })),
  ];
}

export async function driftedFiles(): Promise<string[]> {
  const drifted: string[] = [];
  for (const { path, expected } of await generatedFiles()) {
    let current: string | null = null;
    try {
      current = readFileSync(path, 'utf8');
    } catch {}
    if (current !== expected) drifted.push(path);
  }
  return drifted;
}
