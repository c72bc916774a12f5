import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The rules that keep subgraphs independent, checked on the source: imports
 * (docs/architecture.md#what-may-import-what) and SQL (docs/architecture.md#one-schema-per-subgraph).
 */
const root = resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (path.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Every module a file imports, static or dynamic, resolved to a path relative to the repo. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/import\(\s*['"`]([^'"`]+)['"`]\s*\)/g),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
  ].map((m) => m[1]!);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) =>
      relative(root, resolve(join(file, '..'), s))
        .split(sep)
        .join('/'),
    );
}

/** True when SQL in the text reads or writes a table of the given schema. */
function sqlTouches(text: string, schema: string): boolean {
  return new RegExp(`\\b(from|join|into|update|table|references)\\s+"?${schema}"?\\s*\\.`, 'i').test(text);
}

const subgraphNames = readdirSync(join(root, 'subgraphs')).filter((n) =>
  statSync(join(root, 'subgraphs', n)).isDirectory(),
);

describe('subgraph isolation', () => {
  it('finds the subgraphs and their files', () => {
    expect(subgraphNames).toContain('identity');
  });

  for (const name of subgraphNames) {
    it(`${name} imports only from itself and kit/ (tests also testkit/)`, () => {
      const offenders: string[] = [];
      for (const file of sourceFiles(join(root, 'subgraphs', name))) {
        for (const target of importsOf(file)) {
          // Tests drive the subgraph through the whole supergraph, so they may use the testkit.
          const testkitOk = file.endsWith('.test.ts') && target.startsWith('testkit/');
          if (!target.startsWith(`subgraphs/${name}/`) && !target.startsWith('kit/') && !testkitOk) {
            offenders.push(`${relative(root, file)} -> ${target}`);
          }
        }
      }
      expect(offenders).toEqual([]);
    });

    it(`${name} SQL names no other subgraph's schema`, () => {
      const others = subgraphNames.filter((n) => n !== name);
      const offenders: string[] = [];
      for (const file of sourceFiles(join(root, 'subgraphs', name))) {
        if (file.endsWith('.test.ts')) continue;
        const text = readFileSync(file, 'utf8');
        for (const other of others) {
          if (sqlTouches(text, other)) offenders.push(`${relative(root, file)} touches ${other}`);
        }
      }
      expect(offenders).toEqual([]);
    });
  }

  it('kit imports no subgraph and no gateway', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(root, 'kit'))) {
      for (const target of importsOf(file)) {
        if (!target.startsWith('kit/')) offenders.push(`${relative(root, file)} -> ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the client package imports nothing of the server, and only its declared dependency', () => {
    const offenders: string[] = [];
    const dir = join(root, 'clients/typescript/src');
    for (const file of sourceFiles(dir).filter((f) => !/\.test(-d)?\.ts$/.test(f))) {
      for (const target of importsOf(file))
        if (!target.startsWith('clients/typescript/')) offenders.push(`${relative(root, file)} -> ${target}`);
      const text = readFileSync(file, 'utf8');
      for (const [, bare] of text.matchAll(/from\s+['"]([^'"./][^'"]*)['"]/g))
        if (bare !== '@graphql-typed-document-node/core')
          offenders.push(`${relative(root, file)} -> ${bare}`);
    }
    expect(sourceFiles(dir).length).toBeGreaterThan(3);
    expect(offenders).toEqual([]);
  });

  it('the gateway imports no subgraph', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(root, 'gateway'))) {
      for (const target of importsOf(file)) {
        if (target.startsWith('subgraphs/')) offenders.push(`${relative(root, file)} -> ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the scanners see what they look for', () => {
    // Guards the guards: scanners that find nothing would pass every rule above.
    const sample = join(root, 'subgraphs', 'identity', 'server.ts');
    expect(importsOf(sample)).toContain('kit/subgraph.js');
    expect(sqlTouches('select * from identity.users', 'identity')).toBe(true);
    expect(sqlTouches('INSERT INTO "billing".payments', 'billing')).toBe(true);
    expect(sqlTouches('const identity = 1; identity.users', 'identity')).toBe(false);
  });
});
