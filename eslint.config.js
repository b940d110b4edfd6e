// The few lint rules that catch what tsc cannot (see docs: house style, "Size and formatting").
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const DOMAIN_LAYER_RULE = {
  group: ['**/api/**', '**/activities/**', '**/workflows/**', '**/read-model/**', '**/temporal/**', '**/texts/**', '**/db/**', '**/config/**', 'postgres', '@temporalio/*'],
  message: 'domain/ is pure: it imports only itself (and zod).',
};

export default tseslint.config(
  { ignores: ['node_modules/**', '.data/**', '.tools/**', 'dist/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // An un-awaited promise in a workflow or handler is a lost error or a race.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      // Only config/env.ts reads the environment; everything else receives a typed Config.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read config/env.ts instead.' }],
    },
  },
  {
    files: ['config/env.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Pure shared logic: domain/ imports nothing with I/O, and nothing that sits above it.
    files: ['domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [DOMAIN_LAYER_RULE] }] },
  },
  {
    // A simulation runs the workflow's code in-process and touches no real complaint: no Temporal,
    // no database, no HTTP (the API calls it; it never calls the API).
    files: ['simulation/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@temporalio/*', 'postgres', '**/api/**', '**/temporal/**', '**/db/**', '**/temporal-ports.js'], message: 'simulation/ is in-process: no Temporal, no I/O.' },
          ],
        },
      ],
    },
  },
  {
    // A response parsed with schema.parse would throw a ZodError, which the API answers as the
    // caller's bad input (400); a body off its own schema is our bug (500, logged).
    files: ['api/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='json'] > CallExpression.arguments[callee.property.name='parse']",
          message: 'Parse a response with responseBody(schema, body) (api/http/response-body.ts): a body off its schema is a 500, not a 400.',
        },
      ],
    },
  },
  {
    // The customer's side never reaches into the staff routes (both may use api/http/).
    files: ['api/customer/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/staff/*'], message: 'api/customer/** never imports api/staff/**.' }] }] },
  },
  {
    // Workflow code is replayed: no Node built-ins, no I/O (imports of activities are type-only).
    // Everything the workflow bundle holds (checked by bundling: see README design notes).
    files: ['workflows/**/*.ts', 'domain/lifecycle/**/*.ts', 'domain/sla/escalation-steps.ts', 'domain/sla/clock-state.ts', 'domain/complaint.ts', 'domain/errors.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules.flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: 'Workflow code must not use Node built-ins.' })),
          patterns: [
            { group: ['**/activities/*', '!**/activities/index.js', '**/read-model/*', '!**/read-model/record-transition.js'], message: 'Import activity types only.' },
          ],
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The workflow-bundled part of domain/ keeps both rules (a later block replaces an earlier one's).
    files: ['domain/lifecycle/**/*.ts', 'domain/sla/escalation-steps.ts', 'domain/sla/clock-state.ts', 'domain/complaint.ts', 'domain/errors.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules.flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: 'Workflow code must not use Node built-ins.' })),
          patterns: [DOMAIN_LAYER_RULE],
        },
      ],
    },
  },
);
