// A person's saved queues (staff_saved_queues, migration 0021): a named search query of
// GET /v1/complaints, in the order they put them. Console-only state: every statement names the
// person, so nobody reads, renames or reorders another's.
import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';

export interface SavedQueue {
  id: string;
  name: string;
  query: string;
  position: number;
}

export const SAVED_QUEUE_NAME_MAX = 80;
export const SAVED_QUEUES_MAX = 50;
/** The longest query string a saved queue keeps (staff_saved_queues' check, migration 0021). */
export const SAVED_QUEUE_QUERY_MAX = 4000;

export type SaveRefusal = 'name_blank' | 'name_too_long' | 'name_taken' | 'too_many' | 'query_too_long';

export const savedQueuesOf = (sql: Sql, personId: string) =>
  sql<SavedQueue[]>`SELECT id, name, query, position FROM staff_saved_queues WHERE person_id = ${personId} ORDER BY position, created_at, id`;

export async function savedQueueOf(sql: Sql, personId: string, id: string): Promise<SavedQueue | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await sql<SavedQueue[]>`SELECT id, name, query, position FROM staff_saved_queues WHERE person_id = ${personId} AND id = ${id}`;
  return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function checkName(raw: string): { name: string } | { refusal: SaveRefusal } {
  const name = raw.trim();
  if (!name) return { refusal: 'name_blank' };
  if ([...name].length > SAVED_QUEUE_NAME_MAX) return { refusal: 'name_too_long' };
  return { name };
}

const uniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

/** Saves a query under a new name, last in the person's order. */
export async function saveQueue(sql: Sql, personId: string, rawName: string, query: string): Promise<{ queue: SavedQueue } | { refusal: SaveRefusal }> {
  const checked = checkName(rawName);
  if ('refusal' in checked) return checked;
  if (query.length > SAVED_QUEUE_QUERY_MAX) return { refusal: 'query_too_long' };
  const [count] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM staff_saved_queues WHERE person_id = ${personId}`;
  if ((count?.n ?? 0) >= SAVED_QUEUES_MAX) return { refusal: 'too_many' };
  try {
    const [queue] = await sql<SavedQueue[]>`
      INSERT INTO staff_saved_queues (id, person_id, name, query, position)
      VALUES (${randomUUID()}, ${personId}, ${checked.name}, ${query},
        (SELECT coalesce(max(position) + 1, 0) FROM staff_saved_queues WHERE person_id = ${personId}))
      RETURNING id, name, query, position`;
    return { queue: queue! };
  } catch (err) {
    if (uniqueViolation(err)) return { refusal: 'name_taken' };
    throw err;
  }
}

export async function renameQueue(sql: Sql, personId: string, id: string, rawName: string): Promise<{ queue: SavedQueue } | { refusal: SaveRefusal } | undefined> {
  if (!UUID.test(id)) return undefined;
  const checked = checkName(rawName);
  if ('refusal' in checked) return checked;
  try {
    const [queue] = await sql<SavedQueue[]>`
      UPDATE staff_saved_queues SET name = ${checked.name} WHERE person_id = ${personId} AND id = ${id} RETURNING id, name, query, position`;
    return queue ? { queue } : undefined;
  } catch (err) {
    if (uniqueViolation(err)) return { refusal: 'name_taken' };
    throw err;
  }
}

export async function deleteQueue(sql: Sql, personId: string, id: string): Promise<SavedQueue | undefined> {
  if (!UUID.test(id)) return undefined;
  const [queue] = await sql<SavedQueue[]>`DELETE FROM staff_saved_queues WHERE person_id = ${personId} AND id = ${id} RETURNING id, name, query, position`;
  return queue;
}

/** Swaps the queue with its neighbour above (`up`) or below; renumbers the person's queues 0…n-1 so ties never stick. */
export async function moveQueue(sql: Sql, personId: string, id: string, direction: 'up' | 'down'): Promise<boolean> {
  if (!UUID.test(id)) return false;
  return sql.begin(async (tx) => {
    const rows = await tx<{ id: string }[]>`
      SELECT id FROM staff_saved_queues WHERE person_id = ${personId} ORDER BY position, created_at, id FOR UPDATE`;
    const ids = rows.map((r) => r.id);
    const at = ids.indexOf(id);
    if (at < 0) return false;
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to >= 0 && to < ids.length) [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    for (const [position, queueId] of ids.entries()) {
      await tx`UPDATE staff_saved_queues SET position = ${position} WHERE id = ${queueId}`;
    }
    return true;
  });
}
