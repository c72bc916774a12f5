import { errorForLog } from './error-log.js';
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Secrets never reach them: the redact list covers the headers and
 * fields that carry tokens, passwords and card data, and an error (`err`) is logged through
 * errorForLog, which keeps no SQL parameters, failing rows or quoted values (error-log.ts).
 */
export function createLogger(
  options: { level?: string; name?: string; destination?: DestinationStream } = {},
): Logger {
  const settings: LoggerOptions = {
    level: options.level ?? 'info',
    name: options.name,
    serializers: { err: errorForLog },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'headers.cookie',
        '*.password',
        '*.token',
        '*.accessToken',
        '*.refreshToken',
        'variables.*.password',
        'variables.password',
        'variables.token',
      ],
      censor: '[redacted]',
    },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
