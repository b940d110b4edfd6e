import { describe, expect, it } from 'vitest';
import { buildCustomerView, customerViewSchema, type CustomerComplaintRow } from '../../../api/customer/view.js';
import { languageOf as customerLanguage } from '../../../texts/languages.js';
import { CLOSURES, COMPLAINT_STATUSES, WORKING_STATUSES } from '../../../domain/complaint.js';
import type { ComplaintSnapshot } from '../../../workflows/complaint.messages.js';
import { anInfoRequestSnapshot, aProposal, aProposedSnapshot, aSnapshot, STAFF_ID } from '../../helpers/customer-fixtures.js';

function aRow(snapshot: ComplaintSnapshot | null, overrides: Partial<CustomerComplaintRow> = {}): CustomerComplaintRow {
  return {
    id: '5f0c3f4e-4a39-4f7e-9a43-0d6b1f7c2e11',
    reference: 'CMP-2026-000042',
    status: snapshot?.state.status ?? 'received',
    closure: snapshot?.state.closure ?? null,
    customer_locale: 'tr',
    received_at: new Date('2026-03-02T08:00:00Z'),
    acknowledged_at: null,
    closed_at: null,
    stage_deadline_at: new Date('2026-03-02T14:00:00Z'),
    stage_paused: false,
    pin_hash: 'scrypt$c2FsdA$aGFzaA',
    lifecycle: snapshot,
    ...overrides,
  };
}

/** Before every deadline in the fixtures (which lie in March 2026). */
const EARLY = new Date('2026-03-02T09:30:00Z');
const at = (now: Date) => (row: CustomerComplaintRow) => buildCustomerView(row, undefined, undefined, now);

describe('buildCustomerView', () => {
  it("labels the status in the customer's language and never shows staff ids, teams or the PIN hash", () => {
    const view = at(EARLY)(aRow(aSnapshot({ proposals: [aProposal({ answer: { outcome: 'rejected', at: '2026-03-03T10:00:00.000Z' } })], status: 'reinvestigating', round: 1 })));
    expect(view).toMatchObject({ status: 'reinvestigating', label: 'İnceleniyor', language: 'tr', aimToAnswerBy: '2026-03-06T15:00:00.000Z' });
    const json = JSON.stringify(view);
    for (const secret of [STAFF_ID, 'after-sales-istanbul', 'scrypt$', 'proposedBy', 'assignee', 'counters']) {
      expect(json).not.toContain(secret);
    }
  });

  it('answers in English for a language without texts (de-DE) and in Turkish for tr-TR', () => {
    expect(customerLanguage('de-DE')).toBe('en');
    expect(customerLanguage('tr-TR')).toBe('tr');
    expect(buildCustomerView(aRow(aSnapshot(), { customer_locale: 'de-DE' }))).toMatchObject({ language: 'en', label: 'Under review' });
  });

  it('shows the open proposal with the date its answer is due, and no stage deadline', () => {
    const view = at(EARLY)(aRow(aProposedSnapshot(1, { remedy: 'refund', amount: 14999.9, currency: 'TRY' })));
    expect(view.aimToAnswerBy).toBeNull();
    expect(view.proposal).toEqual({
      round: 1,
      summary: 'We will repair the machine at home free of charge.',
      remedy: 'refund',
      remedyLabel: 'Para iadesi',
      amount: 14999.9,
      currency: 'TRY',
      proposedAt: '2026-03-02T10:00:00.000Z',
      answerDueAt: '2099-03-16T15:00:00.000Z',
      answer: null,
    });
    expect(view.nextStep).toContain('kabul edin ya da reddedin');
  });

  it('shows our question while we wait, under the label of the status the complaint returns to', () => {
    const view = buildCustomerView(aRow(anInfoRequestSnapshot()));
    expect(view).toMatchObject({
      status: 'awaiting_customer',
      label: 'İnceleniyor',
      aimToAnswerBy: null,
      pendingQuestion: {
        question: 'Which model number is on the label?',
        askedAt: '2026-03-02T11:00:00.000Z',
        answerDueAt: '2099-03-16T11:00:00.000Z',
      },
    });
    expect(JSON.stringify(view)).not.toContain('info-1');
  });

  it('says why a closed complaint closed, with the decided proposal', () => {
    const accepted = aProposal({ answer: { outcome: 'accepted', at: '2026-03-04T09:00:00.000Z' } });
    const snapshot = aSnapshot({ status: 'closed', closure: 'accepted', closedAt: '2026-03-04T09:00:00.000Z', proposals: [accepted], round: 1 }, { stage: null });
    const view = buildCustomerView(aRow(snapshot, { customer_locale: 'en' }));
    expect(view).toMatchObject({ status: 'closed', closure: 'accepted', label: 'Closed', closedAt: '2026-03-04T09:00:00.000Z', aimToAnswerBy: null });
    expect(view.proposal).toMatchObject({ answer: { outcome: 'accepted', answeredAt: '2026-03-04T09:00:00.000Z' }, answerDueAt: null });
    expect(view.nextStep).toBe('You accepted our resolution, and your complaint is closed. Thank you.');
  });

  it('falls back to the row before the workflow has written its snapshot', () => {
    const view = at(EARLY)(aRow(null));
    expect(view).toMatchObject({ status: 'received', label: 'Oluşturuldu', aimToAnswerBy: '2026-03-02T14:00:00.000Z', proposal: null, pendingQuestion: null });
  });

  it('prefers a snapshot just returned by the workflow over the row it updates', () => {
    const answered = aProposedSnapshot(1);
    answered.state = { ...answered.state, status: 'reinvestigating', proposals: [aProposal({ answer: { outcome: 'rejected', at: '2026-03-05T09:00:00.000Z' } })] };
    expect(buildCustomerView(aRow(aProposedSnapshot(1)), answered)).toMatchObject({ status: 'reinvestigating', proposal: { answerDueAt: null } });
  });

  it.each(COMPLAINT_STATUSES)('shows the date we aim to answer by for %s exactly when we owe the next step', (status) => {
    const view = at(EARLY)(aRow(null, { status, closure: status === 'closed' ? 'accepted' : null }));
    const weOweIt = status === 'received' || (WORKING_STATUSES as readonly string[]).includes(status);
    expect(view.aimToAnswerBy).toBe(weOweIt ? '2026-03-02T14:00:00.000Z' : null);
  });

  it('never shows a passed date as one we aim to answer by: says we are late and when we write next', () => {
    const late = aSnapshot({}, { progressUpdateAt: '2026-03-09T09:00:00.000Z' });
    const afterDeadline = at(new Date('2026-03-07T09:00:00Z'))(aRow(late));
    expect(afterDeadline).toMatchObject({ aimToAnswerBy: null, laterThanPlanned: true, nextUpdateBy: '2026-03-09T09:00:00.000Z' });
    expect(at(EARLY)(aRow(late))).toMatchObject({ aimToAnswerBy: '2026-03-06T15:00:00.000Z', laterThanPlanned: false });
    const longAfter = at(new Date('2026-03-10T09:00:00Z'))(aRow(late));
    expect(longAfter).toMatchObject({ aimToAnswerBy: null, laterThanPlanned: true, nextUpdateBy: null });
  });

  it("never asks the customer to answer by a date that has passed (a timer late after an outage)", () => {
    const afterAnswerDeadline = at(new Date('2099-03-17T09:00:00Z'));
    expect(afterAnswerDeadline(aRow(aProposedSnapshot())).proposal).toMatchObject({ answerDueAt: null });
    const question = anInfoRequestSnapshot();
    const questionDue = question.deadlines.info?.deadline;
    expect(questionDue).toBeTruthy();
    expect(at(EARLY)(aRow(question)).pendingQuestion?.answerDueAt).toBe(questionDue);
    const afterQuestionDeadline = at(new Date(Date.parse(questionDue!) + 60_000));
    expect(afterQuestionDeadline(aRow(question)).pendingQuestion).toMatchObject({ answerDueAt: null });
  });

  it('is not late while the clock waits on the customer or after closure', () => {
    const afterDeadline = at(new Date('2026-03-07T09:00:00Z'));
    expect(afterDeadline(aRow(anInfoRequestSnapshot()))).toMatchObject({ aimToAnswerBy: null, laterThanPlanned: false });
    expect(afterDeadline(aRow(aSnapshot({ status: 'closed', closure: 'withdrawn' })))).toMatchObject({ laterThanPlanned: false });
  });

  const everyOutcome: Array<[string, string | null]> = COMPLAINT_STATUSES.flatMap((status) =>
    status === 'closed' ? CLOSURES.map((closure): [string, string | null] => [status, closure]) : [[status, null]],
  );
  it.each(everyOutcome)(
    'has a label and a next step in every language for %s %s',
    (status, closure) => {
      for (const locale of ['en', 'tr', 'fa-IR', 'az-AZ']) {
        const view = buildCustomerView(aRow(null, { status, closure, customer_locale: locale }));
        expect(customerViewSchema.parse(view).nextStep.length).toBeGreaterThan(10);
        expect(view.label.length).toBeGreaterThan(2);
      }
    },
  );
});
