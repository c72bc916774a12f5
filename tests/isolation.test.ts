import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack, type TestUser } from '../testkit/stack.js';
import { signUpTrainer, type TestTrainer } from '../testkit/trainer.js';

/**
 * The rules that keep subgraphs independent, checked on the source: imports
 * (docs/architecture.md#what-may-import-what) and SQL (docs/architecture.md#one-schema-per-subgraph).
 */
const root = resolve(import.meta.dirname, '..');

/** The web apps' sources: TypeScript with and without JSX. */
function appSourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...appSourceFiles(path));
    else if (/\.tsx?$/.test(path)) out.push(path);
  }
  return out;
}

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

/**
 * The import cycles among a set of files (relative imports between them, type-only ones
 * included): each as the files around the loop, found by a depth-first search.
 */
function importCycles(files: string[]): string[] {
  const inSet = new Set(files.map((f) => relative(root, f).split(sep).join('/')));
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const from = relative(root, file).split(sep).join('/');
    edges.set(
      from,
      importsOf(file)
        .map((target) => target.replace(/\.js$/, '.ts'))
        .filter((target) => inSet.has(target)),
    );
  }
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return cycles;
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

  for (const name of subgraphNames) {
    it(`${name}: only main.ts imports server.ts (resolvers and domain files take deps.ts)`, () => {
      const server = `subgraphs/${name}/server.js`;
      const offenders = sourceFiles(join(root, 'subgraphs', name))
        .filter((file) => !file.endsWith('.test.ts') && !file.endsWith(`${sep}main.ts`))
        .filter((file) => importsOf(file).includes(server))
        .map((file) => relative(root, file));
      expect(offenders).toEqual([]);
      expect(statSync(join(root, 'subgraphs', name, 'deps.ts')).isFile()).toBe(true);
    });

    it(`${name} has no import cycle`, () => {
      const files = sourceFiles(join(root, 'subgraphs', name)).filter((file) => !file.endsWith('.test.ts'));
      expect(importCycles(files)).toEqual([]);
    });
  }

  it('kit/authz.ts and kit/relationships.ts name no domain: the subgraphs bring theirs', () => {
    const domainWords = /coach|trainer|client|training|health|billing|subscri|habit|workout|enrol|course/i;
    for (const file of ['kit/authz.ts', 'kit/relationships.ts']) {
      const lines = readFileSync(join(root, file), 'utf8').split('\n');
      const offenders = lines
        .filter((line) => domainWords.test(line))
        .map((line) => `${file}: ${line.trim()}`);
      expect(offenders).toEqual([]);
    }
  });

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

  it('the web app (apps/) imports only the client package and its own libraries, never server code', () => {
    const offenders: string[] = [];
    const apps = readdirSync(join(root, 'apps')).filter((n) => statSync(join(root, 'apps', n)).isDirectory());
    for (const app of apps) {
      const dir = join(root, 'apps', app);
      const declared = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      const allowed = new Set([
        ...Object.keys(declared.dependencies ?? {}),
        ...Object.keys(declared.devDependencies ?? {}),
      ]);
      const files = appSourceFiles(join(dir, 'src'));
      expect(files.length, app).toBeGreaterThan(3);
      for (const file of [...files, join(dir, 'vite.config.ts')].filter((f) => existsSync(f))) {
        for (const target of importsOf(file))
          if (!target.startsWith(`apps/${app}/`)) offenders.push(`${relative(root, file)} -> ${target}`);
        const text = readFileSync(file, 'utf8');
        for (const [, bare] of text.matchAll(/(?:from\s+|import\s*\(?\s*)['"]([^'"./][^'"]*)['"]/g)) {
          const name = bare!.startsWith('@') ? bare!.split('/').slice(0, 2).join('/') : bare!.split('/')[0]!;
          if (!allowed.has(name) && !name.startsWith('node:'))
            offenders.push(`${relative(root, file)} -> ${bare}`);
        }
      }
      // The server's code never reaches the browser through the client package either.
      expect(allowed.has('@fitness/client'), app).toBe(true);
    }
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

  it('only kit/env.ts reads process.env in kit/, gateway/, stack/ and the subgraphs', () => {
    const offenders: string[] = [];
    for (const dir of ['kit', 'gateway', 'stack', 'subgraphs']) {
      for (const file of sourceFiles(join(root, dir))) {
        if (file.endsWith('.test.ts') || relative(root, file) === join('kit', 'env.ts')) continue;
        if (/process\.env\b/.test(readFileSync(file, 'utf8'))) offenders.push(relative(root, file));
      }
    }
    expect(offenders).toEqual([]);
  });
});

/**
 * Rooms for runtime, tooling and test code (docs/architecture.md#repository-layout): what runs
 * the stack is in stack/, tools in scripts/, test helpers and fakes in testkit/.
 */
describe('rooms', () => {
  const importsUnder = (dir: string) =>
    sourceFiles(join(root, dir)).flatMap((file) =>
      importsOf(file).map((target) => ({ file: relative(root, file), target })),
    );

  it('testkit imports the runtime from stack/, never from scripts/', () => {
    const offenders = importsUnder('testkit').filter(({ target }) => target.startsWith('scripts/'));
    expect(offenders).toEqual([]);
  });

  it('the runtime (stack/) imports no tooling from scripts/', () => {
    const offenders = importsUnder('stack').filter(({ target }) => target.startsWith('scripts/'));
    expect(offenders).toEqual([]);
  });

  it('scripts reach a subgraph only through its public factory or entry, never its internals', () => {
    const offenders = importsUnder('scripts').filter(
      ({ target }) =>
        target.startsWith('subgraphs/') && !/^subgraphs\/[a-z]+\/(server|main)\.(js|ts)$/.test(target),
    );
    expect(offenders).toEqual([]);
  });

  it('test fakes live in testkit/: none in a subgraph, and tests import none from one', () => {
    const fakesInSubgraphs = sourceFiles(join(root, 'subgraphs'))
      .map((file) => relative(root, file))
      .filter((file) => /(^|\/)(test-)?fakes?[-.]/.test(file.split('/').pop()!));
    expect(fakesInSubgraphs).toEqual([]);
    const offenders = importsUnder('tests').filter(({ target }) => /^subgraphs\/.*fake/.test(target));
    expect(offenders).toEqual([]);
  });

  for (const name of subgraphNames) {
    it(`${name} has one process entry, main.ts, and reads no environment of its own`, () => {
      const files = sourceFiles(join(root, 'subgraphs', name)).map((file) => relative(root, file));
      expect(files.filter((file) => /-main\.ts$/.test(file))).toEqual([]);
      const entries = files.filter(
        (file) => !file.endsWith('.test.ts') && /^await /m.test(readFileSync(join(root, file), 'utf8')),
      );
      expect(entries).toEqual([`subgraphs/${name}/main.ts`]);
      const parsing = files.filter(
        (file) => !file.endsWith('.test.ts') && /\bloadEnv\(/.test(readFileSync(join(root, file), 'utf8')),
      );
      expect(parsing).toEqual([]);
    });

    it(`${name} keeps its periodic workers in workers/, named ${name}.<worker>`, () => {
      const offenders: string[] = [];
      for (const file of sourceFiles(join(root, 'subgraphs', name))) {
        if (file.endsWith('.test.ts')) continue;
        const path = relative(root, file);
        const text = readFileSync(file, 'utf8');
        const inWorkers = path.startsWith(`subgraphs/${name}/workers/`);
        if (/\b(new|extends) PeriodicTask\b/.test(text) && !inWorkers)
          offenders.push(`${path}: a worker outside workers/`);
        if (!inWorkers) continue;
        for (const [, workerName] of text.matchAll(/\bname: '([^']+)'/g)) {
          if (!new RegExp(`^${name}\\.[a-z][a-z-]*$`).test(workerName!))
            offenders.push(`${path}: named ${workerName}`);
        }
      }
      expect(offenders).toEqual([]);
    });
  }

  it('checks ids with the one UUID helper (kit/ids.ts): no UUID pattern outside kit/', () => {
    const loosePattern = /\{8\}-\[|\[0-9a-f-\]\{36\}/i;
    const offenders: string[] = [];
    for (const dir of ['gateway', 'subgraphs', 'stack', 'scripts', 'testkit', 'tests', 'schema']) {
      for (const file of sourceFiles(join(root, dir))) {
        if (file.includes(`${sep}generated${sep}`) || file === import.meta.filename) continue;
        if (loosePattern.test(readFileSync(file, 'utf8'))) offenders.push(relative(root, file));
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
    const cyclic = ['subgraphs/health/server.ts', 'subgraphs/health/resolvers/User.ts'];
    expect(importCycles(cyclic.map((f) => join(root, f)))).toEqual([]);
    expect(importsOf(join(root, 'subgraphs', 'health', 'server.ts'))).toContain('subgraphs/health/deps.js');
  });
});

/**
 * Denied fields (docs/architecture.md#denied-fields): a field the viewer may not read is null, and
 * the response carries one error for it at its path, UNAUTHENTICATED without a viewer and FORBIDDEN
 * with one; the rest of the answer arrives. Checked through the gateway on one user, a public
 * trainer profile, whose private fields five subgraphs contribute.
 */
describe('denied fields follow one rule in every subgraph', () => {
  let stack: TestStack;
  let trainer: TestTrainer;
  let stranger: TestUser;
  /** Each denied field with the subgraph that answers it. */
  const DENIED = {
    email: 'identity',
    habits: 'training',
    coaches: 'training',
    entitlements: 'billing',
    healthIntegrations: 'health',
    enrollments: 'content',
  } as const;
  const QUERY = `query($id: ID!) {
    trainer(id: $id) {
      id
      user { id username email habits { nodes { id } } coaches { nodes { id } } entitlements healthIntegrations { id } enrollments { nodes { enrolledAt } } }
    }
  }`;

  beforeAll(async () => {
    stack = await startTestStack();
    trainer = await signUpTrainer(stack);
    stranger = await stack.signUp();
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  async function deniedAs(token: string | null, code: string) {
    const result = await stack.gql(QUERY, { id: trainer.trainerId }, { token });
    expect(result.status).toBe(200);
    // The rest of the answer arrives.
    expect(result.data.trainer.id).toBe(trainer.trainerId);
    expect(result.data.trainer.user).toMatchObject({ id: trainer.id, username: trainer.username });
    for (const field of Object.keys(DENIED)) {
      expect(result.data.trainer.user[field], field).toBeNull();
      const errors = (result.errors ?? []).filter((e: any) => e.path?.join('.') === `trainer.user.${field}`);
      expect(
        errors.map((e: any) => e.extensions?.code),
        `${field} (${DENIED[field as keyof typeof DENIED]})`,
      ).toEqual([code]);
    }
    // One error per denied field, and nothing else.
    expect(result.errors).toHaveLength(Object.keys(DENIED).length);
  }

  it('another user gets each one as null with one FORBIDDEN error at its path', async () => {
    await deniedAs(stranger.token, 'FORBIDDEN');
  });

  it('a request without a viewer gets each one as null with one UNAUTHENTICATED error at its path', async () => {
    await deniedAs(null, 'UNAUTHENTICATED');
  });

  it('the user themself reads them all, without an error', async () => {
    const result = await stack.gql(QUERY, { id: trainer.trainerId }, { token: trainer.token });
    expect(result.errors).toBeUndefined();
    expect(result.data.trainer.user.email).toBe(trainer.email);
    expect(result.data.trainer.user.entitlements).toEqual([]);
  });
});
