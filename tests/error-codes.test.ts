import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../clients/typescript/src/error-codes.js';
import { ErrorCode } from '../kit/errors.js';

/** The error-code catalogue (docs/errors.md, the client package) against what the server uses. */
const root = new URL('..', import.meta.url).pathname;
const catalogue = new Set(Object.keys(ERROR_CODES));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'generated') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(path) ? [path] : [];
  });
}

/** Every error code a server file names: `code: 'X'`, ErrorCode.X, jsonError(..., 'X'), refuse('X'). */
function codesUsedIn(text: string): string[] {
  const patterns = [
    /\bcode: '([A-Z][A-Z_]+)'/g,
    /\bErrorCode\.([A-Z][A-Z_]+)/g,
    /\bjsonError\(\d+, [^;]*?'([A-Z][A-Z_]+)'\)/g,
    /\brefuse\('([A-Z][A-Z_]+)'\)/g,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]!));
}

describe('the error-code catalogue', () => {
  it('has every code the gateway, the kit and the subgraphs use', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const dir of ['gateway', 'kit', 'subgraphs', 'stack']) {
      for (const file of sources(join(root, dir))) {
        for (const code of codesUsedIn(readFileSync(file, 'utf8'))) {
          seen++;
          if (!catalogue.has(code)) missing.push(`${relative(root, file)}: ${code}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('has every code of the kit', () => {
    for (const code of Object.values(ErrorCode)) expect(catalogue.has(code), code).toBe(true);
  });

  it('is the same list in docs/errors.md as in the client package', () => {
    const page = readFileSync(join(root, 'docs/errors.md'), 'utf8');
    const documented = [...page.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...catalogue].sort());
  });

  it('is the ErrorCode enum of the API schema, every value described, for the explorer', () => {
    const schema = buildSchema(readFileSync(join(root, 'schema/api.graphql'), 'utf8'));
    const enumType = schema.getType('ErrorCode');
    if (!isEnumType(enumType)) throw new Error('the API schema has no ErrorCode enum');
    expect(
      enumType
        .getValues()
        .map((value) => value.name)
        .sort(),
    ).toEqual([...catalogue].sort());
    for (const value of enumType.getValues())
      expect(value.description?.length, value.name).toBeGreaterThan(10);
  });

  it('notices a code it lacks', () => {
    expect(codesUsedIn("throw appError('x', { extensions: { code: 'TEAPOT' } })")).toEqual(['TEAPOT']);
    expect(catalogue.has('TEAPOT')).toBe(false);
  });
});
