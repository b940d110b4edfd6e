// The raw limit of a decision: a workflow whose update handler does nothing. An update round trip
// to it (client → server → worker → server → client) is what no decision can be faster than.
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const noopUpdate = defineUpdate<number, [number]>('noop');

export async function noopUpdateWorkflow(): Promise<void> {
  setHandler(noopUpdate, (n) => n);
  await condition(() => false);
}
