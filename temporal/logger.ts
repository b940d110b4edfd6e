// Routes the Temporal SDK's own log lines (worker state, bundling, replay warnings) into the
// process's pino logger, so every line a Plaint process writes is JSON.
import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import type { Logger } from 'pino';

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

export function temporalLogger(log: Logger): TemporalLogger {
  const emit = (level: LogLevel, message: string, meta?: LogMetadata) => log[LEVELS[level]]({ ...meta, sdk: true }, message);
  return {
    log: emit,
    trace: (m, meta) => emit('TRACE', m, meta),
    debug: (m, meta) => emit('DEBUG', m, meta),
    info: (m, meta) => emit('INFO', m, meta),
    warn: (m, meta) => emit('WARN', m, meta),
    error: (m, meta) => emit('ERROR', m, meta),
  };
}

/**
 * Once per process, before any Temporal connection. `metricsAddress`: where the SDK serves its own
 * Prometheus metrics (workflow and activity task latencies, slots, cache, polls), at `/metrics`.
 */
export function installTemporalRuntime(log: Logger, metricsAddress?: string): void {
  Runtime.install({
    logger: temporalLogger(log.child({ component: 'temporal-sdk' })),
    ...(metricsAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress, countersTotalSuffix: true, useSecondsForDurations: true } } } } : {}),
  });
}
