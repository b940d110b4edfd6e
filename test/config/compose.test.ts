// docker-compose.yml is the production shape: only the API is published, the Temporal UI is
// read-only and unpublished, and no secret has a published default.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const compose = readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8');
const uiOverride = readFileSync(new URL('../../docker-compose.ui.yml', import.meta.url), 'utf8');

/** The lines of one service block of the compose file (two-space indented under `services:`). */
function service(name: string): string {
  const lines = compose.split('\n');
  const start = lines.indexOf(`  ${name}:`);
  expect(start, `service ${name}`).toBeGreaterThan(-1);
  const end = lines.findIndex((l, i) => i > start && /^ {2}\S|^\S/.test(l));
  return lines.slice(start, end === -1 ? undefined : end).join('\n');
}

describe('docker-compose.yml', () => {
  it('publishes only the API port; the Temporal UI stays on the compose network', () => {
    const published = [...compose.matchAll(/^\s+ports:\n((?:\s+- .*\n)+)/gm)].map((m) => m[1]!.trim());
    expect(published).toEqual(['- "3000:3000"']);
    expect(service('temporal-ui')).not.toContain('ports:');
  });

  it('runs the Temporal UI with write actions disabled', () => {
    expect(service('temporal-ui')).toMatch(/TEMPORAL_DISABLE_WRITE_ACTIONS: "true"/);
  });

  it('has no default database password: POSTGRES_PASSWORD must be set', () => {
    expect(compose).not.toMatch(/POSTGRES_PASSWORD:-/);
    expect(compose).toMatch(/POSTGRES_PASSWORD:\?/);
  });

  it('runs two API replicas behind the balancer and two workers, each kind restartable one at a time', () => {
    expect(service('plaint-api')).toMatch(/replicas: 2/);
    expect(service('plaint-api')).not.toContain('ports:');
    expect(service('plaint-worker')).toMatch(/replicas: 2/);
    expect(service('balancer')).toContain('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro');
    const nginx = readFileSync(new URL('../../deploy/nginx.conf', import.meta.url), 'utf8');
    expect(nginx).toMatch(/server plaint-api:3000 resolve/);
    // Only a request that never reached a replica is tried on another: a sent POST is not repeated.
    expect(nginx).toMatch(/proxy_next_upstream error timeout http_502;/);
    expect(nginx).not.toMatch(/non_idempotent/);
    expect(service('plaint-jobs')).toMatch(/jobs-data:\/data/);
  });

  it('offers an override that publishes the UI on the loopback interface only, for an SSH tunnel', () => {
    expect(uiOverride).toMatch(/- "127\.0\.0\.1:8080:8080"/);
    expect(uiOverride).not.toMatch(/- "(0\.0\.0\.0:)?8080:8080"/);
  });
});
