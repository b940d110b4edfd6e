// Where scripts/install-temporal.sh puts the Temporal binaries.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TEMPORAL_CLI = `${PROJECT_ROOT}.tools/bin/temporal`;
export const TEMPORAL_TEST_SERVER = `${PROJECT_ROOT}.tools/bin/temporal-test-server`;

export function assertToolsInstalled(): void {
  for (const bin of [TEMPORAL_CLI, TEMPORAL_TEST_SERVER]) {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run scripts/install-temporal.sh (npm start and npm test do)`);
  }
}
