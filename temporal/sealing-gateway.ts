// The API's gateway to complaint workflows with personal data sealed on the way in and opened on
// the way out. What staff and customers write into a running complaint (decision texts, answers,
// e-mails) is sealed with the complaint's data key before it becomes an update's argument, so its
// copies in the workflow's history, state and timeline are erased with the key. The snapshots the
// workflow answers carry those sealed texts; callers get them opened, as if nothing were sealed.
// A Temporal payload codec cannot do this: in TS SDK 1.24 it sees no workflow, so no complaint.
import { DomainError } from '../domain/errors.js';
import { sealCustomerAnswerFields, sealDecisionFields, sealMessageDetails } from '../domain/personal-fields.js';
import { DataKeyDestroyedError, type ComplaintSealer, type DataKeyStore } from '../security/data-keys.js';
import type { TemporalGateway } from './gateway.js';

export function sealingGateway(gateway: TemporalGateway, dataKeys: DataKeyStore): TemporalGateway {
  /** The complaint's sealer; complaints filed before data keys existed get one now (their earlier data stays as it was). */
  const sealerOf = async (complaintId: string): Promise<ComplaintSealer> => {
    try {
      return await dataKeys.sealerOfRunning(complaintId);
    } catch (err) {
      if (err instanceof DataKeyDestroyedError) {
        throw new DomainError('GONE', 'The personal data of this complaint was erased; it takes nothing more');
      }
      throw err;
    }
  };
  return {
    ...gateway,
    async decide(complaintId, input, requestKey) {
      const sealer = await sealerOf(complaintId);
      const sealed = { ...input, decision: sealDecisionFields(input.decision, sealer.seal) };
      return dataKeys.openDeep(await gateway.decide(complaintId, sealed, requestKey));
    },
    async answerAsCustomer(complaintId, input, requestKey, waitMs) {
      const sealer = await sealerOf(complaintId);
      const sealed = { ...input, answer: sealCustomerAnswerFields(input.answer, sealer.seal) };
      return dataKeys.openDeep(await gateway.answerAsCustomer(complaintId, sealed, requestKey, waitMs));
    },
    async customerWrote(complaintId, input, messageKey) {
      const sealer = await sealerOf(complaintId);
      const sealed = {
        message: sealCustomerAnswerFields(input.message, sealer.seal),
        details: sealMessageDetails(input.details, sealer.seal),
      };
      return dataKeys.openDeep(await gateway.customerWrote(complaintId, sealed, messageKey));
    },
    async migrateProcess(complaintId, input) {
      return dataKeys.openDeep(await gateway.migrateProcess(complaintId, input));
    },
    async migrationView(complaintId) {
      return dataKeys.openDeep(await gateway.migrationView(complaintId));
    },
  };
}
