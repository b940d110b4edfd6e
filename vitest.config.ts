import { defineConfig } from 'vitest/config';

// Two projects: fast pure unit tests run in parallel; integration tests share one Temporal dev
// server and one PostgreSQL (started in globalSetup) and run one file at a time on 2 cores.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/{domain,config,security,db,texts,simulation}/**/*.test.ts'],
          // Property tests check thousands of cases; beside the integration files on 2 cores they take seconds.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/{activities,workflows,api,worker,scripts,jobs,read-model,temporal,delivery,dev-inbox,browser,console,inbound}/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          fileParallelism: false,
          // One process for every file, modules imported once: a fresh process per file cost about 3 s
          // of start-up and imports each, a third of the run. Files share servers anyway; what a
          // process holds once (the Temporal runtime's logger) is switchable (test/helpers/runtime-logger.ts).
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
    ],
  },
});
