import { allHandlersFinished, condition, continueAsNew, currentUpdateInfo, setHandler, workflowInfo } from '@temporalio/workflow';
import { allowedDecisions } from '../domain/lifecycle/index.js';
import { ComplaintRun, customerAnswerOrigin } from './complaint-run.js';
import { temporalRunPorts } from './temporal-ports.js';
import {
  allowedDecisionsQuery,
  customerAnswerUpdate,
  customerMessageUpdate,
  decideUpdate,
  erasePersonalDataUpdate,
  migrateProcessUpdate,
  migrationViewQuery,
  statusQuery,
  type ComplaintSnapshot,
  type ComplaintWorkflowInput,
} from './complaint.messages.js';

/** History length after which a run hands its state to a fresh one (Temporal suggests ~10k events at most). */
const HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW = 5_000;

/** One complaint, from receipt to closure, as a durable process interpreting its process definition. */
export async function complaintWorkflow(input: ComplaintWorkflowInput): Promise<ComplaintSnapshot> {
  // State first, before any handler can run.
  const run = new ComplaintRun(input, temporalRunPorts);

  setHandler(statusQuery, () => run.recordedStatus());
  // Who may take what is the definition's to say (`decisionRoles`), as in the reducer.
  setHandler(allowedDecisionsQuery, (role) => allowedDecisions(run.state, role, run.definition));
  setHandler(migrationViewQuery, () => run.migrationView());
  // A retried update (same id) that an earlier run applied skips validation and answers the status.
  const isRepeat = () => run.hasApplied(currentUpdateInfo()?.id);
  setHandler(
    decideUpdate,
    ({ actor, decision, expectedSeq, answerBeforeRecorded }) => {
      const updateId = currentUpdateInfo()?.id;
      return run.exclusive(() => {
        // Histories recorded before `expectedSeq` existed carry none: this checks nothing on their replay.
        if (!run.hasApplied(updateId)) run.checkExpectedSeq(expectedSeq);
        const event = { kind: 'decision' as const, at: new Date().toISOString(), actor, decision };
        const origin = { actorId: actor.id, actorRole: actor.role, data: { ...decision } };
        // Asked for in the update's input, behind a patch (an older worker may have taken it the old way).
        return answerBeforeRecorded ? run.applyUpdateBeforeRecorded(updateId, event, origin) : run.applyUpdate(updateId, event, origin);
      });
    },
    {
      validator: ({ actor, decision, expectedSeq }) => {
        if (isRepeat()) return;
        run.checkExpectedSeq(expectedSeq);
        run.validate({ kind: 'decision', at: new Date().toISOString(), actor, decision });
      },
    },
  );
  setHandler(
    customerAnswerUpdate,
    (input) => {
      const updateId = currentUpdateInfo()?.id;
      // The timeline keeps what proves the answer came through the customer's link.
      return run.exclusive(() => run.applyUpdate(updateId, { kind: 'customer', at: new Date().toISOString(), answer: input.answer }, customerAnswerOrigin(input)));
    },
    {
      validator: ({ answer }) => {
        if (!isRepeat()) run.validate({ kind: 'customer', at: new Date().toISOString(), answer });
      },
    },
  );

  // A new handler that acts only when invoked (issue 13): histories without it replay unchanged (no patch).
  setHandler(
    customerMessageUpdate,
    ({ message, details }) => {
      const updateId = currentUpdateInfo()?.id;
      return run.exclusive(() => {
        // The question it answers, as the reducer sees the complaint now (after what came due first).
        const requestId = run.state.status === 'awaiting_customer' ? run.state.pendingInfoRequest?.requestId : undefined;
        return run.applyUpdate(
          updateId,
          { kind: 'customer', at: new Date().toISOString(), answer: message },
          { actorId: 'customer', actorRole: 'customer', data: { ...message, ...details, ...(requestId ? { requestId } : {}) } },
        );
      });
    },
    {
      validator: ({ message }) => {
        if (!isRepeat()) run.validate({ kind: 'customer', at: new Date().toISOString(), answer: message });
      },
    },
  );

  // A new handler that acts only when invoked: histories without it replay unchanged (no patch).
  setHandler(migrateProcessUpdate, (migration) => run.exclusive(() => run.migrate(migration)), {
    validator: (migration) => run.validateMigration(migration),
  });

  // A new handler that acts only when invoked (issue 14): histories without it replay unchanged (no patch).
  setHandler(erasePersonalDataUpdate, ({ erasureId, actor }) => {
    const updateId = currentUpdateInfo()?.id;
    return run.exclusive(() => run.closeForErasure(updateId, erasureId, actor));
  });

  if (!input.carried) await run.exclusive(() => run.begin());

  const historyLimit = input.historyLimit ?? HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW;
  const historyIsLong = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > historyLimit;
  while (!run.finished) {
    const version = run.timerVersion;
    const wakeAt = run.nextWakeAt();
    const timedOut = !(await condition(
      () => run.finished || run.timerVersion !== version || historyIsLong() || run.writeFailed,
      wakeAt === undefined ? undefined : Math.max(wakeAt - Date.now(), 1),
    ));
    if (timedOut) await run.exclusive(() => run.fireDueTimers());
    if (run.writeFailed) await run.written(); // fails the workflow task with what the write failed with
    if (!run.finished && historyIsLong()) {
      await settled(run); // the next run starts after every transition of this one is in the read model
      // The next run starts on the process the complaint runs on now (a migration's target).
      await continueAsNew<typeof complaintWorkflow>({
        ...input,
        process: run.process,
        carried: {
          seq: run.seq,
          state: run.state,
          timers: run.timers,
          recentUpdateIds: run.recentUpdateIds,
          ...(run.migrations.length > 0 ? { migrations: run.migrations } : {}),
        },
      });
    }
  }
  await settled(run); // a closing decision answered before recorded: its transitions are written before the run ends
  return run.status();
}

/** Every handler finished and every transition written; a handler that came in meanwhile is waited for too. */
async function settled(run: ComplaintRun): Promise<void> {
  do {
    await condition(allHandlersFinished);
    const writing = run.written();
    if (writing) await writing; // no await when nothing is written: runs recorded before replay unchanged
  } while (!allHandlersFinished());
}
