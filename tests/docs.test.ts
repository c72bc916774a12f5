import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The design lives in the repository (docs/architecture.md): no file outside docs/ points at a
 * design document a clone does not have, and the links between the documents, and the
 * pointers to headings of docs/architecture.md in source comments, lead somewhere that exists.
 */
const root = resolve(import.meta.dirname, '..');

/** Spelled in two parts so this file does not mention what it forbids. */
const EXTERNAL_DESIGN = ['DESIGN', 'md'].join('.');
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.data', '.bench', 'dist', 'docs']);
const ARCHITECTURE = 'docs/architecture.md';

function repositoryFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry)) out.push(...repositoryFiles(path));
    } else if (stat.isFile() && stat.size < 5_000_000) {
      out.push(path);
    }
  }
  return out;
}

const toRepoPath = (path: string) => relative(root, path).split(sep).join('/');

/** The anchors GitHub gives a Markdown file's headings (lower case, punctuation dropped, spaces to hyphens). */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutFences(markdown).split('\n')) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1]!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Drops fenced code blocks, whose lines are code, not headings. */
function withoutFences(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
}

/** Drops fenced code blocks and inline code, where brackets are code, not links. */
function withoutCode(markdown: string): string {
  return withoutFences(markdown).replace(/`[^`\n]*`/g, '');
}

/** Relative link targets of a Markdown file: `[text](target)`, without web and mail links. */
function relativeLinks(markdown: string): string[] {
  return [...withoutCode(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

const anchorsOf = new Map<string, Set<string>>();
function anchorsIn(repoPath: string): Set<string> {
  let anchors = anchorsOf.get(repoPath);
  if (!anchors) {
    anchors = headingAnchors(readFileSync(join(root, repoPath), 'utf8'));
    anchorsOf.set(repoPath, anchors);
  }
  return anchors;
}

/** What is wrong with one link from `fromFile` (repository path), or null when it resolves. */
function brokenLink(fromFile: string, target: string): string | null {
  const [pathPart = '', anchor] = target.split('#', 2) as [string, string | undefined];
  const resolved =
    pathPart === '' ? fromFile : toRepoPath(resolve(root, dirname(fromFile), decodeURI(pathPart)));
  if (resolved.startsWith('..')) return `${fromFile}: ${target} leaves the repository`;
  if (!existsSync(join(root, resolved))) return `${fromFile}: ${target} (no file ${resolved})`;
  if (anchor && resolved.endsWith('.md') && !anchorsIn(resolved).has(decodeURIComponent(anchor))) {
    return `${fromFile}: ${target} (no heading #${anchor} in ${resolved})`;
  }
  return null;
}

function linkedDocuments(): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`);
  return ['README.md', 'SECURITY.md', ...docs];
}

describe('documentation', () => {
  it('the architecture document is in the repository', () => {
    expect(existsSync(join(root, ARCHITECTURE))).toBe(true);
  });

  it(`no file outside docs/ mentions ${EXTERNAL_DESIGN}`, () => {
    const offenders: string[] = [];
    for (const file of repositoryFiles(root)) {
      const text = readFileSync(file, 'utf8');
      text.split('\n').forEach((line, i) => {
        if (line.includes(EXTERNAL_DESIGN)) offenders.push(`${toRepoPath(file)}:${i + 1}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('relative links in README.md, SECURITY.md and docs/ point at files and headings that exist', () => {
    const broken: string[] = [];
    for (const document of linkedDocuments()) {
      const markdown = readFileSync(join(root, document), 'utf8');
      for (const target of relativeLinks(markdown)) {
        const problem = brokenLink(document, target);
        if (problem) broken.push(problem);
      }
    }
    expect(broken).toEqual([]);
  });

  it(`${ARCHITECTURE}#anchor pointers anywhere in the repository name headings that exist`, () => {
    const anchors = anchorsIn(ARCHITECTURE);
    const broken: string[] = [];
    let pointers = 0;
    for (const file of repositoryFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/docs\/architecture\.md#([\p{L}\p{N}_-]+)/gu)) {
        pointers++;
        if (!anchors.has(match[1]!)) broken.push(`${toRepoPath(file)}: #${match[1]}`);
      }
    }
    expect(broken).toEqual([]);
    // Source comments point into the document; a scanner that found none would prove nothing.
    expect(pointers).toBeGreaterThan(0);
  });

  it('the checks see what they look for', () => {
    expect([...headingAnchors('# A `kit/` room\n## How to add: a field\n## Errors\n## Errors')]).toEqual([
      'a-kit-room',
      'how-to-add-a-field',
      'errors',
      'errors-1',
    ]);
    expect(relativeLinks('[a](x.md#b) [w](https://e.org) `[c](no.md)` [d](#e)')).toEqual(['x.md#b', '#e']);
    expect(brokenLink('README.md', 'SECURITY.md')).toBeNull();
    expect(brokenLink('README.md', 'NOPE.md')).not.toBeNull();
    expect(brokenLink('README.md', `${ARCHITECTURE}#errors`)).toBeNull();
    expect(brokenLink('README.md', `${ARCHITECTURE}#no-such-heading`)).not.toBeNull();
  });
});
