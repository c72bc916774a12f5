/**
 * postgres.js 3.4.9 can throw from a setImmediate callback when a connection closes while a small
 * write is queued (`TypeError: Cannot read properties of null (reading 'write')` in nextWrite;
 * porsager/postgres issues 1066, 1154, 1208, unfixed upstream). Thrown there, it escapes every
 * try/catch and ends the process, so a PostgreSQL restart would take every subgraph down with it.
 * By then the driver has already rejected the affected query with CONNECTION_CLOSED, so this one
 * error is safe to drop; any other uncaught exception still ends the process as before.
 */
let installed = false;

export function isPostgresJsNullSocketWrite(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /reading 'write'/.test(error.message) &&
    /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? '') &&
    /nextWrite/.test(error.stack ?? '')
  );
}

export function installPostgresJsCrashGuard(onDropped: (error: unknown) => void = () => {}): void {
  if (installed) return;
  installed = true;
  process.on('uncaughtException', (error, origin) => {
    if (isPostgresJsNullSocketWrite(error)) {
      onDropped(error);
      return;
    }
    // What Node does without a listener: report and exit.
    console.error(origin, error);
    process.exit(1);
  });
}
