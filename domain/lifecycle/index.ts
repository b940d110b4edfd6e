// The complaint lifecycle as a pure reducer, free of zod, I/O and Temporal so the workflow bundle
// can import it. The modules live in ./lifecycle/; this file is the public surface.
export { advance, initialEffects, UnreachableError, type AdvanceResult } from './advance.js';
export { stageDuration } from './clocks.js';
export type {
  CustomerTemplate,
  Effect,
  EffectKind,
  LocalizedRemedy,
  NotificationParams,
  StaffRecipient,
  StaffTemplate,
  StageOutcome,
} from './effects.js';
export type {
  Actor,
  CustomerAnswer,
  CustomerAnswerOf,
  Decision,
  DecisionOf,
  LifecycleEvent,
  SystemEvent,
  SystemEventOf,
} from './events.js';
export { localizedRemedies } from './remedies.js';
export { allowedDecisions, decisionsOfRole, DECISIONS_BY_STATUS, roleMayDecide } from './rules.js';
export { routeClassification, type Routing } from './routing.js';
export { DEFAULT_SURVEY_POLICY, surveyPolicy } from './survey.js';
export { customerAnswerDueAt, infoRequestPolicy } from './waiting-for-customer.js';
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
} from './state.js';
