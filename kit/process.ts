import type { Logger } from './log.js';

/**
 * Stops the given parts on SIGTERM/SIGINT (in order), then exits. A second signal, or a stop
 * that hangs past the deadline, exits at once.
 */
export function onShutdown(log: Logger, stops: (() => Promise<void>)[], deadlineMs = 15_000): void {
  let stopping = false;
  const handler = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, deadlineMs).unref();
    for (const stop of stops) {
      try {
        await stop();
      } catch (error) {
        log.error({ err: error }, 'error during shutdown');
      }
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void handler('SIGTERM'));
  process.once('SIGINT', () => void handler('SIGINT'));
}
