import { z } from 'zod';
import { businessDurationSchema } from '../business-duration.js';

/**
 * Escalation chain as data. Levels are stable ids, ordered from the stage owner upwards
 * (e.g. `assignee → teamLead → complaintsManager → director`). At the warning point the policy
 * notifies; at each breach it notifies, may escalate ownership one level, and may re-arm: the
 * next breach step fires a given business duration after this one. A step without `rearmAfter`
 * ends the chain; the last step, if it has `rearmAfter`, repeats until the stage ends.
 *
 * Plain JSON only (no transforms): the parsed policy travels in Temporal workflow input.
 * The pure evaluation lives in `escalation-steps.ts` (no zod) so workflow code can import it.
 */

/** A stable level id (camelCase), never a display name. */
export const escalationLevelIdSchema = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*$/, 'a level id is camelCase letters and digits')
  .max(40);

/** The usual chain; a policy may use any ids. */
export const DEFAULT_ESCALATION_LEVELS = [
  'assignee',
  'teamLead',
  'complaintsManager',
  'director',
] as const;

export const escalationWarningSchema = z.strictObject({
  /** Level ids to notify when the warning point (a share of the business time) is reached. */
  notify: z.array(escalationLevelIdSchema).min(1).max(10),
});

export const escalationBreachStepSchema = z.strictObject({
  /** Level ids to notify at this breach. */
  notify: z.array(escalationLevelIdSchema).max(10),
  /** Move ownership one level up the chain (stays at the top once there). */
  escalate: z.boolean(),
  /** Business time until the next breach step fires; absent = the chain ends here. */
  rearmAfter: businessDurationSchema.optional(),
});

export const escalationPolicySchema = z
  .strictObject({
    /** Ordered from the stage owner upwards; the first is who owns the stage at its start. */
    levels: z.array(escalationLevelIdSchema).min(1).max(10),
    onWarning: escalationWarningSchema.optional(),
    /** Step i fires at breach i (the first at the stage deadline). */
    onBreach: z.array(escalationBreachStepSchema).min(1).max(20),
  })
  .superRefine((policy, ctx) => {
    const known = new Set<string>();
    policy.levels.forEach((level, i) => {
      if (known.has(level)) {
        ctx.addIssue({ code: 'custom', path: ['levels', i], message: `level "${level}" is listed twice` });
      }
      known.add(level);
    });
    const checkNotify = (notify: readonly string[], path: (string | number)[]) =>
      notify.forEach((level, i) => {
        if (!known.has(level)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'notify', i],
            message: `unknown level "${level}"; this chain's levels are ${policy.levels.join(', ')}`,
          });
        }
      });
    if (policy.onWarning) checkNotify(policy.onWarning.notify, ['onWarning']);
    policy.onBreach.forEach((step, i) => checkNotify(step.notify, ['onBreach', i]));
    // Each escalating step moves ownership one level up; a listed step beyond the top would
    // escalate to a level that does not exist. (A last step that re-arms may repeat at the top.)
    let level = 0;
    policy.onBreach.forEach((step, i) => {
      if (!step.escalate) return;
      level++;
      if (level >= policy.levels.length) {
        const top = policy.levels[policy.levels.length - 1];
        ctx.addIssue({
          code: 'custom',
          path: ['onBreach', i, 'escalate'],
          message:
            `escalates past the top level "${top}": the chain has ${policy.levels.length} level` +
            `${policy.levels.length === 1 ? '' : 's'}, so at most ${policy.levels.length - 1} step` +
            `${policy.levels.length === 2 ? '' : 's'} can escalate (set escalate to false here)`,
        });
      }
    });
  });

export type EscalationLevelId = z.infer<typeof escalationLevelIdSchema>;
export type EscalationBreachStep = z.infer<typeof escalationBreachStepSchema>;
export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;

/** A sensible default: warn the assignee, then climb one level per breach, re-arming daily. */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  levels: [...DEFAULT_ESCALATION_LEVELS],
  onWarning: { notify: ['assignee'] },
  onBreach: [
    { notify: ['assignee', 'teamLead'], escalate: true, rearmAfter: { workingHours: 4 } },
    { notify: ['teamLead', 'complaintsManager'], escalate: true, rearmAfter: { workingDays: 1 } },
    { notify: ['complaintsManager', 'director'], escalate: true, rearmAfter: { workingDays: 1 } },
  ],
};

export {
  applyEscalationStep,
  nextEscalationStep,
  startEscalation,
  type EscalationClock,
  type EscalationState,
  type EscalationStep,
  type NextEscalation,
} from './escalation-steps.js';
