import { loadEnv, portOf } from './env.js';
import { onShutdown } from './process.js';
import { createRuntime, type Runtime } from './runtime.js';
import { type BackgroundTask, type Subgraph, type SubgraphDeps, serveSubgraph } from './subgraph.js';

/**
 * A sub-command of a subgraph's process besides `serve`, for cron jobs and operators: it either
 * finishes with a report (logged as JSON), or hands back a task that runs until SIGTERM.
 */
export type SubgraphCommand = (
  runtime: Runtime,
  args: string[],
) => Promise<{ report: unknown } | { running: BackgroundTask }>;

/**
 * The one process entry of a subgraph (`subgraphs/<name>/main.ts`): `serve` (the default) listens
 * on the subgraph's port; any other first argument names one of `commands`. Env, runtime and a
 * graceful stop are the same for all.
 */
export async function runSubgraphProcess(
  name: string,
  create: (deps: SubgraphDeps) => Subgraph,
  commands: Record<string, SubgraphCommand> = {},
): Promise<void> {
  const [command = 'serve', ...args] = process.argv.slice(2);
  const run = commands[command];
  if (command !== 'serve' && !run) {
    console.error(`usage: subgraphs/${name}/main.ts <${['serve', ...Object.keys(commands)].join('|')}>`);
    process.exit(2);
  }
  const env = loadEnv();
  const runtime = await createRuntime(env);
  if (!run) {
    const served = await serveSubgraph(create(runtime), portOf(env, name), env.HOST);
    runtime.log.info({ subgraph: name, url: served.url }, 'subgraph listening');
    onShutdown(runtime.log, [() => served.stop(), () => runtime.close()]);
    return;
  }
  let outcome: Awaited<ReturnType<SubgraphCommand>>;
  try {
    outcome = await run(runtime, args);
  } catch (error) {
    await runtime.close();
    throw error;
  }
  if ('report' in outcome) {
    runtime.log.info({ subgraph: name, command, report: outcome.report }, `${name} ${command} done`);
    await runtime.close();
    return;
  }
  const task = outcome.running;
  // Task timers do not hold the process open (kit/periodic.ts); this does, until SIGTERM.
  const keepAlive = setInterval(() => {}, 60_000);
  await task.start();
  runtime.log.info({ subgraph: name, command }, `${name} ${command} running`);
  onShutdown(runtime.log, [
    async () => {
      clearInterval(keepAlive);
      await task.stop();
    },
    () => runtime.close(),
  ]);
}
