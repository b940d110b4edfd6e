// The Temporal runtime is installed once per process, with one logger. Test files may share a
// process (the integration project runs them without isolation), so the installed logger forwards
// to a sink each file may choose when it makes its first context.
import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';
import { DefaultLogger, Runtime } from '@temporalio/worker';

const QUIET: Logger = new DefaultLogger('WARN');

class SwitchableLogger implements Logger {
  target: Logger = QUIET;
  log(level: LogLevel, message: string, meta?: LogMetadata) {
    this.target.log(level, message, meta);
  }
  trace(message: string, meta?: LogMetadata) {
    this.target.trace(message, meta);
  }
  debug(message: string, meta?: LogMetadata) {
    this.target.debug(message, meta);
  }
  info(message: string, meta?: LogMetadata) {
    this.target.info(message, meta);
  }
  warn(message: string, meta?: LogMetadata) {
    this.target.warn(message, meta);
  }
  error(message: string, meta?: LogMetadata) {
    this.target.error(message, meta);
  }
}

let installed: SwitchableLogger | undefined;

/** Installs the runtime on first use; points its logs at `logger` (default: warnings to stderr). */
export function useRuntimeLogger(logger: Logger | undefined): void {
  if (!installed) {
    installed = new SwitchableLogger();
    Runtime.install({ logger: installed });
  }
  installed.target = logger ?? QUIET;
}
