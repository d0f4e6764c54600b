import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * Structured logs that never carry personal data: credentials and personal fields are redacted,
 * and request URLs are logged without their query string (searches carry ID numbers and phones).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.idNumber',
        '*.phone',
        '*.password',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        url: req.url.split('?')[0],
        ip: req.ip,
      }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
