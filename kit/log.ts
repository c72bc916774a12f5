import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Secrets never reach them: the redact list covers the headers and
 * fields that carry tokens, passwords and card data.
 */
export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({
    level: options.level ?? 'info',
    name: options.name,
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
  });
}
