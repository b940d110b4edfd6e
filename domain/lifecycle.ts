// The complaint lifecycle as a pure reducer, free of zod, I/O and Temporal so the workflow bundle
// can import it. The modules live in ./lifecycle/; this file is the public surface.
export { advance, initialEffects, UnreachableError, type AdvanceResult } from './lifecycle/advance.js';
export { stageDuration } from './lifecycle/clocks.js';
export type {
  CustomerTemplate,
  Effect,
  EffectKind,
  LocalizedRemedy,
  NotificationParams,
  StaffRecipient,
  StaffTemplate,
  StageOutcome,
} from './lifecycle/effects.js';
export type {
  Actor,
  CustomerAnswer,
  CustomerAnswerOf,
  Decision,
  DecisionOf,
  LifecycleEvent,
  SystemEvent,
  SystemEventOf,
} from './lifecycle/events.js';
export { localizedRemedies } from './lifecycle/remedies.js';
export { allowedDecisions, DECISIONS_BY_STATUS, roleMayDecide } from './lifecycle/rules.js';
export { customerAnswerDueAt, infoRequestPolicy } from './lifecycle/waiting-for-customer.js';
export {
  currentProposal,
  initialState,
  type Classification,
  type ComplaintState,
  type CorrectiveAction,
  type EscalationProgress,
  type ExternalOutcome,
  type LifecycleCounters,
  type LifecycleStartInput,
  type PendingInfoRequest,
  type Proposal,
  type ProposalAnswer,
  type StageProgress,
} from './lifecycle/state.js';
