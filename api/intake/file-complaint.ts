// Intake: PostgreSQL first, then the workflow. The complaint row, its first event and the
// idempotency ledger are written in one transaction, so a complaint is never half-accepted;
// starting the workflow is idempotent (its ID is the complaint's), so a retry, or the API's
// intake reconciler, finishes an intake that crashed between the two steps. Once the transaction
// has committed the complaint is ours: Temporal being down no longer fails the request.
import { createHash, randomUUID } from 'node:crypto';
import type { Sql, TransactionSql } from 'postgres';
import { DomainError } from '../../domain/errors.js';
import { formatReference } from '../../domain/reference.js';
import { pinnedVersionOf } from '../../domain/process-definitions/versions.js';
import type { PinProcess } from '../../read-model/process-pinning.js';
import { CURRENT_RULES_VERSION, type ComplaintIntake, type ComplaintWorkflowInput } from '../../workflows/complaint.messages.js';
import type { IntakeRequest, IntakeResponse } from './intake.schemas.js';
import { generatePin, type TrackingPins } from '../../security/pin.js';
import type { SealedBox } from '../../security/sealed-box.js';
import { queueTrackingPinSms } from '../../read-model/tracking-pin-sms.js';
import type { TemporalGateway } from '../../temporal/gateway.js';
import type { CustomerLookupHasher } from '../../security/customer-lookup.js';
import type { DataKeyStore } from '../../security/data-keys.js';
import { sealIntakeFields } from '../../domain/personal-fields.js';
import type { ApiMetrics } from '../http/metrics.js';

export interface IntakeDeps {
  sql: Sql;
  temporal: TemporalGateway;
  sealedBox: SealedBox;
  /** The process version a new complaint is pinned to, chosen by the selection rules (read-model/process-pinning.ts). */
  pinProcess: PinProcess;
  /** Base of the tracking link in the PIN SMS (PUBLIC_BASE_URL); the SMS goes without a link when absent. */
  publicBaseUrl?: string | undefined;
  /** Hashes the customer's e-mail and phone for staff's exact lookup (never a plain index of them). */
  customerLookup: CustomerLookupHasher;
  /** Makes the complaint's data key in the intake transaction and seals the workflow's personal input with it. */
  dataKeys: DataKeyStore;
  /** Hashes the tracking PIN under the current key (never stored or logged in the clear). */
  trackingPins: TrackingPins;
  /** Counts filed complaints by channel for GET /metrics (absent: not counted). */
  metrics?: Pick<ApiMetrics, 'intakes'> | undefined;
}

/** How long (hours) a retry with the same Idempotency-Key gets the first response (and PIN) back. */
export const INTAKE_REPLAY_HOURS = 24;

/** What the intake ledger keeps, sealed: enough to answer a retry and to (re)start the workflow. */
export interface SealedIntake {
  response: IntakeResponse;
  input: ComplaintWorkflowInput;
}

export interface IntakeResult {
  response: IntakeResponse;
  /** False when an earlier request with the same Idempotency-Key created it. */
  created: boolean;
  /** True when Temporal was unavailable: the complaint is stored, the intake reconciler starts its workflow. */
  workflowPending: boolean;
}

/** What a channel files besides the body (the web form's attachments and consent; who entered it). */
export interface IntakeExtras {
  /** The staff member filing it (the API key's or the console's person); absent for the customer's own. */
  enteredBy?: { id: string; role: string };
  /** When it was received, as the API resolved the body's `receivedAt` (domain/receipt-time.ts); default now. */
  receivedAt?: string;
  /** Also make a request what it is: a retry with the same key and other extras is a conflict (the attachments' sha256). */
  fingerprintParts?: readonly string[];
  /** Writes in the intake transaction, after the complaint's row: filed with the complaint, or neither is. */
  writeWithComplaint?: (tx: TransactionSql, complaint: { id: string; reference: string; receivedAt: string }) => Promise<void>;
  /** What the key is called in a 409's message when the caller never sent an Idempotency-Key (a platform's message id). */
  keyName?: string;
}

export async function fileComplaint(
  deps: IntakeDeps,
  request: IntakeRequest,
  idempotencyKey?: string,
  extras: IntakeExtras = {},
): Promise<IntakeResult> {
  const fingerprinted = extras.fingerprintParts ? [request, extras.fingerprintParts] : request;
  const fingerprint = createHash('sha256').update(JSON.stringify(fingerprinted)).digest('hex');
  const key = idempotencyKey ?? `auto:${randomUUID()}`;
  const keyName = extras.keyName ?? 'this Idempotency-Key';
  // A key of our own making was never used before: only a caller's key can have an earlier answer.
  const earlier = idempotencyKey === undefined ? undefined : await replay(deps, key, fingerprint, keyName);
  if (earlier) {
    deps.metrics?.intakes.inc({ channel: request.channel, outcome: 'replayed' });
    return earlier;
  }

  const pin = generatePin();
  const enteredAt = new Date().toISOString();
  // The workflow gets the complaint and the resolved receipt time; who entered it, at which office
  // or through whom stays in the read model.
  const { receivedAt: _asGiven, frontOffice, intermediary, ...complaint } = request;
  const intake: ComplaintIntake = {
    complaintId: randomUUID(),
    reference: '',
    ...complaint,
    receivedAt: extras.receivedAt ?? enteredAt,
    pinHash: deps.trackingPins.hash(pin),
  };
  const entry = {
    enteredAt,
    ...(extras.enteredBy ? { enteredBy: extras.enteredBy } : {}),
    ...(frontOffice ? { frontOffice } : {}),
    ...(intermediary ? { intermediary } : {}),
  };
  let input: ComplaintWorkflowInput | undefined;
  let started: Promise<boolean> | undefined;
  // Two round trips besides BEGIN and COMMIT: the statements of each batch go out together
  // (postgres.js pipelines what is issued in one tick), as the intake's cost is mostly round trips.
  const response = await deps.sql.begin(async (tx) => {
    // The key is taken first (its row is only visible once all is written): a concurrent request
    // with it waits for this transaction and then finds the finished answer.
    const [[seq], sealer, taken, process] = await Promise.all([
      // The transaction's id goes to the workflow, started before the commit: its first activity waits for this transaction's outcome.
      tx<{ n: number; xid: string }[]>`SELECT nextval('complaint_reference_seq') AS n, txid_current()::text AS xid`,
      // The complaint's data key is made with the complaint (a rollback leaves neither): the workflow
      // only ever sees the personal fields sealed with it, so destroying the key erases its history's copies.
      deps.dataKeys.ensure(intake.complaintId, tx),
      tx`
        INSERT INTO intake_requests (idempotency_key, fingerprint, complaint_id, reference)
        VALUES (${key}, ${fingerprint}, ${intake.complaintId}, ${intake.complaintId /* unique until the reference replaces it below */})
        ON CONFLICT (idempotency_key) DO NOTHING RETURNING 1`,
      // New complaints run under the current rules and the process version chosen now for their whole
      // life, across continue-as-new: the input is sealed into the ledger, so a retry or the reconciler
      // starts the workflow on this same pin.
      deps.pinProcess({ channel: request.channel, country: request.customer.country }, tx),
    ]);
    const pinned = pinnedVersionOf(process);
    if (taken.length === 0) throw new KeyTakenConcurrently(); // rolls back the data key too
    intake.reference = formatReference(new Date(intake.receivedAt), seq!.n);
    input = { intake: sealIntakeFields(intake, sealer.seal), process, rulesVersion: CURRENT_RULES_VERSION, intakeTransaction: seq!.xid };
    // Started while the rest is written and committed (issue 15: intake costs about one bare start).
    // Should this transaction fail, the workflow finds it aborted and ends without a trace (recordComplaint).
    started = startUnlessUnavailable(deps, input);
    started.catch(() => undefined); // awaited after the commit; a failed commit must not leave it unhandled
    const response: IntakeResponse = {
      id: intake.complaintId,
      reference: intake.reference,
      pin,
      status: 'received',
      receivedAt: intake.receivedAt,
    };
    const c = intake.customer;
    // Promise.all sends these in this order (postgres.js issues a query when it is first awaited),
    // so the complaint's row is in before the SMS row that refers to it.
    const written = Promise.all([
      tx`
        UPDATE intake_requests SET reference = ${intake.reference}, sealed_response = ${deps.sealedBox.seal({ response, input } satisfies SealedIntake)}
        WHERE idempotency_key = ${key}`,
      tx`
        INSERT INTO complaints (id, reference, channel, status, customer_name, customer_email, customer_phone,
          customer_locale, customer_country, customer_postal_address, subject, description, category, product, pin_hash, received_at,
          process_version, process_definition_id, process_definition_version, process_definition_hash,
          customer_email_hash, customer_phone_hash, entered_at, entered_by, front_office, intermediary)
        VALUES (${intake.complaintId}, ${intake.reference}, ${intake.channel}, 'received', ${c.name}, ${c.email ?? null},
          ${c.phone ?? null}, ${c.locale}, ${c.country ?? null}, ${c.postalAddress ?? null}, ${intake.subject}, ${intake.description},
          ${intake.category ?? null}, ${intake.product ?? null}, ${intake.pinHash}, ${intake.receivedAt},
          ${process.versionId}, ${pinned.definitionId}, ${pinned.version}, ${pinned.contentHash},
          ${deps.customerLookup.email(c.email)}, ${deps.customerLookup.phone(c.phone)},
          ${enteredAt}, ${extras.enteredBy?.id ?? null}, ${frontOffice ?? null}, ${intermediary ?? null})`,
      tx`
        INSERT INTO complaint_events (complaint_id, seq, type, actor_id, actor_role, occurred_at, data)
        VALUES (${intake.complaintId}, 0, 'received', 'intake', 'system', ${intake.receivedAt},
          ${tx.json({ channel: intake.channel, ...entry, ...(intermediary ? { intermediary: sealer.seal(intermediary) } : {}) })})`,
    ]);
    // The reference and the PIN by SMS whenever a phone number is given: queued with the complaint
    // (a crash cannot lose it or send it for a complaint we never stored), the PIN sealed.
    const trackingUrl = deps.publicBaseUrl && `${deps.publicBaseUrl}/track?reference=${encodeURIComponent(intake.reference)}`;
    const pinSms = c.phone
      ? queueTrackingPinSms(tx, deps.sealedBox, {
          complaintId: intake.complaintId, reference: intake.reference, phone: sealer.seal(c.phone), locale: c.locale, pin, trackingUrl,
        })
      : undefined;
    await Promise.all([written, pinSms]);
    await extras.writeWithComplaint?.(tx, { id: intake.complaintId, reference: intake.reference, receivedAt: intake.receivedAt });
    return response;
  }).catch((err: unknown) => {
    if (err instanceof KeyTakenConcurrently) return undefined; // a concurrent request with this key won
    throw err;
  });
  if (!response) {
    const winner = await replay(deps, key, fingerprint, keyName);
    if (!winner) throw new DomainError('CONFLICT', `A request with ${keyName} is in progress; retry`);
    return winner;
  }
  const workflowPending = await started!;
  deps.metrics?.intakes.inc({ channel: request.channel, outcome: workflowPending ? 'workflow_pending' : 'created' });
  return { response, created: true, workflowPending };
}

/** Thrown inside the intake transaction to roll it back when a concurrent request holds the key. */
class KeyTakenConcurrently extends Error {}

async function replay(deps: IntakeDeps, key: string, fingerprint: string, keyName: string): Promise<IntakeResult | undefined> {
  const [row] = await deps.sql<{ fingerprint: string; sealed_response: string | null }[]>`
    SELECT fingerprint, sealed_response FROM intake_requests WHERE idempotency_key = ${key}`;
  if (!row) return undefined;
  if (row.fingerprint !== fingerprint) {
    throw new DomainError('CONFLICT', `${keyName.charAt(0).toUpperCase()}${keyName.slice(1)} was used with a different request body`);
  }
  // Erased after INTAKE_REPLAY_HOURS by the intake reconciler: the PIN is no longer kept.
  if (row.sealed_response === null) {
    throw new DomainError('CONFLICT', `This Idempotency-Key is older than ${INTAKE_REPLAY_HOURS} hours; file again without it`);
  }
  const { response, input } = deps.sealedBox.open<SealedIntake>(row.sealed_response);
  // The first attempt may have died before the workflow started: make sure it runs.
  return { response, created: false, workflowPending: await startUnlessUnavailable(deps, input) };
}

/** Starts the workflow of a stored complaint; true when Temporal is unavailable (the reconciler starts it later). */
async function startUnlessUnavailable(deps: IntakeDeps, input: ComplaintWorkflowInput): Promise<boolean> {
  try {
    await deps.temporal.startComplaint(input);
    return false;
  } catch (err) {
    if (err instanceof DomainError && err.code === 'TEMPORARILY_UNAVAILABLE') return true;
    throw err;
  }
}
