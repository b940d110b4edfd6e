// The reducer's output besides the new state: what the workflow must do, as plain data. The
// workflow runs them in order, as activities or timers; none of them can refuse the transition.
import type { BusinessDuration } from '../business-duration.js';
import type { Closure, Role, TimedStageId } from '../complaint.js';
import type { SurveyLifetime } from '../process-definition.js';
import type { EscalationLevelId, EscalationPolicy } from '../sla/escalation.js';

/** How a stage clock ended: in time, after a breach, or cut short because the complaint closed. */
export type StageOutcome = 'met' | 'breached' | 'abandoned';

/** Staff to notify. `escalation_level` ids (`teamLead`, …) are resolved by the notifier. */
export type StaffRecipient =
  | { kind: 'user'; userId: string }
  | { kind: 'team'; team: string }
  | { kind: 'department'; department: string }
  | { kind: 'role'; role: Role }
  | { kind: 'escalation_level'; level: EscalationLevelId };

export type CustomerTemplate =
  | 'info_requested'
  | 'resolution_proposed'
  | 'answer_reminder'
  | 'reinvestigation_started'
  | 'progress_update'
  | 'complaint_closed'
  | 'info_reminder'
  | 'info_request_lapsed'
  | 'info_request_cancelled';

export type StaffTemplate =
  | 'complaint_assigned'
  | 'complaint_routed'
  | 'deadline_warning'
  | 'deadline_breached'
  | 'complaint_escalated'
  | 'customer_answered_info'
  | 'customer_wrote'
  | 'resolution_accepted'
  | 'resolution_rejected'
  | 'answer_timed_out'
  | 'info_request_timed_out'
  | 'complaint_open_external'
  | 'complaint_closed'
  | 'corrective_action_assigned'
  | 'activity_failed';

/** Template parameters: flat JSON values only. */
export type NotificationParams = Readonly<Record<string, string | number | boolean | null>>;

/** One external remedy in the customer's language (fallback locale when theirs is missing). */
export interface LocalizedRemedy {
  id: string;
  name: string;
  description: string;
  url: string | null;
  locale: string;
}

export type Effect =
  /**
   * Send the acknowledgement (reference, tracking PIN) back through the intake channel, then
   * report `acknowledgement_sent` once delivered.
   */
  | { kind: 'send_acknowledgement' }
  /**
   * Start the SLA clock (domain/sla/clock.ts `startClock`); report `deadline_warning` at
   * `warnAtShare` and each `deadline_breached` the policy fires (domain/sla/escalation-run.ts).
   */
  | {
      kind: 'start_stage_clock';
      stage: TimedStageId;
      duration: BusinessDuration;
      warnAtShare: number;
      escalation: EscalationPolicy;
    }
  /** Stop the stage clock's time from counting (the customer owes information). */
  | { kind: 'pause_stage_clock'; stage: TimedStageId }
  /** Continue counting, with the deadline pushed out by the paused business time. */
  | { kind: 'resume_stage_clock'; stage: TimedStageId }
  /** Stop the clock; its outcome (`met`/`breached`) comes from the clock, `abandoned` when closed early. */
  | { kind: 'stop_stage_clock'; stage: TimedStageId; abandoned: boolean }
  /** Fire `answer_reminder_due` at `reminderAtShare` of `deadline` and `customer_answer_timed_out` at it. */
  | { kind: 'start_answer_clock'; round: number; deadline: BusinessDuration; reminderAtShare: number }
  | { kind: 'stop_answer_clock'; round: number }
  /** Fire `info_reminder_due` at `reminderAtShare` of `deadline` and `info_answer_timed_out` at it. */
  | { kind: 'start_info_clock'; requestId: string; deadline: BusinessDuration; reminderAtShare: number }
  | { kind: 'stop_info_clock'; requestId: string }
  /** (Re)start the silence timer: fire `progress_update_due` after `every` without news. */
  | { kind: 'restart_progress_timer'; every: BusinessDuration }
  | { kind: 'stop_progress_timer' }
  | { kind: 'notify_customer'; template: CustomerTemplate; params: NotificationParams }
  | { kind: 'notify_staff'; recipient: StaffRecipient; template: StaffTemplate; params: NotificationParams }
  /** A signed link for the customer's answer, bound to the round or the request id. */
  | { kind: 'issue_response_link'; purpose: 'resolution'; round: number }
  | { kind: 'issue_response_link'; purpose: 'info_request'; requestId: string }
  /** Revoke every open response link of the complaint (answered, superseded or closed). */
  | { kind: 'revoke_response_links' }
  /** Tell the customer where they can go outside the company, with texts already chosen. */
  | { kind: 'inform_external_remedies'; country: string; locale: string; remedies: LocalizedRemedy[] }
  /** Issue a survey link (purpose `survey`) open for `lifetime`; the closure message carries it. */
  | { kind: 'request_satisfaction_survey'; closure: Closure; lifetime: SurveyLifetime };

export type EffectKind = Effect['kind'];
