// The routes the reports bench calls read PostgreSQL only; createApp still needs a gateway. This one
// answers what the API answers when Temporal is down, so a route that did call it would say so.
import { DomainError } from '../../domain/errors.js';
import type { TemporalGateway } from '../../temporal/gateway.js';

export function absentTemporal(): TemporalGateway {
  const down = async (): Promise<never> => {
    throw new DomainError('TEMPORARILY_UNAVAILABLE', 'the reports bench runs without Temporal');
  };
  return {
    startComplaint: down,
    decide: down,
    answerAsCustomer: down,
    customerWrote: down,
    migrateProcess: down,
    migrationView: down,
    previewProcessMigration: down,
    startProcessMigration: down,
    closeForErasure: down,
    runRetention: down,
    // As the real gateway answers when the workflow does not answer in time.
    allowedDecisions: async () => null,
    isReachable: async () => false,
  };
}
