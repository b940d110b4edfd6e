// Turns what the preview and the plan's records hold into the API's answers.
import type { StaffRecipient } from '../../domain/lifecycle/index.js';
import type { DeadlineRules, ProcessMigratedRecord } from '../../domain/lifecycle/index.js';
import type { MigrationProgress } from '../../read-model/process-migrations.js';
import { staffRecipient } from '../../read-model/outbox.js';
import type { MigrationPreviewItem } from '../../workflows/process-migration.messages.js';
import type { MigrationPreviewBody, MigrationProgressBody } from './process-migrations.schemas.js';

type PreviewEntry = MigrationPreviewBody['complaints'][number];

/** The preview's answer: one entry per complaint and the totals a process owner reviews first. */
export function previewBody(
  head: Pick<MigrationPreviewBody, 'definitionId' | 'targetVersion' | 'targetVersionId' | 'at' | 'matched'> & { deadlineRules: DeadlineRules },
  items: MigrationPreviewItem[],
): MigrationPreviewBody {
  const complaints = items.map(previewEntry);
  const skipped: Record<string, number> = {};
  for (const c of complaints) if (c.skip) skipped[c.skip.reason] = (skipped[c.skip.reason] ?? 0) + 1;
  return {
    dryRun: true,
    ...head,
    truncated: head.matched > items.length,
    summary: {
      migrates: complaints.filter((c) => c.migrates).length,
      skipped,
      breached: complaints.filter((c) => c.breached).length,
      guarded: complaints.filter((c) => c.guarded.length > 0).length,
      escalations: complaints.reduce((n, c) => n + c.escalations.length, 0),
      messages: complaints.reduce((n, c) => n + c.messages.length, 0),
    },
    complaints,
  };
}

function previewEntry(item: MigrationPreviewItem): PreviewEntry {
  const head = { reference: item.reference, complaintId: item.complaintId, status: item.status, fromVersion: item.fromVersion };
  if (!item.outcome.migrates) {
    return { ...head, migrates: false, skip: item.outcome.skip, ...noEffect(), escalationLevel: null, escalations: [], messages: [] };
  }
  const { record, consequences } = item.outcome;
  return {
    ...head,
    migrates: true,
    skip: null,
    ...effectOf(record),
    escalationLevel: { old: record.escalationLevel.old, new: consequences.escalationLevel },
    escalations: consequences.events.flatMap((e): PreviewEntry['escalations'] => {
      if (e.type === 'deadline_warning') return [{ type: e.type, breachCount: null }];
      return e.type === 'deadline_breached' ? [{ type: e.type, breachCount: e.breachCount }] : [];
    }),
    messages: consequences.messages.map((m) => ({ audience: m.audience, template: m.template, recipient: m.recipient ? recipientName(m.recipient) : 'customer' })),
  };
}

/** A plan's state: counts, skips by reason, and a page of its complaints. */
export function progressBody(p: MigrationProgress, page: { limit: number; offset: number }): MigrationProgressBody {
  return {
    migrationId: p.id,
    definitionId: p.definitionId,
    targetVersion: p.targetVersion,
    targetVersionId: p.targetVersionId,
    status: p.status,
    deadlineRules: p.deadlineRules,
    filter: p.filter as Record<string, unknown>,
    requestedBy: p.requestedBy,
    requestedAt: p.requestedAt,
    applyAt: p.applyAt,
    startedAt: p.startedAt,
    finishedAt: p.finishedAt,
    counts: p.counts,
    skipped: p.skipped,
    page,
    complaints: p.items.map((i) => ({
      reference: i.reference,
      complaintId: i.complaintId,
      fromVersion: i.fromVersion,
      status: i.status,
      reason: i.reason,
      message: i.message,
      ...(i.record ? effectOf(i.record) : noEffect()),
      attempts: i.attempts,
      finishedAt: i.finishedAt,
    })),
  };
}

function effectOf(r: ProcessMigratedRecord) {
  const { stage, rule, deadline, warningAt, answerDeadline, infoDeadline, progressUpdateAt, guarded, breached } = r;
  return { stage, rule, deadline, warningAt, answerDeadline, infoDeadline, progressUpdateAt, guarded, breached };
}

function noEffect() {
  return { stage: null, rule: null, deadline: null, warningAt: null, answerDeadline: null, infoDeadline: null, progressUpdateAt: null, guarded: [], breached: false };
}

/** `director`, `role:supervisor`, `user:agent-7`, …: who a staff message goes to (a level by its name alone). */
function recipientName(r: StaffRecipient): string {
  return r.kind === 'escalation_level' ? r.level : staffRecipient(r);
}
