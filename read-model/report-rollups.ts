// Placeholder owned by the KPI work (issue 11): rebuilds whatever report rollups exist from the
// fact tables, for the seeder and the migration backfill. Replaced or removed before #11 closes.
import type { Sql } from 'postgres';

export async function rebuildReportRollups(_sql: Sql): Promise<void> {}
