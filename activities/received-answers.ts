// The customers' answers received while no worker took them (read-model/customer-answers.ts): a
// complaint whose answer deadline comes asks here first, so an answer given in time is taken even
// when the relay has not delivered it yet (workers were down until after the deadline).
import type { Sql } from 'postgres';
import { sealCustomerAnswerFields } from '../domain/personal-fields.js';
import { DataKeyDestroyedError, type DataKeyStore } from '../security/data-keys.js';
import { customerAnswerUpdateId, type CustomerAnswerInput } from '../workflows/complaint.messages.js';

export interface ReceivedAnswerQuery {
  complaintId: string;
  /** `round:<n>` or `info:<requestId>`, as the answer was recorded. */
  slot: string;
  /** Only an answer received before this instant (the deadline) counts. */
  receivedBefore: string;
}

export function createReceivedAnswerActivities(deps: { sql: Sql; dataKeys: DataKeyStore }) {
  return {
    /** The answer to `slot` received in time and not yet delivered, sealed as the sealing gateway seals an update's; null if none. */
    async receivedCustomerAnswer(query: ReceivedAnswerQuery): Promise<{ updateId: string; input: CustomerAnswerInput } | null> {
      const [row] = await deps.sql<{ update_id: string; sealed_input: string }[]>`
        SELECT update_id, sealed_input FROM customer_answers
        WHERE complaint_id = ${query.complaintId} AND answer_slot = ${query.slot} AND status = 'pending'
          AND received_at < ${query.receivedBefore}`;
      if (!row) return null;
      const opened = await deps.dataKeys.open(row.sealed_input);
      if (opened === null) return null; // erased meanwhile: nothing to take
      const input = JSON.parse(opened) as CustomerAnswerInput;
      // Erased between the two reads: nothing to take (a throw would retry for ever).
      const sealer = await deps.dataKeys.sealerOfRunning(query.complaintId).catch((err: unknown) => {
        if (err instanceof DataKeyDestroyedError) return null;
        throw err;
      });
      if (!sealer) return null;
      return { updateId: customerAnswerUpdateId(row.update_id), input: { ...input, answer: sealCustomerAnswerFields(input.answer, sealer.seal) } };
    },
  };
}
