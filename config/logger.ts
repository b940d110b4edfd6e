import { pino, type Logger } from 'pino';

/** Fields that may carry personal data: never written to logs, wherever they appear. */
const PERSONAL_FIELDS = ['name', 'email', 'phone', 'description', 'subject', 'pin', 'customer', 'authorization'];

/** One JSON logger per process; children add `requestId`, `complaintId`, … */
export function createLogger(opts: { level: string; service: string }): Logger {
  return pino({
    level: opts.level,
    base: { service: opts.service },
    redact: {
      paths: PERSONAL_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
      censor: '[redacted]',
    },
  });
}
