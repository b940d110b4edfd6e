import { pino, type DestinationStream, type Logger } from 'pino';

/** Fields that may carry personal data: never written to logs, wherever they appear. */
const PERSONAL_FIELDS = ['name', 'email', 'phone', 'postalAddress', 'description', 'subject', 'pin', 'customer', 'authorization'];

/** One JSON logger per process; children add `requestId`, `complaintId`, … (`destination`: stdout unless given). */
export function createLogger(opts: { level: string; service: string; destination?: DestinationStream }): Logger {
  const options = {
    level: opts.level,
    base: { service: opts.service },
    redact: {
      paths: PERSONAL_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
      censor: '[redacted]',
    },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}
