// Which fields of what the workflow is given carry personal data: these travel sealed with the
// complaint's data key (security/data-keys.ts), so destroying the key erases them everywhere,
// Temporal histories included. Each field keeps its type (string | null | undefined), so workflow
// code and the reducer work on sealed strings unchanged (`Boolean(email || phone)` still holds).
// Ids, references, dates, enums, amounts and the customer's locale and country stay plain: reports
// and the lifecycle need them and they name nobody.
//
// Pure: `seal` is passed in (a ComplaintSealer's), so this file does no crypto and no I/O.
import type { ComplaintIntakeBody } from './complaint.js';
import type { CustomerAnswer, Decision } from './lifecycle/events.js';

export type Seal = (text: string) => string;

/** The intake's personal fields: the customer's name and contacts, the subject and the description. */
export function sealIntakeFields<T extends ComplaintIntakeBody>(intake: T, seal: Seal): T {
  const { customer } = intake;
  return {
    ...intake,
    subject: seal(intake.subject),
    description: seal(intake.description),
    customer: {
      ...customer,
      name: seal(customer.name),
      ...(customer.email !== undefined ? { email: seal(customer.email) } : {}),
      ...(customer.phone !== undefined ? { phone: seal(customer.phone) } : {}),
      ...(customer.postalAddress !== undefined ? { postalAddress: seal(customer.postalAddress) } : {}),
    },
  };
}

/**
 * A decision's free texts (notes, questions, proposals, reasons, what the customer said). What
 * names no one stays plain: categories, assignees (staff ids), references, dates, remedies.
 */
export function sealDecisionFields(decision: Decision, seal: Seal): Decision {
  switch (decision.type) {
    case 'request_info':
      return { ...decision, question: seal(decision.question) };
    case 'propose_resolution':
      return { ...decision, summary: seal(decision.summary) };
    case 'escalate':
    case 'withdraw':
    case 'close_out_of_scope':
    case 'cancel_info_request':
      return { ...decision, reason: seal(decision.reason) };
    case 'note':
      return { ...decision, text: seal(decision.text) };
    case 'record_corrective_action':
      return { ...decision, rootCause: seal(decision.rootCause), action: seal(decision.action) };
    case 'record_external_outcome':
      return { ...decision, bodyReference: seal(decision.bodyReference), summary: seal(decision.summary) };
    case 'record_customer_answer':
      return { ...decision, text: seal(decision.text) };
    default:
      return decision;
  }
}

/** What the customer wrote: a rejection's reason, an answer to our question, an e-mail. */
export function sealCustomerAnswerFields<T extends CustomerAnswer>(answer: T, seal: Seal): T {
  switch (answer.type) {
    case 'customer_rejected':
      return { ...answer, reason: seal(answer.reason) };
    case 'customer_answered_info':
    case 'customer_wrote':
      return { ...answer, text: seal(answer.text) };
    default:
      return answer;
  }
}

/** An inbound e-mail's subject and the names of its attachments, kept on the timeline. */
export function sealMessageDetails(details: { subject: string; attachments: string[] }, seal: Seal): { subject: string; attachments: string[] } {
  return { subject: seal(details.subject), attachments: details.attachments.map(seal) };
}
