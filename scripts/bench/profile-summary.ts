import { readdirSync, readFileSync, statSync } from 'node:fs';
import { ROOT } from './processes.js';

/**
 * `tsx scripts/bench/profile-summary.ts [file.cpuprofile]`: where a V8 CPU profile spent its
 * time — self time by function and by package — for BENCHMARKS.md. Without a file, the newest
 * profile in .bench/profiles/ (written by `npm run bench -- --profile`).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export function summarise(path: string, top = 25): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    // The benchmark's gateway runs compiled into .bench/build/: name its files as the sources.
    const url = frame.url.replace(/^file:\/\//, '').replace(`${ROOT}.bench/build/`, ROOT);
    const pkg =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
      (url.startsWith('node:')
        ? 'node internals'
        : url
          ? url.replace(ROOT, '').split('/')[0]
          : frame.functionName);
    const name = `${frame.functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '').replace(ROOT, '')}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    packages.set(pkg ?? '?', (packages.get(pkg ?? '?') ?? 0) + us);
  }
  const lines = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`);
  return [
    `profile ${path.replace(ROOT, '')}: ${(total / 1e6).toFixed(1)} s sampled`,
    'self time by package:',
    ...lines(packages, 15),
    'self time by function:',
    ...lines(functions, top),
  ].join('\n');
}

export function newestProfile(): string | null {
  const dir = `${ROOT}.bench/profiles`;
  try {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => `${dir}/${f}`)
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    return files[0] ?? null;
  } catch {
    return null;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2] ?? newestProfile();
  if (!path) {
    console.error('no profile: run `npm run bench -- --profile` first');
    process.exit(1);
  }
  console.log(summarise(path));
}
