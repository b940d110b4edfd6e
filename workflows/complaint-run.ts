// One complaint's run state and what the workflow does with it: apply an event through the pure
// reducer, execute its effects (clock arithmetic as activities, messages and links as data for
// the read model), record the transition, and fire timers that came due. The workflow function
// (complaint.workflow.ts) only wires handlers and the main loop to this class. It imports nothing
// of Temporal: what it needs from outside comes as `RunPorts`, so a simulation runs the same code.
import type { Activities } from '../activities/index.js';
import type { LinkRequest, OutgoingMessage } from '../read-model/record-transition.js';
import type { TimedStageId } from '../domain/complaint.js';
import { DomainError } from '../domain/errors.js';
import {
  advance,
  initialEffects,
  infoRequestPolicy,
  initialState,
  migratedState,
  migrationRefusal,
  migrationRefusalError,
  type Actor,
  type ComplaintState,
  type Effect,
  type LifecycleEvent,
  type MigrationMemory,
  type SystemEvent,
} from '../domain/lifecycle/index.js';
import type { MigrationCheck } from '../domain/lifecycle/migration.js';
import { carriedTimers, deadlinesOf, escalationDue, escalationEvents, nextDueEvent, nextWakeAt, type Timers } from '../domain/lifecycle/timers.js';
import { answerSlot } from '../domain/lifecycle/customer-answers.js';
import type { ProcessDefinition, ProcessDefinitionSnapshot } from '../domain/process-definition.js';
import type {
  ComplaintSnapshot,
  ComplaintWorkflowInput,
  CustomerAnswerInput,
  DecisionResult,
  MigrateProcessInput,
  MigrateProcessResult,
  MigrationView,
} from './complaint.messages.js';

/** Update ids kept across continue-as-new; clients retry within minutes, not hundreds of updates later. */
const REMEMBERED_UPDATES = 200;

/** Process migrations kept across continue-as-new: more than any complaint takes in its life. */
const REMEMBERED_MIGRATIONS = 50;

/**
 * Patch ids (see the README's versioning strategy). `due-timers-first`: every exclusive section
 * first fires the timers due at its own time, events are stamped with the time they are applied,
 * and breach steps missed during an outage collapse into one.
 */
const DUE_TIMERS_FIRST = 'due-timers-first';
const RECORDED_ANSWERS_FIRST = 'recorded-answers-first';
/**
 * `answer-before-recorded` (issue 15): asked only for a decision whose input asks for it, so a run
 * without such decisions replays unchanged; a decision an older worker took the old way (its
 * history has the input, not the marker) replays the old way too.
 */
const ANSWER_BEFORE_RECORDED = 'answer-before-recorded';

/**
 * `satisfaction-survey`: a closure the process surveys after issues a survey link (its expiry from
 * the `surveyLinkExpiry` activity), which the closure message carries. Closures recorded before
 * replay without the activity and the link.
 */
const SATISFACTION_SURVEY = 'satisfaction-survey';

/**
 * What the run needs from outside: the activities, patch markers, ids and the clock. The workflow
 * passes Temporal's (workflows/temporal-ports.ts); a simulation passes in-process ones over a
 * virtual clock, so both run this same code.
 */
export interface RunPorts {
  /** Read-model writes: retried until they succeed. */
  readModel: Pick<Activities, 'recordComplaint' | 'recordTransition' | 'receivedCustomerAnswer'>;
  /** Clock arithmetic: a permanent failure becomes an `activity_failed` incident. */
  clocks: Pick<
    Activities,
    | 'startStageClock'
    | 'pauseStageClock'
    | 'resumeStageClock'
    | 'stopStageClock'
    | 'fireDueEscalations'
    | 'answerDeadlines'
    | 'infoRequestDeadlines'
    | 'progressUpdateDue'
    | 'planProcessMigration'
    | 'surveyLinkExpiry'
  >;
  /** `patched()` in a workflow; a simulation runs the newest code (always true). */
  patched(patchId: string): boolean;
  uuid(): string;
  /** The current instant as ISO text (in a workflow: the task's start time, deterministic on replay). */
  now(): string;
  /** For a clock call that threw: its error type and message when it failed for good, else undefined (rethrow). */
  permanentFailure(err: unknown): { errorType: string; message: string } | undefined;
  /** The error a refused event is thrown as (an update's failure in a workflow). */
  refusal(error: DomainError): Error;
}

/** What one transition produces besides the state: recorded together in one activity. */
interface TransitionOutput {
  messages: OutgoingMessage[];
  links: LinkRequest[];
  revokeLinks: boolean;
  /** Facts an effect established, with the messages that belong to them (recorded in their transition). */
  followUps: Array<{ system: SystemEvent; messages: OutgoingMessage[] }>;
  /** Activities that failed for good while executing the effects: recorded right after the transition. */
  incidents: Array<Extract<SystemEvent, { type: 'activity_failed' }>>;
  stageOutcome?: { stage: TimedStageId; outcome: string; met: boolean; byMinutes: number };
}

/** Who caused an event, for the timeline. */
export interface EventOrigin {
  actorId: string;
  actorRole: string;
  data: Record<string, unknown>;
  usedLinkId?: string;
}

export class ComplaintRun {
  state: ComplaintState;
  seq: number;
  timers: Timers;
  /** Bumped whenever a timer moves, so the main loop recomputes when to wake. */
  timerVersion = 0;
  /**
   * Ids of recently applied updates. Temporal de-duplicates update ids within a run only; these
   * travel through continue-as-new so a client retrying with the same key still applies once.
   */
  recentUpdateIds: string[];
  /** The process migrations this complaint took (carried through continue-as-new). */
  migrations: MigrationMemory[];
  /**
   * The snapshot of the last recorded transition. A query answers it, not the live state: between
   * a transition's reducer step and its record, state and timers do not yet agree.
   */
  private recorded: ComplaintSnapshot | undefined;
  /** State, timers and process as of the last recorded transition, for the migration preview. */
  private recordedView: Pick<MigrationView, 'state' | 'timers' | 'process'> | undefined;
  /** The pinned process: the input's, until a migration moves the complaint to another version. */
  process: ProcessDefinitionSnapshot;
  private exclusiveChain: Promise<unknown> = Promise.resolve();
  /**
   * Transitions of a decision answered before they were written (`answerBeforeRecorded`), written
   * in order after it; every later section and the run's end wait for them. A write that failed
   * for good (a divergence) holds the run at a failing workflow task (`written`).
   */
  private unwritten: Promise<void> = Promise.resolve();
  private pendingWrites = 0;
  private writeFailure: Error | undefined;
  /** Set while a decision answered before it is recorded applies its event and follow-ups. */
  private writingLater = false;
  /** When the last transition was applied: what a decision answered before its record says it was taken at. */
  private lastTransitionAt: string | undefined;

  constructor(
    private readonly input: ComplaintWorkflowInput,
    private readonly ports: RunPorts,
  ) {
    this.process = input.process;
    const { intake, carried } = input;
    this.state =
      carried?.state ??
      initialState({ reference: intake.reference, receivedAt: intake.receivedAt, channel: intake.channel, customer: intake.customer });
    this.seq = carried?.seq ?? 1;
    this.timers = carriedTimers(carried?.timers);
    this.recentUpdateIds = carried?.recentUpdateIds ?? [];
    this.migrations = carried?.migrations ?? [];
  }

  /** The definition the complaint runs under now (the pinned one, or the one a migration moved it to). */
  get definition(): ProcessDefinition {
    return this.process.definition;
  }

  hasApplied(updateId: string | undefined): boolean {
    return updateId !== undefined && this.recentUpdateIds.includes(updateId);
  }

  private remember(updateId: string | undefined): void {
    if (updateId === undefined) return;
    this.recentUpdateIds.push(updateId);
    if (this.recentUpdateIds.length > REMEMBERED_UPDATES) this.recentUpdateIds.shift();
  }

  /** Intake's transaction rolled back after the run started: the complaint never existed, the run ends. */
  neverStored = false;

  get finished(): boolean {
    return this.neverStored || this.state.status === 'closed';
  }

  /** Records the complaint and starts the acknowledgement stage (first run only). */
  async begin(): Promise<void> {
    // Started beside intake's commit: a transaction that rolled back leaves a run with nothing to do (runs recorded before answer nothing).
    if ((await this.ports.readModel.recordComplaint(this.input.intake, this.input.intakeTransaction)) === 'never_stored') {
      this.neverStored = true;
      return;
    }
    const output = emptyOutput();
    const at = this.ports.now();
    // The acknowledgement clock starts at receipt, not when this run begins: staff may enter a
    // phone call or a letter later, and a complaint stored while Temporal was down starts late.
    // Only the activity's input changes, so histories replay unchanged (README "Versioning running
    // complaints", rule 3); a receipt already past its deadline breaches at the first timer check.
    const received = this.input.intake.receivedAt;
    const clockStart = Date.parse(received) < Date.parse(at) ? received : at;
    for (const effect of initialEffects(this.state, this.definition)) {
      await this.execute(effect, output, effect.kind === 'start_stage_clock' ? clockStart : at);
    }
    await this.record(at, { actorId: 'system', actorRole: 'system', data: { processVersion: this.process.versionId } }, 'process_started', output);
    await this.applyFollowUps(output);
  }

  /**
   * Runs `fn` after every earlier exclusive section: handlers and timers never interleave. What
   * came due while earlier sections ran (a slow database, a worker outage) fires first, so a
   * decision queued behind it cannot end a stage before its breach is seen.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.exclusiveChain.then(async () => {
      const writing = this.written();
      if (writing) await writing;
      if (this.ports.patched(DUE_TIMERS_FIRST)) await this.fireDueTimers();
      return fn();
    });
    this.exclusiveChain = run.catch(() => undefined);
    return run;
  }

  /** For update validators: throws the refusal the reducer would give, changes nothing. */
  validate(event: LifecycleEvent): void {
    const result = advance(this.state, event, this.definition);
    if (!result.ok) throw this.ports.refusal(result.error);
  }

  /**
   * For a decision sent with `If-Match`: refuses it when the complaint has recorded a transition
   * since the sequence the caller saw. The validator checks it, and the handler again inside its
   * exclusive section: two updates accepted in one workflow task both pass the validator.
   */
  checkExpectedSeq(expectedSeq: number | undefined): void {
    if (expectedSeq === undefined || expectedSeq === this.seq) return;
    throw this.ports.refusal(
      new DomainError('PRECONDITION_FAILED', `The complaint has changed: it is at sequence ${this.seq}, not ${expectedSeq}; read it again`, {
        expectedSeq,
        seq: this.seq,
      }),
    );
  }

  /**
   * Applies an update's event once per update id; a refusal is thrown as an ApplicationFailure
   * (the update fails, not the workflow). A repeated id answers the current status.
   */
  async applyUpdate(updateId: string | undefined, event: LifecycleEvent, origin: EventOrigin): Promise<ComplaintSnapshot> {
    if (this.hasApplied(updateId)) return this.status();
    // Applied now, after what came due before it: the stage clock stops at this instant.
    const refusal = await this.apply(this.ports.patched(DUE_TIMERS_FIRST) ? { ...event, at: this.ports.now() } : event, origin);
    if (refusal) throw this.ports.refusal(refusal);
    this.remember(updateId);
    return this.status();
  }

  /**
   * A decision answered once it is in the history, before its transitions reach the read model
   * (issue 15: a decision then costs about one bare update). The update's acceptance in the
   * history keeps it; its writes follow in order (`unwritten`), as remote activities whose input is
   * fixed in the history. Only a caller that asks for it gets it (`answerBeforeRecorded` in the
   * update's input), and only behind `patched(ANSWER_BEFORE_RECORDED)`.
   */
  async applyUpdateBeforeRecorded(updateId: string | undefined, event: LifecycleEvent, origin: EventOrigin): Promise<DecisionResult> {
    if (this.hasApplied(updateId)) return this.status();
    if (!this.ports.patched(ANSWER_BEFORE_RECORDED)) return this.applyUpdate(updateId, event, origin);
    this.writingLater = true;
    try {
      const status = await this.applyUpdate(updateId, event, origin);
      return this.lastTransitionAt ? { ...status, decidedAt: this.lastTransitionAt } : status;
    } finally {
      this.writingLater = false;
    }
  }

  /**
   * Waits for the transitions still being written, and fails with a write that failed for good.
   * Undefined when there is none, so a caller adds no await: runs recorded before replay their
   * commands in the order they were issued. The failure is a plain Error: it fails the workflow
   * task, not the complaint, which waits (as a failed write would have held it) for an operator.
   */
  written(): Promise<void> | undefined {
    if (this.writeFailure) return Promise.reject(this.writeFailure);
    if (this.pendingWrites === 0) return undefined;
    return this.unwritten.then(() => {
      if (this.writeFailure) throw this.writeFailure;
    });
  }

  /** A transition answered before recorded failed to be written for good (the main loop wakes for it). */
  get writeFailed(): boolean {
    return this.writeFailure !== undefined;
  }

  /**
   * Closes the complaint for the erasure of its personal data: `withdrawn`, no message to the
   * customer, links revoked. Already closed (a retry, or it closed meanwhile): answers the status,
   * and the caller erases all the same.
   */
  async closeForErasure(updateId: string | undefined, erasureId: string, actor: Actor): Promise<ComplaintSnapshot> {
    if (this.finished || this.hasApplied(updateId)) return this.status();
    return this.applyUpdate(
      updateId,
      { kind: 'system', at: this.ports.now(), system: { type: 'personal_data_erasure_requested', erasureId } },
      { actorId: actor.id, actorRole: actor.role, data: { erasureId } },
    );
  }

  /** Applies an event; answers the refusal instead of throwing (timers drop stale ones). */
  async apply(event: LifecycleEvent, origin: EventOrigin, carried: OutgoingMessage[] = []): Promise<DomainError | undefined> {
    const result = advance(this.state, event, this.definition);
    if (!result.ok) return result.error;
    this.state = result.state;
    const output = emptyOutput();
    output.messages.push(...carried);
    for (const effect of result.effects) await this.execute(effect, output, event.at);
    await this.record(event.at, origin, eventType(event), output);
    await this.applyFollowUps(output);
    return undefined;
  }

  /**
   * Runs a clock activity; when it fails for good, notes the incident and answers `undefined`
   * so the caller goes on without what it would have computed.
   */
  private async tolerate<T>(activity: string, output: TransitionOutput, call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (err) {
      const failure = this.ports.permanentFailure(err);
      if (!failure) throw err;
      output.incidents.push({ type: 'activity_failed', activity, errorType: failure.errorType, message: failure.message.slice(0, 2_000) });
      return undefined;
    }
  }

  /** Facts an effect established (an acknowledgement sent) go through the reducer in turn. */
  private async applyFollowUps(output: TransitionOutput): Promise<void> {
    for (const incident of output.incidents) await this.fireSystem(incident);
    for (const { system, messages } of output.followUps) await this.fireSystem(system, messages);
  }

  /** Fires whatever timers are due now: escalation steps, then answer and question reminders and timeouts, progress update. */
  async fireDueTimers(): Promise<void> {
    const at = this.ports.now();
    const stage = this.timers.stage;
    if (stage && escalationDue(this.timers, at)) {
      const output = emptyOutput();
      const run = await this.tolerate('fireDueEscalations', output, () =>
        this.ports.clocks.fireDueEscalations({ clock: stage.clock, escalation: stage.escalation, policy: stage.policy, at }),
      );
      // Without a run the chain cannot advance: end it rather than wake for it again and again.
      stage.escalation = run?.state ?? { ...stage.escalation, ended: true };
      this.timerVersion++;
      await this.applyFollowUps(output);
      for (const event of escalationEvents(stage.id, run?.fired ?? [], Boolean(run) && this.ports.patched(DUE_TIMERS_FIRST))) {
        await this.fireSystem(event);
      }
    }
    // One at a time: each event's effects may move the timers the next check reads.
    for (let due = nextDueEvent(this.timers, at); due; due = nextDueEvent(this.timers, at)) {
      const before = this.timers;
      this.timers = due.timers;
      this.timerVersion++;
      if (await this.takeAnswerReceivedInTime(due.event, before)) continue;
      await this.fireSystem(due.event);
    }
  }

  /**
   * `recorded-answers-first` (issue 15): before a round or a question times out, the customer's
   * answer received before its deadline but not delivered yet (no worker took it; the relay had
   * not brought it) is taken, under its own update id, so the relay's delivery is a repeat. Runs
   * recorded before it time out as they did (no marker, no activity). Answers whether it took one.
   */
  private async takeAnswerReceivedInTime(event: SystemEvent, timers: Timers): Promise<boolean> {
    const timedOut =
      event.type === 'customer_answer_timed_out' && timers.answer
        ? { slot: answerSlot.round(event.round), deadline: timers.answer.deadline }
        : event.type === 'info_answer_timed_out' && timers.info
          ? { slot: answerSlot.info(event.requestId), deadline: timers.info.deadline }
          : undefined;
    if (!timedOut || !this.ports.patched(RECORDED_ANSWERS_FIRST)) return false;
    const received = await this.ports.readModel.receivedCustomerAnswer({ complaintId: this.input.intake.complaintId, slot: timedOut.slot, receivedBefore: timedOut.deadline });
    if (!received || this.hasApplied(received.updateId)) return false;
    const refusal = await this.apply({ kind: 'customer', at: this.ports.now(), answer: received.input.answer }, customerAnswerOrigin(received.input));
    if (refusal) return false;
    this.remember(received.updateId);
    return true;
  }

  /** For the migration update's validator: throws why the migration does not apply, changes nothing. */
  validateMigration(input: MigrateProcessInput): void {
    const refusal = migrationRefusal(this.migrationCheck(input));
    if (refusal) throw this.ports.refusal(migrationRefusalError(refusal));
  }

  /**
   * Moves the complaint to `input.target` at a safe point (called inside `exclusive`, after what
   * came due): an activity re-arms the timers and escalation under the new rules, the run adopts
   * the new version, the timeline records `process_migrated`, and whatever the new rules have made
   * due fires at once. A refusal (checked again: the state may have moved) fails the update only.
   */
  async migrate(input: MigrateProcessInput): Promise<MigrateProcessResult> {
    const at = this.ports.now();
    const check = this.migrationCheck(input);
    const refusal = migrationRefusal(check);
    if (refusal) throw this.ports.refusal(migrationRefusalError(refusal));
    const plan = await this.planMigration({ ...check, at });
    if (!plan.ok) throw this.ports.refusal(migrationRefusalError(plan.skip));
    const from = this.process.versionId;
    this.process = input.target;
    this.timers = plan.timers;
    this.timerVersion++;
    this.state = migratedState(this.state, plan.progress, at, this.definition);
    this.migrations.push({ migrationId: input.migrationId, at, from, to: input.target.versionId });
    if (this.migrations.length > REMEMBERED_MIGRATIONS) this.migrations.shift();
    await this.record(at, { actorId: input.actor.id, actorRole: input.actor.role, data: { ...plan.record } }, 'process_migrated', emptyOutput());
    await this.fireDueTimers();
    return { record: plan.record, status: this.status() };
  }

  /** What a migration preview reads: the complaint as of its last recorded transition. */
  migrationView(): MigrationView {
    const view = this.recordedView ?? { state: this.state, timers: this.timers, process: this.process };
    return { complaintId: this.input.intake.complaintId, ...view, migrations: [...this.migrations], seq: this.seq };
  }

  private migrationCheck(input: MigrateProcessInput): MigrationCheck {
    const { migrationId, target, deadlineRules } = input;
    return { state: this.state, timers: this.timers, current: this.process, target, deadlineRules, migrationId, migrations: this.migrations };
  }

  /** The re-arm plan, from the clock activity; one that can never be computed refuses the migration. */
  private async planMigration(input: MigrationCheck & { at: string }) {
    try {
      return await this.ports.clocks.planProcessMigration(input);
    } catch (err) {
      const failure = this.ports.permanentFailure(err);
      if (!failure) throw err;
      return { ok: false as const, skip: { reason: 'cannot_compute' as const, message: `${failure.errorType}: ${failure.message}`.slice(0, 2_000) } };
    }
  }

  /** Epoch ms of the earliest pending timer, or undefined when nothing is scheduled. */
  nextWakeAt(): number | undefined {
    return nextWakeAt(this.timers, this.ports.now());
  }

  /** What a status query answers: the last recorded snapshot (the live one before any record). */
  recordedStatus(): ComplaintSnapshot {
    return this.recorded ?? this.status();
  }

  status(): ComplaintSnapshot {
    const escalation = this.definition.stages[this.state.escalation.stage].escalation;
    return {
      complaintId: this.input.intake.complaintId,
      processVersion: this.process.versionId,
      calendarId: this.definition.calendarId,
      seq: this.seq,
      state: this.state,
      deadlines: deadlinesOf(this.timers, this.ports.now()),
      escalationLevel: escalation.levels[this.state.escalation.level] ?? escalation.levels[0]!,
    };
  }

  private async fireSystem(system: SystemEvent, carried: OutgoingMessage[] = []): Promise<void> {
    // A timer that lost a race with a decision is stale (GONE): nothing to do.
    await this.apply({ kind: 'system', at: this.ports.now(), system }, { actorId: 'system', actorRole: 'system', data: { ...system } }, carried);
  }

  private async record(at: string, origin: EventOrigin, type: string, output: TransitionOutput): Promise<void> {
    this.seq++;
    this.lastTransitionAt = at;
    const status = this.status();
    const transition = {
      complaintId: this.input.intake.complaintId,
      seq: this.seq,
      at,
      event: { type, actorId: origin.actorId, actorRole: origin.actorRole, data: { ...origin.data, ...(output.stageOutcome ? { stageOutcome: output.stageOutcome } : {}) } },
      status,
      messages: output.messages.map((m) => (m.audience === 'customer' ? { ...m, params: { ...this.customerContext(), ...m.params } } : m)),
      links: output.links,
      revokeLinks: output.revokeLinks,
      ...(origin.usedLinkId ? { usedLinkId: origin.usedLinkId } : {}),
    };
    // Timers change in place (a clock resumed, a chain advanced): keep their state as recorded.
    const view = { state: this.state, timers: { ...this.timers, stage: this.timers.stage && { ...this.timers.stage } }, process: this.process };
    if (!this.writingLater) {
      const writing = this.written();
      if (writing) await writing;
      await this.ports.readModel.recordTransition(transition);
      this.recorded = status;
      this.recordedView = view;
      return;
    }
    this.pendingWrites++;
    this.unwritten = this.unwritten
      .then(async () => {
        if (this.writeFailure) return; // nothing after a write that failed for good: the timeline keeps no gap
        await this.ports.readModel.recordTransition(transition);
        this.recorded = status;
        this.recordedView = view;
      })
      .catch((error: unknown) => {
        this.writeFailure ??= new Error(`transition ${transition.seq}, answered before it was recorded, cannot be written: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
      })
      .finally(() => {
        this.pendingWrites--;
      });
  }

  /** What a customer message may say about what happens next, and by when. */
  private customerContext(): Record<string, string | number> {
    const { stage, answer, info } = this.timers;
    const { acceptance } = this.definition;
    const infoRequest = infoRequestPolicy(this.definition);
    return {
      rounds: acceptance.rounds,
      noAnswer: acceptance.noAnswer,
      ...(stage && !stage.clock.pausedAt ? { dueAt: stage.clock.deadline } : {}),
      ...(answer ? { answerDueAt: answer.deadline } : {}),
      // When we write again if nothing happens sooner: what a late progress update promises instead.
      ...(this.timers.progressDueAt ? { nextUpdateAt: this.timers.progressDueAt } : {}),
      ...(info && infoRequest ? { infoDueAt: info.deadline, infoNoAnswer: infoRequest.onNoAnswer } : {}),
    };
  }

  private async execute(effect: Effect, output: TransitionOutput, at: string): Promise<void> {
    const calendarId = this.definition.calendarId;
    switch (effect.kind) {
      case 'send_acknowledgement':
        // Recorded with `acknowledgement_sent`, whose transition starts the initial review: the
        // message can then say by when that review ends.
        output.followUps.push({
          system: { type: 'acknowledgement_sent' },
          messages: [{ audience: 'customer', template: 'acknowledgement', params: { receivedAt: this.state.receivedAt, channel: this.state.channel } }],
        });
        return;
      case 'start_stage_clock': {
        const started = await this.tolerate('startStageClock', output, () =>
          this.ports.clocks.startStageClock({ calendarId, duration: effect.duration, warnAtShare: effect.warnAtShare, at }),
        );
        this.timers.stage = started ? { id: effect.stage, ...started, policy: effect.escalation } : null;
        break;
      }
      case 'pause_stage_clock': {
        const stage = this.timers.stage;
        const paused = stage && (await this.tolerate('pauseStageClock', output, () => this.ports.clocks.pauseStageClock({ clock: stage.clock, at })));
        if (stage && paused) stage.clock = paused;
        break;
      }
      case 'resume_stage_clock': {
        const stage = this.timers.stage;
        const resumed =
          stage && (await this.tolerate('resumeStageClock', output, () => this.ports.clocks.resumeStageClock({ clock: stage.clock, escalation: stage.escalation, at })));
        if (stage && resumed) Object.assign(stage, resumed);
        break;
      }
      case 'stop_stage_clock': {
        const stage = this.timers.stage;
        if (stage) {
          const stopped = await this.tolerate('stopStageClock', output, () => this.ports.clocks.stopStageClock({ clock: stage.clock, at }));
          // The clock alone says whether the stage met its deadline.
          const outcome = effect.abandoned ? 'abandoned' : stopped?.outcome.met === false ? 'breached' : 'met';
          if (stopped) output.stageOutcome = { stage: stage.id, outcome, met: stopped.outcome.met, byMinutes: stopped.outcome.byMinutes };
          this.timers.stage = null;
        }
        break;
      }
      case 'start_answer_clock': {
        const due = await this.tolerate('answerDeadlines', output, () =>
          this.ports.clocks.answerDeadlines({ calendarId, duration: effect.deadline, reminderAtShare: effect.reminderAtShare, at }),
        );
        this.timers.answer = due ? { round: effect.round, ...due, reminded: false, startedAt: at } : null;
        break;
      }
      case 'stop_answer_clock':
        this.timers.answer = null;
        break;
      case 'start_info_clock': {
        // Requests recorded before requests had a deadline replay without its activity and timer.
        if (!this.ports.patched('info-request-deadline')) return;
        const due = await this.tolerate('infoRequestDeadlines', output, () =>
          this.ports.clocks.infoRequestDeadlines({ calendarId, duration: effect.deadline, reminderAtShare: effect.reminderAtShare, at }),
        );
        this.timers.info = due ? { requestId: effect.requestId, ...due, reminded: false } : null;
        break;
      }
      case 'stop_info_clock':
        // No timer moves when there was none (a request from before deadlines): nothing to wake for.
        if (!this.timers.info) return;
        this.timers.info = null;
        break;
      case 'restart_progress_timer':
        this.timers.progressDueAt =
          (await this.tolerate('progressUpdateDue', output, () => this.ports.clocks.progressUpdateDue({ calendarId, every: effect.every, at }))) ?? null;
        break;
      case 'stop_progress_timer':
        this.timers.progressDueAt = null;
        break;
      case 'notify_customer':
        output.messages.push({ audience: 'customer', template: effect.template, params: effect.params });
        return;
      case 'notify_staff':
        output.messages.push({ audience: 'staff', recipient: effect.recipient, template: effect.template, params: effect.params });
        return;
      case 'issue_response_link':
        output.links.push(
          effect.purpose === 'resolution'
            ? { linkId: this.ports.uuid(), purpose: 'resolution', round: effect.round }
            : { linkId: this.ports.uuid(), purpose: 'info_request', requestId: effect.requestId },
        );
        return;
      case 'revoke_response_links':
        output.revokeLinks = true;
        return;
      case 'inform_external_remedies':
        output.messages.push({ audience: 'customer', template: 'external_remedies', params: { country: effect.country, remedies: effect.remedies } });
        return;
      case 'request_satisfaction_survey': {
        if (!this.ports.patched(SATISFACTION_SURVEY)) return;
        // Without an expiry (the calendar cannot count it) no link: the closure message then says nothing of a survey.
        const expiresAt = await this.tolerate('surveyLinkExpiry', output, () =>
          this.ports.clocks.surveyLinkExpiry({ calendarId, lifetime: effect.lifetime, at }),
        );
        if (!expiresAt) return;
        output.links.push({ linkId: this.ports.uuid(), purpose: 'survey', expiresAt });
        // The closure message (queued just before) says until when the survey is open.
        for (const m of output.messages) {
          if (m.audience === 'customer' && m.template === 'complaint_closed') m.params = { ...m.params, surveyOpenUntil: expiresAt };
        }
        return;
      }
    }
    this.timerVersion++;
  }
}

function emptyOutput(): TransitionOutput {
  return { messages: [], links: [], revokeLinks: false, followUps: [], incidents: [] };
}


/** How a customer's answer through their link is recorded: what proves it came through the link, and the link used. */
export function customerAnswerOrigin({ linkId, answer, origin }: CustomerAnswerInput): EventOrigin {
  return { actorId: 'customer', actorRole: 'customer', data: { ...answer, linkId, ...origin }, usedLinkId: linkId };
}

function eventType(event: LifecycleEvent): string {
  switch (event.kind) {
    case 'decision':
      return event.decision.type;
    case 'customer':
      return event.answer.type;
    case 'system':
      return event.system.type;
  }
}
