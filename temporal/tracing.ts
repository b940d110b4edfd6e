// Traces from the API through the workflow to its activities (OpenTelemetry), exported by
// OTLP/HTTP to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT; off when it is unset (no provider, no
// interceptors, nothing in the bundle). The API opens a span per request; the client interceptor
// carries its context in the workflow's headers; the worker's workflow and activity interceptors
// continue it, workflow spans leaving the sandbox through a sink.
import { context, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { WorkerOptions } from '@temporalio/worker';
import type { MiddlewareHandler } from 'hono';

export interface Tracing {
  tracer: Tracer;
  /** For the Temporal client: starts, updates, queries and signals carry the caller's span. */
  clientInterceptors: { workflow: OpenTelemetryWorkflowClientInterceptor[] };
  /** For a worker: its workflow and activity interceptors and the workflow span sink. */
  workerOptions: Pick<WorkerOptions, 'interceptors' | 'sinks'>;
  /** Sends what is buffered (at shutdown). */
  shutdown(): Promise<void>;
}

export const WORKFLOW_TRACING_MODULE = new URL('../workflows/tracing-interceptors.ts', import.meta.url).pathname;

/** Tracing for `service`, or undefined when no endpoint is configured (the default). */
export function startTracing(opts: { endpoint: string | undefined; service: string }): Tracing | undefined {
  if (!opts.endpoint) return undefined;
  const resource = new Resource({ 'service.name': opts.service });
  const exporter = new OTLPTraceExporter({ url: opts.endpoint });
  const processor = new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1_000 });
  const provider = new BasicTracerProvider({ resource, spanProcessors: [processor] });
  provider.register({ contextManager: new AsyncLocalStorageContextManager().enable() });
  const tracer = trace.getTracer('plaint');
  return {
    tracer,
    clientInterceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor({ tracer })] },
    workerOptions: {
      interceptors: {
        workflowModules: [WORKFLOW_TRACING_MODULE],
        activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx, { tracer }) })],
      },
      sinks: { exporter: makeWorkflowExporter(processor, resource) },
    },
    shutdown: () => provider.shutdown(),
  };
}

/** A span per request, named by its route once matched, as the parent of what the request starts. */
export function requestSpans(tracer: Tracer): MiddlewareHandler {
  return (c, next) =>
    tracer.startActiveSpan(`HTTP ${c.req.method}`, async (span) => {
      try {
        await context.with(trace.setSpan(context.active(), span), next);
      } finally {
        span.updateName(`${c.req.method} ${c.req.routePath || 'unmatched'}`);
        span.setAttribute('http.response.status_code', c.res.status);
        span.end();
      }
    });
}
