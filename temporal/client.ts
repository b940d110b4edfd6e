import { Client, Connection, type ClientInterceptors } from '@temporalio/client';
import { encryptingDataConverter, type EncryptionKey } from '../security/payload-codec.js';

export interface TemporalClientOptions {
  address: string;
  namespace: string;
  encryptionKeys: readonly EncryptionKey[];
  /** Tracing's interceptors (temporal/tracing.ts), when configured. */
  interceptors?: ClientInterceptors | undefined;
}

/** A client whose payloads are encrypted the same way the worker's are. */
export async function connectTemporalClient(opts: TemporalClientOptions): Promise<Client> {
  const connection = await Connection.connect({ address: opts.address });
  return new Client({
    connection,
    namespace: opts.namespace,
    dataConverter: encryptingDataConverter(opts.encryptionKeys),
    ...(opts.interceptors ? { interceptors: opts.interceptors } : {}),
  });
}
