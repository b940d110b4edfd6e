// What staff read: short notices that name the complaint by reference, say what happened and what
// to do next. Staff may see the customer's reasons and escalation reasons; ids still become words.
// The sentences are in texts/catalogs/<language>/staff-messages.ts.
import type { StaffTemplate } from '../../domain/lifecycle/effects.js';
import { capitalize } from '../format.js';
import { given, type MessageKey } from '../translate.js';
import { humanize, lines, messageContext, paragraphs, type MessageContext, type MessageParams, type RenderedMessage } from './params.js';

type Template = (c: MessageContext) => RenderedMessage;

/** Subject and body, plus the staff console link when the activity passes one. */
function notice(c: MessageContext, subject: string, ...body: (string | null | false)[]): RenderedMessage {
  const url = c.text('complaintUrl');
  return {
    subject: c.t('staff.subjectLine', { subject }),
    body: paragraphs(...body, url && `${c.t('staff.openLink')}\n${url}`),
  };
}

/** `round` and `withRound`, for "proposal 2" / "the proposal". */
function round(c: MessageContext) {
  const n = c.count('round');
  return { round: n ?? 0, withRound: given(n) };
}

/** A level id in words, capitalized to stand after a colon. */
function level(c: MessageContext, key: string): string | null {
  const words = c.labelOrId('staff.level', key);
  return words && capitalize(words, c.language);
}

/** The stage in words (an unknown stage id as words too), with `withStage`. */
function stage(c: MessageContext) {
  const words = c.labelOrId('staff.stage', 'stage');
  return { stage: words ?? '', withStage: given(words) };
}

/** Who recorded an answer staff took down, and how it came; null when the customer answered through their link. */
function recordedBy(c: MessageContext): string | null {
  const by = c.text('recordedBy');
  const channel = c.labelOrId('staff.recordedChannel', 'channel');
  // No one recorded it, yet it came another way than the link: the customer's own e-mail.
  if (!by) return channel ? c.t('staff.cameBy', { channel }) : null;
  return c.t('staff.recordedBy', { recordedBy: by, channel: channel ?? '', withChannel: given(channel) });
}

const STAFF_TEMPLATES: Readonly<Record<StaffTemplate, Template>> = {
  complaint_assigned(c) {
    const status = c.label('staff.status', 'status');
    return notice(
      c,
      c.t('staff.complaint_assigned.subject'),
      c.t('staff.complaint_assigned.intro'),
      status && c.t('staff.complaint_assigned.status', { status }),
      c.label('staff.nextStep', 'status') ?? c.t('staff.nextStep.other'),
    );
  },

  complaint_routed(c) {
    const category = humanize(c.text('category'));
    const severity = c.label('staff.severity', 'severity');
    const urgent = ['high', 'critical'].includes(c.text('severity') ?? '') ? 'yes' : 'no';
    return notice(
      c,
      c.t('staff.complaint_routed.subject'),
      c.t('staff.complaint_routed.intro'),
      lines(
        category && c.t('staff.complaint_routed.category', { category }),
        severity && c.t('staff.complaint_routed.severity', { severity }),
      ),
      c.t('staff.complaint_routed.action', { urgent }),
    );
  },

  deadline_warning(c) {
    const dueAt = c.when('dueAt');
    return notice(
      c,
      c.t('staff.deadline_warning.subject'),
      c.t('staff.deadline_warning.intro', { ...stage(c), dueAt: dueAt ?? '', withDueAt: given(dueAt) }),
      c.t('staff.deadline_warning.action'),
    );
  },

  deadline_breached(c) {
    const breachCount = c.count('breachCount');
    const owner = level(c, 'owner');
    return notice(
      c,
      c.t('staff.deadline_breached.subject'),
      c.t('staff.deadline_breached.intro', stage(c)),
      breachCount !== null && breachCount > 1 && c.t('staff.deadline_breached.repeated', { breachCount }),
      owner && c.t('staff.deadline_breached.owner', { owner }),
      c.t('staff.deadline_breached.action'),
    );
  },

  complaint_escalated(c) {
    const owner = level(c, 'level');
    const reason = c.text('reason');
    return notice(
      c,
      c.t('staff.complaint_escalated.subject'),
      c.t('staff.complaint_escalated.intro'),
      lines(
        owner && c.t('staff.complaint_escalated.level', { level: owner }),
        reason && c.t('staff.complaint_escalated.reason', { reason }),
      ),
      c.t('staff.complaint_escalated.action'),
    );
  },

  customer_answered_info(c) {
    const requestId = c.text('requestId');
    return notice(
      c,
      c.t('staff.customer_answered_info.subject'),
      c.t('staff.customer_answered_info.intro', { requestId: requestId ?? '', withRequestId: given(requestId) }),
      recordedBy(c),
      c.t('staff.customer_answered_info.action'),
    );
  },

  customer_wrote(c) {
    const channel = c.labelOrId('staff.recordedChannel', 'channel');
    const message = c.text('message');
    return notice(
      c,
      c.t('staff.customer_wrote.subject'),
      c.t('staff.customer_wrote.intro', { channel: channel ?? '', withChannel: given(channel) }),
      // After closure there is no timeline to read it on: the notice carries it.
      message && lines(c.t('staff.customer_wrote.closed'), c.t('staff.customer_wrote.message', { message })),
      c.t('staff.customer_wrote.action'),
    );
  },

  resolution_accepted: (c) =>
    notice(
      c,
      c.t('staff.resolution_accepted.subject'),
      c.t('staff.resolution_accepted.intro', round(c)),
      recordedBy(c),
      c.t('staff.resolution_accepted.action'),
    ),

  resolution_rejected(c) {
    const reason = c.text('reason');
    return notice(
      c,
      c.t('staff.resolution_rejected.subject'),
      c.t('staff.resolution_rejected.intro', round(c)),
      reason && c.t('staff.resolution_rejected.reason', { reason }),
      recordedBy(c),
      c.t('staff.resolution_rejected.action'),
    );
  },

  answer_timed_out(c) {
    const noAnswer = c.text('noAnswer');
    return notice(
      c,
      c.t('staff.answer_timed_out.subject'),
      c.t('staff.answer_timed_out.intro', round(c)),
      c.t(
        noAnswer === 'deemed_accepted'
          ? 'staff.answer_timed_out.deemedAccepted'
          : noAnswer === 'stay_open'
            ? 'staff.answer_timed_out.stayOpen'
            : 'staff.answer_timed_out.other',
      ),
    );
  },

  info_request_timed_out(c) {
    const requestId = c.text('requestId');
    const onNoAnswer = c.text('onNoAnswer');
    return notice(
      c,
      c.t('staff.info_request_timed_out.subject'),
      c.t('staff.info_request_timed_out.intro', { requestId: requestId ?? '', withRequestId: given(requestId) }),
      c.t(
        onNoAnswer === 'close_no_response'
          ? 'staff.info_request_timed_out.closed'
          : onNoAnswer === 'resume'
            ? 'staff.info_request_timed_out.resumed'
            : 'staff.info_request_timed_out.other',
      ),
    );
  },

  complaint_open_external: (c) =>
    notice(
      c,
      c.t('staff.complaint_open_external.subject'),
      c.t('staff.complaint_open_external.intro', round(c)),
      c.t('staff.complaint_open_external.action'),
    ),

  complaint_closed(c) {
    const closure = c.labelOrId('staff.closure', 'closure');
    const reason = c.text('reason');
    const duplicateOf = c.text('duplicateOf');
    const decision = c.label('staff.externalDecision', 'externalDecision');
    return notice(
      c,
      c.t('staff.complaint_closed.subject'),
      c.t('staff.complaint_closed.intro', { closure: closure ?? '', withClosure: given(closure) }),
      lines(
        reason && c.t('staff.complaint_closed.note', { reason }),
        duplicateOf && c.t('staff.complaint_closed.original', { duplicateOf }),
        decision && c.t('staff.complaint_closed.decision', { decision }),
      ),
      c.t(afterClosure(c.text('closure'))),
    );
  },

  corrective_action_assigned(c) {
    const id = c.text('correctiveActionId');
    const dueDate = c.when('dueDate');
    return notice(
      c,
      c.t('staff.corrective_action_assigned.subject'),
      c.t('staff.corrective_action_assigned.intro', {
        id: id ?? '',
        withId: given(id),
        dueDate: dueDate ?? '',
        withDueDate: given(dueDate),
      }),
      c.t('staff.corrective_action_assigned.action'),
    );
  },

  activity_failed(c) {
    const activity = c.text('activity');
    const error = [c.text('errorType'), c.text('message')].filter(Boolean).join(': ');
    return notice(
      c,
      c.t('staff.activity_failed.subject'),
      c.t('staff.activity_failed.intro', {
        activity: activity ?? '',
        withActivity: given(activity),
        error,
        withError: given(error || null),
      }),
      c.t('staff.activity_failed.action'),
    );
  },
};

/** What is left to do once a complaint closed this way. */
function afterClosure(closure: string | null): MessageKey {
  if (closure === 'accepted' || closure === 'deemed_accepted') return 'staff.complaint_closed.afterAccepted';
  if (closure === 'external_decision') return 'staff.complaint_closed.afterExternalDecision';
  return 'staff.complaint_closed.nothingLeft';
}

/** A staff notice in the staff locale (`tr`, `tr-TR` → Turkish; a language without a catalog → English). */
export function renderStaffMessage(template: StaffTemplate, locale: string, params: MessageParams): RenderedMessage {
  return STAFF_TEMPLATES[template](messageContext(locale, params));
}

