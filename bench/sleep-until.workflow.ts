// The raw limit of a deadline: a workflow that sleeps until an instant, then runs one activity (as
// a complaint's deadline runs its read-model write). Many of them due at one instant show how many
// timers per second the server and a worker turn into work, with nothing of Plaint's in the way.
import { proxyActivities, sleep } from '@temporalio/workflow';

const { woke } = proxyActivities<{ woke(id: string): Promise<void> }>({ startToCloseTimeout: '1 minute' });

export async function sleepUntilWorkflow(id: string, dueAt: number): Promise<void> {
  await sleep(Math.max(1, dueAt - Date.now()));
  await woke(id);
}
