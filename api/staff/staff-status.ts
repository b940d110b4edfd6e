import { z } from '@hono/zod-openapi';
import { customerAnswerDueAt } from '../../domain/lifecycle/index.js';
import type { ComplaintSnapshot } from '../../workflows/complaint.messages.js';

const instant = z.iso.datetime({ offset: true });

/** Where a complaint stands, as staff see it after a decision. */
export const staffStatusSchema = z
  .object({
    reference: z.string().meta({ example: 'CMP-2026-000123' }),
    status: z.string().meta({ example: 'investigating' }),
    closure: z.string().nullable(),
    round: z.number().int().meta({ description: 'The round of the latest proposal; 0 before the first' }),
    escalationLevel: z.string().meta({ example: 'assignee' }),
    assignee: z.string().nullable(),
    team: z.string().nullable(),
    stage: z
      .object({ id: z.string(), startedAt: instant, warningAt: instant, deadline: instant, paused: z.boolean() })
      .nullable()
      .meta({ description: 'The running stage clock, its warning point and deadline' }),
    answerDueAt: instant
      .nullable()
      .meta({
        description:
          "When the customer's answer is due: to the open proposal, or to our open question; once a proposal's answer " +
          'timed out under `stay_open`, when it did (overdue)',
      }),
    progressUpdateAt: instant.nullable(),
    seq: z.number().int().meta({ description: 'Number of recorded transitions (timeline sequence)' }),
    processVersion: z.string(),
    lifecycle: z.record(z.string(), z.unknown()).meta({ description: 'The full lifecycle state (classification, proposals, …)' }),
  })
  .meta({ id: 'ComplaintSnapshot' });

export type StaffStatus = z.infer<typeof staffStatusSchema>;

export function toStaffStatus(s: ComplaintSnapshot): StaffStatus {
  return {
    reference: s.state.reference,
    status: s.state.status,
    closure: s.state.closure,
    round: s.state.round,
    escalationLevel: s.escalationLevel,
    assignee: s.state.assignee,
    team: s.state.team,
    stage: s.deadlines.stage,
    answerDueAt: customerAnswerDueAt(s.state, s.deadlines),
    progressUpdateAt: s.deadlines.progressUpdateAt,
    seq: s.seq,
    processVersion: s.processVersion,
    lifecycle: s.state as unknown as Record<string, unknown>,
  };
}
