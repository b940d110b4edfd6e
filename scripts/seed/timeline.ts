// One seeded complaint's life, transition by transition, as the workflow would have recorded it
// under the process definition: the timeline rows, the lifecycle state they lead to, and the
// report facts (proposals, stage clock runs, escalations, corrective actions, links, survey).
// Events after "now" have not happened: the complaint stays where it stands then.
import type { Channel, Closure, RemedyKind, Severity, TimedStageId } from '../../domain/complaint.js';
import type { ComplaintState } from '../../domain/lifecycle/state.js';
import type { ProcessDefinition } from '../../domain/process-definition.js';
import { derivedUuid, type Random } from './random.js';
import type { RunningClock, StageClocks } from './stage-clock.js';
import { SUPERVISORS } from './organisation.js';
import { TIMELINE_TEXTS, type SeedLocale } from './texts.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SeedEvent {
  seq: number;
  type: string;
  actorId: string;
  actorRole: string;
  atMs: number;
  data: Record<string, unknown>;
}

export interface SeedLink {
  id: string;
  purpose: 'resolution' | 'info_request' | 'survey';
  round: number | null;
  requestId: string | null;
  createdAtMs: number;
  expiresAtMs: number;
  usedAtMs: number | null;
  revokedAtMs: number | null;
}

export interface SeedProposal {
  round: number;
  outcome: 'upheld' | 'partly_upheld' | 'not_upheld';
  remedy: RemedyKind;
  amount: number | null;
  currency: string | null;
  proposedAtMs: number;
  answer: 'accepted' | 'rejected' | 'deemed_accepted' | null;
  answeredAtMs: number | null;
}

export interface SeedClockRun {
  stage: TimedStageId;
  startedAtMs: number;
  deadlineAtMs: number;
  endedAtMs: number | null;
  breached: boolean;
}

export interface SeedSurveyAnswer {
  linkId: string;
  handling: number;
  outcome: number;
  reasons: string[];
  comment: string | null;
  language: string;
  answeredAtMs: number;
}

/** Statuses a complaint can rest in without a timer moving it on (breaches escalate, they do not move it). */
export const STALL_STATUSES = ['received', 'acknowledged', 'in_review', 'investigating', 'reinvestigating'] as const;
export type StallStatus = (typeof STALL_STATUSES)[number];

export interface ComplaintPlan {
  n: number;
  id: string;
  reference: string;
  receivedAtMs: number;
  channel: Channel;
  locale: SeedLocale;
  country: string;
  reachable: boolean;
  category: string;
  product: string;
  department: string;
  team: string;
  agent: string;
  severity: Severity;
  /** The reference of an earlier complaint it may duplicate. */
  earlierReference: string | null;
  /** Classified by triage first, then taken from the team's queue after `queueWaitMs`. */
  triageFirst: boolean;
  queueWaitMs: number;
  /** Left untouched once at this status (a few recent ones: nobody has got to them yet). */
  stall: StallStatus | null;
  /** The number an external body's reference is made from (default `n`; a cloned life keeps its shape's). */
  externalSerial?: number;
}

export interface SeededLife {
  events: SeedEvent[];
  state: ComplaintState;
  /** The running (or paused) stage clock at the end; null once no stage runs. */
  clock: RunningClock | null;
  answerTimer: { round: number; reminderAtMs: number; deadlineMs: number } | null;
  infoTimer: { requestId: string; reminderAtMs: number; deadlineMs: number } | null;
  proposals: SeedProposal[];
  clockRuns: SeedClockRun[];
  escalations: Array<{ seq: number; stage: TimedStageId; level: string; atMs: number }>;
  correctiveActions: Array<{ id: string; rootCause: string; atMs: number }>;
  links: SeedLink[];
  survey: SeedSurveyAnswer | null;
  recordedAtMs: number;
  lastAtMs: number;
  /**
   * True when "now" cut the life short (an event, or a survey answer, would have come after it) or
   * it rests at a stall status: then it depends on where "now" is, and it cannot be moved in time.
   */
  cut: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();
const SYSTEM = { actorId: 'system', actorRole: 'system' } as const;
const CUSTOMER = { actorId: 'customer', actorRole: 'customer' } as const;
const USER_AGENTS = ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)', 'Mozilla/5.0 (Linux; Android 14)', null];
const EXTERNAL_BODIES = ['Tüketici Hakem Heyeti (İstanbul)', 'Tüketici Hakem Heyeti (Ankara)', 'İstanbul Tüketici Mahkemesi', 'Financial Ombudsman Service'];
const EXTERNAL_DECISIONS = ['upheld', 'partially_upheld', 'not_upheld', 'settled', 'dismissed'] as const;
const REMEDIES: readonly RemedyKind[] = ['refund', 'replacement', 'repair', 'credit', 'apology', 'explanation', 'other'];
const SURVEY_REASONS = ['speed', 'communication', 'fairness', 'staff_attitude', 'clarity', 'outcome'];
const RECORDED_CHANNELS = ['phone', 'email', 'letter', 'front_office'] as const;

/** Builds the life of one complaint; `random` is the generator's stream, so the result is deterministic. */
export class LifeBuilder {
  private life!: SeededLife;
  private plan!: ComplaintPlan;
  private texts!: (typeof TIMELINE_TEXTS)['tr'];
  private seq = 0;
  private linkCount = 0;
  private stopped = false;

  constructor(
    private readonly random: Random,
    private readonly clocks: StageClocks,
    private readonly definition: ProcessDefinition,
    private readonly processVersion: string,
    private readonly seed: number,
    private readonly nowMs: number,
    /** The id of the complaint's k-th response link (k from 1). */
    private readonly linkIdOf: (plan: ComplaintPlan, k: number) => string = (plan, k) => derivedUuid(seed, plan.n, k),
  ) {}

  build(plan: ComplaintPlan): SeededLife {
    this.plan = plan;
    this.texts = TIMELINE_TEXTS[plan.locale];
    this.seq = 0;
    this.linkCount = 0;
    this.stopped = false;
    const at = plan.receivedAtMs;
    this.life = {
      events: [],
      state: initialState(plan),
      clock: null,
      answerTimer: null,
      infoTimer: null,
      proposals: [],
      clockRuns: [],
      escalations: [],
      correctiveActions: [],
      links: [],
      survey: null,
      recordedAtMs: at,
      lastAtMs: at,
      cut: false,
    };
    this.record(at, 'received', { actorId: 'intake', actorRole: 'system' }, { channel: plan.channel }, 0);
    this.record(at, 'registered', SYSTEM, { channel: plan.channel });
    this.startStage('acknowledgement', at);
    this.record(at, 'process_started', SYSTEM, { processVersion: this.processVersion });
    this.path();
    this.finish();
    if (this.stopped) this.life.cut = true;
    return this.life;
  }

  // ── the path ────────────────────────────────────────────────────────────────────────────────
  private path(): void {
    const r = this.random;
    const { plan } = this;
    const s = this.life.state;
    let t = plan.receivedAtMs;
    if (plan.reachable) {
      this.endStage(t, { type: 'acknowledgement_sent' }, 'acknowledgement_sent', SYSTEM);
      s.acknowledgedAt = iso(t);
      s.status = 'acknowledged';
      this.startStage('initialReview', t);
    } else {
      t = this.agentTime(t + r.between(0.3, 9) * HOUR * (r.chance(0.12) ? 4 : 1));
      if (!this.endStageByDecision(t, { type: 'acknowledge' }, this.agent())) return;
      s.acknowledgedAt = iso(t);
      s.status = 'acknowledged';
      this.startStage('initialReview', t);
    }
    if (this.past(t)) return;
    // Some complaints end before anyone works on them.
    const early = r();
    if (early < 0.03 && plan.earlierReference) {
      t = this.agentTime(t + r.between(0.5, 20) * HOUR);
      // Closing as a duplicate or out of scope is a supervisor's decision (the shipped roles).
      this.close(t, { type: 'mark_duplicate', duplicateOf: plan.earlierReference }, 'duplicate', this.actor(r.pick(SUPERVISORS)));
      if (!this.stopped) s.duplicateOf = plan.earlierReference;
      return;
    }
    if (early < 0.06) {
      t = this.agentTime(t + r.between(0.5, 30) * HOUR);
      this.close(t, { type: 'close_out_of_scope', reason: r.pick(this.texts.outOfScope) }, 'out_of_scope', this.actor(r.pick(SUPERVISORS)));
      return;
    }
    const classify = { type: 'classify', category: plan.category, product: plan.product, severity: plan.severity, department: plan.department };
    const classified = () => {
      s.classification = { category: plan.category, product: plan.product, severity: plan.severity, department: plan.department };
      s.status = 'investigating';
      this.startStage('investigation', t);
    };
    if (plan.triageFirst && plan.stall !== 'in_review') {
      // Triage classifies (routing it to the department); it waits in the team's queue until someone takes it.
      t = this.agentTime(t + r.between(0.1, 4) * HOUR);
      if (!this.endStageByDecision(t, classify, r.pick(SUPERVISORS))) return;
      classified();
      t = this.agentTime(t + plan.queueWaitMs);
      if (!this.decide(t, { type: 'assign', assignee: plan.agent, team: plan.team }, plan.agent)) return;
      s.assignee = plan.agent;
      s.team = plan.team;
    } else {
      t = this.agentTime(t + r.between(0.1, 5) * HOUR * (r.chance(0.08) ? 4 : 1));
      if (!this.decide(t, { type: 'assign', assignee: plan.agent, team: plan.team }, this.supervisorOr(plan.agent))) return;
      s.assignee = plan.agent;
      s.team = plan.team;
      if (s.status === 'acknowledged') s.status = 'in_review';
      if (r.chance(0.08) && !this.askCustomer((t += r.between(1, 8) * HOUR))) return;
      t = Math.max(t, this.life.lastAtMs);
      t = this.agentTime(t + r.between(0.1, 1.2) * DAY * (r.chance(0.1) ? 3 : 1));
      if (!this.endStageByDecision(t, classify, plan.agent)) return;
      classified();
    }
    if (r.chance(0.2)) {
      t = this.agentTime(t + r.between(1, 30) * HOUR);
      if (!this.decide(t, { type: 'note', text: r.pick(this.texts.notes) }, plan.agent)) return;
      s.counters.notes++;
    }
    if (r.chance(0.04)) {
      t = this.agentTime(t + r.between(1, 20) * HOUR);
      if (!this.decide(t, { type: 'escalate', reason: r.pick(this.texts.notes) }, plan.agent)) return;
      this.raiseEscalation(this.seq, t);
    }
    if (r.chance(0.15) && !this.askCustomer(this.agentTime(t + r.between(2, 30) * HOUR))) return;
    t = Math.max(t, this.life.lastAtMs);
    if (r.chance(0.04)) {
      t = this.agentTime(t + r.between(0.5, 4) * DAY);
      this.close(t, { type: 'withdraw', reason: r.pick(this.texts.withdrawals) }, 'withdrawn');
      return;
    }
    if (r.chance(0.3)) {
      t = this.agentTime(t + r.between(2, 40) * HOUR);
      if (!this.correctiveAction(t)) return;
    }
    for (let round = 1; round <= this.definition.acceptance.rounds; round++) {
      t = this.agentTime(Math.max(t, this.life.lastAtMs) + r.between(0.2, 3.5) * DAY * (r.chance(0.1) ? 2.5 : 1));
      if (!this.propose(t, round)) return;
      const proposal = this.life.proposals.at(-1)!;
      const timer = this.life.answerTimer!;
      // A complaint that stalls in reinvestigation had its first proposal rejected.
      const answer = plan.stall === 'reinvestigating' ? 0.99 : r();
      const lastRound = round === this.definition.acceptance.rounds;
      if (answer < (round === 1 ? 0.14 : 0.2)) {
        // No answer: reminded half way, deemed accepted at the deadline.
        if (!this.reminder(timer.reminderAtMs, round)) return;
        if (this.past(timer.deadlineMs)) return;
        proposal.answer = 'deemed_accepted';
        proposal.answeredAtMs = timer.deadlineMs;
        this.answerProposal(timer.deadlineMs, 'deemed_accepted', null);
        this.close(timer.deadlineMs, { type: 'customer_answer_timed_out', round }, 'deemed_accepted', SYSTEM);
        return;
      }
      // Most customers answer within days; some take most of the window.
      const answerAt = proposal.proposedAtMs + (0.01 + 0.85 * r() ** 2) * (timer.deadlineMs - proposal.proposedAtMs);
      t = Math.round(answerAt / MINUTE) * MINUTE;
      // An answer by phone or letter is entered when staff are in, and only while the window is open.
      const staffAt = this.agentTime(t);
      const byStaff = r.chance(0.15) && staffAt < timer.deadlineMs;
      if (byStaff) t = staffAt;
      if (t >= timer.reminderAtMs && !this.reminder(timer.reminderAtMs, round)) return;
      const accepts = answer < (lastRound ? 0.68 : 0.78);
      const link = this.life.links.findLast((l) => l.purpose === 'resolution')!;
      if (accepts) {
        if (this.past(t)) return;
        proposal.answer = 'accepted';
        proposal.answeredAtMs = t;
        this.answerProposal(t, 'accepted', byStaff ? null : link);
        const event = byStaff
          ? { type: 'record_customer_answer', answer: 'accepted', text: r.pick(this.texts.infoAnswers), channel: r.pick(RECORDED_CHANNELS) }
          : { type: 'customer_accepted', round, ...this.origin(link) };
        this.close(t, event, 'accepted', byStaff ? this.actor(plan.agent) : CUSTOMER);
        return;
      }
      const reason = r.pick(this.texts.rejections);
      const event = byStaff
        ? { type: 'record_customer_answer', answer: 'rejected', text: reason, channel: r.pick(RECORDED_CHANNELS) }
        : { type: 'customer_rejected', round, reason, ...this.origin(link) };
      if (this.past(t)) return;
      proposal.answer = 'rejected';
      proposal.answeredAtMs = t;
      this.answerProposal(t, 'rejected', byStaff ? null : link);
      this.revokeLinks(t);
      s.counters.rejections++;
      this.record(t, event.type, byStaff ? this.actor(plan.agent) : CUSTOMER, event);
      this.life.answerTimer = null;
      if (!lastRound) {
        s.status = 'reinvestigating';
        this.startStage('reinvestigation', t);
      } else {
        s.status = 'open_external';
      }
    }
    // Both rounds rejected: the customer went to an external body; most come back with its decision.
    if (r.chance(0.25)) return;
    t = this.agentTime(t + r.between(10, 70) * DAY);
    const decision = r.pick(EXTERNAL_DECISIONS);
    const body = r.pick(EXTERNAL_BODIES);
    const serial = plan.externalSerial ?? plan.n;
    const outcome = { type: 'record_external_outcome', body, bodyReference: `${body.startsWith('T') ? 'THH' : 'FOS'}-${2024 + (serial % 3)}/${1000 + (serial % 9000)}`, decision, summary: decision };
    if (this.past(t)) return;
    s.externalOutcome = { body, bodyReference: outcome.bodyReference, decision, summary: decision, recordedAt: iso(t), recordedBy: plan.agent };
    this.close(t, outcome, 'external_decision', this.actor(plan.agent));
  }

  // ── steps ───────────────────────────────────────────────────────────────────────────────────
  /** A question to the customer: the stage pauses until the answer (or the answer deadline). */
  private askCustomer(at: number): boolean {
    const r = this.random;
    const s = this.life.state;
    const t = this.agentTime(at);
    const requestId = `info-${s.counters.infoRequests + 1}`;
    const question = r.pick(this.texts.questions);
    if (!this.decide(t, { type: 'request_info', question }, this.plan.agent)) return false;
    s.counters.infoRequests++;
    s.pendingInfoRequest = { requestId, question, askedAt: iso(t), askedBy: this.plan.agent, returnTo: s.status, reminderSentAt: null };
    s.status = 'awaiting_customer';
    const clock = this.life.clock;
    if (clock) {
      clock.pausedAtMs = t;
      s.stage = { ...s.stage!, pausedAt: iso(t) };
    }
    const { answerDeadline, reminderAtShare } = this.definition.infoRequest ?? { answerDeadline: { workingDays: 10 }, reminderAtShare: 0.5 };
    const { reminderAtMs, deadlineMs } = this.clocks.window(t, answerDeadline, reminderAtShare);
    this.life.infoTimer = { requestId, reminderAtMs, deadlineMs };
    const link = this.issueLink(t, 'info_request', null, requestId);
    const answered = r.chance(0.8);
    const answerAt = answered ? Math.round((t + r.between(0.02, 0.8) * (deadlineMs - t)) / MINUTE) * MINUTE : deadlineMs;
    if (answerAt >= reminderAtMs) {
      if (this.past(reminderAtMs)) return false;
      s.pendingInfoRequest = { ...s.pendingInfoRequest, reminderSentAt: iso(reminderAtMs) };
      s.counters.reminders++;
      this.record(reminderAtMs, 'info_reminder_due', SYSTEM, { type: 'info_reminder_due', requestId });
    }
    if (this.past(answerAt)) return false;
    const returnTo = s.pendingInfoRequest.returnTo;
    if (answered) {
      link.usedAtMs = answerAt;
      this.record(answerAt, 'customer_answered_info', CUSTOMER, { type: 'customer_answered_info', requestId, text: r.pick(this.texts.infoAnswers), ...this.origin(link) });
    } else {
      link.revokedAtMs = answerAt;
      this.record(answerAt, 'info_answer_timed_out', SYSTEM, { type: 'info_answer_timed_out', requestId });
    }
    s.pendingInfoRequest = null;
    s.status = returnTo;
    this.life.infoTimer = null;
    if (clock) {
      this.clocks.resume(clock, answerAt);
      s.stage = { ...s.stage!, pausedAt: null };
    }
    return true;
  }

  private correctiveAction(t: number): boolean {
    const r = this.random;
    const s = this.life.state;
    const id = `ca-${s.correctiveActions.length + 1}`;
    const rootCause = r.pick(this.texts.rootCauses);
    const action = r.pick(this.texts.actions);
    const owner = r.pick(['quality-serkan', 'quality-aylin', 'supervisor-hulya', 'digital-arda']);
    const dueDate = iso(t + r.int(7, 60) * DAY).slice(0, 10);
    if (!this.decide(t, { type: 'record_corrective_action', rootCause, action, owner, dueDate }, this.plan.agent)) return false;
    s.correctiveActions = [...s.correctiveActions, { id, rootCause, action, owner, dueDate, recordedAt: iso(t), recordedBy: this.plan.agent }];
    this.life.correctiveActions.push({ id, rootCause, atMs: t });
    return true;
  }

  private propose(t: number, round: number): boolean {
    const r = this.random;
    const s = this.life.state;
    const outcome = r.weighted(OUTCOMES);
    const remedy: RemedyKind = outcome === 'not_upheld' ? r.pick(['explanation', 'apology'] as const) : r.pick(REMEDIES);
    const money = remedy === 'refund' || remedy === 'credit';
    const currency = money ? (this.plan.country === 'TR' || r.chance(0.8) ? 'TRY' : r.pick(['EUR', 'USD'])) : null;
    const amount = money ? Math.round(r.between(50, currency === 'TRY' ? 25_000 : 800) * 100) / 100 : null;
    const summary = this.texts.summaries[remedy] ?? remedy;
    const correctiveActionId = s.correctiveActions.at(-1)?.id;
    const decision = {
      type: 'propose_resolution', summary, remedy, outcome,
      ...(money ? { amount, currency } : {}),
      ...(correctiveActionId && r.chance(0.6) ? { correctiveActionId } : {}),
    };
    if (!this.endStageByDecision(t, decision, this.plan.agent)) return false;
    s.status = 'resolution_proposed';
    s.round = round;
    s.proposals = [
      ...s.proposals,
      {
        round, summary, remedy, amount, currency, correctiveActionId: (decision as { correctiveActionId?: string }).correctiveActionId ?? null,
        proposedAt: iso(t), proposedBy: this.plan.agent, reminderSentAt: null, answerTimedOutAt: null, answer: null,
        ...({ outcome } as object),
      },
    ];
    this.life.proposals.push({ round, outcome, remedy, amount, currency, proposedAtMs: t, answer: null, answeredAtMs: null });
    const { answerDeadline, reminderAtShare } = this.definition.acceptance;
    this.life.answerTimer = { round, ...this.clocks.window(t, answerDeadline, reminderAtShare) };
    this.issueLink(t, 'resolution', round, null);
    return true;
  }

  private reminder(atMs: number, round: number): boolean {
    if (this.past(atMs)) return false;
    const s = this.life.state;
    const last = s.proposals.at(-1)!;
    s.proposals = [...s.proposals.slice(0, -1), { ...last, reminderSentAt: iso(atMs) }];
    s.counters.reminders++;
    this.record(atMs, 'answer_reminder_due', SYSTEM, { type: 'answer_reminder_due', round });
    return true;
  }

  private answerProposal(atMs: number, outcome: 'accepted' | 'rejected' | 'deemed_accepted', link: SeedLink | null): void {
    const s = this.life.state;
    const last = s.proposals.at(-1)!;
    s.proposals = [...s.proposals.slice(0, -1), { ...last, answer: { outcome, at: iso(atMs) }, ...(outcome === 'deemed_accepted' ? { answerTimedOutAt: iso(atMs) } : {}) }];
    if (link) link.usedAtMs = atMs;
  }

  /** Closes the complaint with the event that closes it; a stage still running is abandoned. */
  private close(t: number, data: Record<string, unknown>, closure: Closure, actor: { actorId: string; actorRole: string } = this.actor(this.plan.agent)): void {
    if (this.past(t)) return;
    this.fireDue(t);
    const s = this.life.state;
    const stageOutcome = this.stopClock(t, true);
    this.revokeLinks(t);
    s.status = 'closed';
    s.closure = closure;
    s.closedAt = iso(t);
    s.pendingInfoRequest = null;
    this.life.answerTimer = null;
    this.life.infoTimer = null;
    this.record(t, data.type as string, actor, stageOutcome ? { ...data, stageOutcome } : data);
    const survey = this.definition.survey;
    if (survey?.afterClosures.includes(closure)) this.surveyAfter(t, survey.lifetime);
  }

  private surveyAfter(t: number, lifetime: { calendarDays: number } | { workingDays: number }): void {
    const r = this.random;
    const expiresAtMs = 'calendarDays' in lifetime ? t + lifetime.calendarDays * DAY : this.clocks.add(t, { workingDays: lifetime.workingDays });
    const link = this.issueLink(t, 'survey', null, null, expiresAtMs);
    if (!r.chance(0.35)) return;
    const answeredAtMs = Math.round((t + r.between(0.01, 0.5) * (expiresAtMs - t)) / 1000) * 1000;
    if (answeredAtMs > this.nowMs) {
      this.life.cut = true;
      return;
    }
    link.usedAtMs = answeredAtMs;
    const accepted = this.life.state.closure === 'accepted';
    const handling = Math.min(5, Math.max(1, Math.round(r.between(accepted ? 2.5 : 0.6, accepted ? 5.4 : 4.4))));
    const outcome = Math.min(5, Math.max(1, Math.round(r.between(accepted ? 2.8 : 0.6, accepted ? 5.4 : 4))));
    const reasons = SURVEY_REASONS.filter(() => r.chance(0.2));
    this.life.survey = {
      linkId: link.id, handling, outcome, reasons,
      comment: r.chance(0.3) ? r.pick(this.texts.comments) : null,
      language: this.plan.locale, answeredAtMs,
    };
  }

  // ── clocks ──────────────────────────────────────────────────────────────────────────────────
  private startStage(stage: TimedStageId, t: number): void {
    const s = this.life.state;
    this.life.clock = this.clocks.start(stage, t);
    s.stage = { id: stage, startedAt: iso(t), pausedAt: null, warned: false, breachCount: 0 };
    s.escalation = { stage, level: 0 };
  }

  /** The warnings and breaches of the running clock that came before `t` (and before now). */
  private fireDue(t: number): void {
    const clock = this.life.clock;
    if (!clock || clock.pausedAtMs !== null) return;
    const until = Math.min(t, this.nowMs);
    const s = this.life.state;
    for (;;) {
      // Due at its instant: a timer fires before a decision taken at that very moment.
      if (!clock.warned && clock.warningAtMs <= until && clock.warningAtMs <= clock.nextBreachAtMs) {
        clock.warned = true;
        s.counters.warnings++;
        s.stage = { ...s.stage!, warned: true };
        this.record(clock.warningAtMs, 'deadline_warning', SYSTEM, { type: 'deadline_warning', stage: clock.stage });
        continue;
      }
      if (clock.nextBreachAtMs <= until) {
        const at = clock.nextBreachAtMs;
        clock.breaches++;
        s.counters.breaches++;
        s.stage = { ...s.stage!, breachCount: clock.breaches };
        this.record(at, 'deadline_breached', SYSTEM, { type: 'deadline_breached', stage: clock.stage, breachCount: clock.breaches });
        const { onBreach } = this.definition.stages[clock.stage].escalation;
        if (onBreach[Math.min(clock.breaches, onBreach.length) - 1]?.escalate) this.raiseEscalation(this.seq, at);
        this.clocks.rearm(clock);
        continue;
      }
      return;
    }
  }

  private raiseEscalation(seq: number, atMs: number): void {
    const s = this.life.state;
    const levels = this.definition.stages[s.escalation.stage].escalation.levels;
    const level = Math.min(s.escalation.level + 1, levels.length - 1);
    s.escalation = { ...s.escalation, level };
    s.counters.escalations++;
    this.life.escalations.push({ seq, stage: s.escalation.stage, level: levels[level]!, atMs });
  }

  /** Stops the running clock at `t`; the stage outcome the ending transition records. */
  private stopClock(t: number, abandoned: boolean): Record<string, unknown> | null {
    const clock = this.life.clock;
    if (!clock) return null;
    const minutes = this.clocks.minutesToDeadline(clock, t);
    const met = minutes >= 0;
    this.life.clockRuns.push({ stage: clock.stage, startedAtMs: clock.startedAtMs, deadlineAtMs: clock.deadlineMs, endedAtMs: t, breached: clock.breaches > 0 });
    this.life.clock = null;
    this.life.state.stage = null;
    return { stage: clock.stage, outcome: abandoned ? 'abandoned' : met ? 'met' : 'breached', met, byMinutes: Math.abs(minutes) };
  }

  /** A system event or decision that ends the running stage (acknowledgement sent, classify, propose). */
  private endStage(t: number, data: Record<string, unknown>, type: string, actor: { actorId: string; actorRole: string }): boolean {
    if (this.past(t)) return false;
    this.fireDue(t);
    const stageOutcome = this.stopClock(t, false);
    this.record(t, type, actor, stageOutcome ? { ...data, stageOutcome } : data);
    return true;
  }

  private endStageByDecision(t: number, decision: Record<string, unknown>, agent: string): boolean {
    return this.endStage(t, decision, decision.type as string, this.actor(agent));
  }

  // ── recording ───────────────────────────────────────────────────────────────────────────────
  /** True (and the life stops there) when `t` is after now, or the complaint has reached where it stalls. */
  private past(t: number): boolean {
    if (t > this.nowMs || this.plan.stall === this.life.state.status) this.stopped = true;
    return this.stopped;
  }

  private decide(t: number, decision: Record<string, unknown>, agent: string): boolean {
    if (this.past(t)) return false;
    this.fireDue(t);
    this.record(t, decision.type as string, this.actor(agent), decision);
    return true;
  }

  private record(atMs: number, type: string, actor: { actorId: string; actorRole: string }, data: Record<string, unknown>, seq = ++this.seq): void {
    this.life.events.push({ seq, type, actorId: actor.actorId, actorRole: actor.actorRole, atMs, data });
    if (seq === 1) this.life.recordedAtMs = atMs;
    this.life.lastAtMs = Math.max(this.life.lastAtMs, atMs);
  }

  private issueLink(t: number, purpose: SeedLink['purpose'], round: number | null, requestId: string | null, expiresAtMs = t + 30 * DAY): SeedLink {
    const link: SeedLink = {
      id: this.linkIdOf(this.plan, ++this.linkCount),
      purpose, round, requestId, createdAtMs: t, expiresAtMs, usedAtMs: null, revokedAtMs: null,
    };
    this.life.links.push(link);
    return link;
  }

  private revokeLinks(t: number): void {
    for (const link of this.life.links) if (link.usedAtMs === null && link.revokedAtMs === null && link.purpose !== 'survey') link.revokedAtMs = t;
  }

  private origin(link: SeedLink): Record<string, unknown> {
    const r = this.random;
    return { linkId: link.id, clientAddressHash: (r() * 2 ** 52).toString(16).padStart(13, '0').repeat(5).slice(0, 64), userAgent: r.pick(USER_AGENTS) };
  }

  /** The end of the life: the lifecycle's last view (stage from the clock, updatedAt). */
  private finish(): void {
    const { life } = this;
    const s = life.state;
    // Warnings and breaches due by now on a stage still running.
    if (life.clock) this.fireDueUntilNow();
    s.updatedAt = iso(life.lastAtMs);
    s.round = life.proposals.length;
  }

  private fireDueUntilNow(): void {
    const wasStopped = this.stopped;
    this.stopped = false;
    this.fireDue(this.nowMs);
    this.stopped = wasStopped;
  }

  private actor(id: string): { actorId: string; actorRole: string } {
    return { actorId: id, actorRole: id.startsWith('supervisor-') ? 'supervisor' : 'agent' };
  }

  private agent(): string {
    return this.plan.agent;
  }

  private supervisorOr(agent: string): string {
    return this.random.chance(0.25) ? this.random.pick(SUPERVISORS) : agent;
  }

  /** Staff decide in working hours: the next opening, a few minutes in, on whole minutes. */
  private agentTime(t: number): number {
    const opening = this.clocks.opening(Math.round(t / MINUTE) * MINUTE);
    return opening === Math.round(t / MINUTE) * MINUTE ? opening : opening + this.random.int(2, 50) * MINUTE;
  }

}

import { weights } from './random.js';
const OUTCOMES = weights([['upheld', 45], ['partly_upheld', 30], ['not_upheld', 25]] as const);

function initialState(plan: ComplaintPlan): ComplaintState {
  const at = iso(plan.receivedAtMs);
  return {
    reference: plan.reference,
    channel: plan.channel,
    customer: { locale: plan.locale, country: plan.country, reachable: plan.reachable },
    status: 'received',
    closure: null,
    stage: null,
    round: 0,
    escalation: { stage: 'acknowledgement', level: 0 },
    assignee: null,
    team: null,
    classification: null,
    proposals: [],
    pendingInfoRequest: null,
    correctiveActions: [],
    externalOutcome: null,
    duplicateOf: null,
    receivedAt: at,
    acknowledgedAt: null,
    closedAt: null,
    updatedAt: at,
    counters: { warnings: 0, breaches: 0, escalations: 0, infoRequests: 0, reminders: 0, progressUpdates: 0, notes: 0, rejections: 0 },
  };
}
