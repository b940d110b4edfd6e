// Where a complaint's evidence files live: one interface, so a file or object store can replace
// PostgreSQL without touching the form or the download routes. Files never pass through Temporal.
// `store` runs inside the intake transaction: a store that keeps the bytes elsewhere writes them
// first (content-addressed by sha256) and its metadata rows in that transaction, so a complaint
// is never filed with some of its files missing and a failed upload files nothing.
import { createHash, randomUUID } from 'node:crypto';
import type { Sql, TransactionSql } from 'postgres';
import type { AttachmentType } from '../domain/attachments/content-type.js';
import type { AcceptedFile } from '../domain/attachments/limits.js';
import { DomainError } from '../domain/errors.js';
import type { DataKeyStore } from '../security/data-keys.js';

/** What an attachment's name reads once its complaint's personal data was erased. */
export const ERASED_ATTACHMENT_NAME = '[erased]';

/** What is known about a stored attachment, without its bytes. */
export interface AttachmentInfo {
  id: string;
  /** Sanitised (domain/attachments/file-name.ts). */
  name: string;
  /** Sniffed from the content when it was stored. */
  contentType: AttachmentType;
  sizeBytes: number;
  /** Hex SHA-256 of the content, so staff can show a file is the one the customer sent. */
  sha256: string;
  createdAt: string;
}

export interface AttachmentContent extends AttachmentInfo {
  content: Uint8Array;
}

export interface AttachmentStore {
  /** Stores `files` for the complaint, in this order after any it has, within the transaction `tx` (intake's, or a reply's). */
  store(tx: TransactionSql, complaintId: string, files: readonly AcceptedFile[]): Promise<AttachmentInfo[]>;
  /** The complaint's attachments, in the order attached. */
  list(complaintId: string): Promise<AttachmentInfo[]>;
  /** One attachment of the complaint with its bytes; undefined when the complaint has none with this id; GONE once erased. */
  read(complaintId: string, attachmentId: string): Promise<AttachmentContent | undefined>;
}

/** SHA-256 of bytes, hex: what `store` records and the download answers as a digest. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface AttachmentRow {
  id: string;
  /** Null once the complaint's personal data was erased (read-model/erasure.ts): the row keeps type and size. */
  original_name: string | null;
  content_type: AttachmentType;
  size_bytes: number;
  sha256: string | null;
  created_at: Date;
}

const info = (row: AttachmentRow): AttachmentInfo => ({
  id: row.id,
  // An erased file keeps its place, type and size; its name and hash are gone.
  name: row.original_name ?? '',
  contentType: row.content_type,
  sizeBytes: row.size_bytes,
  sha256: row.sha256 ?? '',
  createdAt: row.created_at.toISOString(),
});

/**
 * Attachments as `bytea` rows in the read model's database (table complaint_attachments, 0015),
 * their content and name sealed with the complaint's data key (0035): erasing the complaint
 * erases its files. The sha256 stays plain: a digest, so staff can show which file was sent.
 */
export function postgresAttachmentStore(sql: Sql, dataKeys: DataKeyStore): AttachmentStore {
  const opened = async (row: AttachmentRow): Promise<AttachmentInfo> => ({
    ...info(row),
    name: row.original_name === null ? ERASED_ATTACHMENT_NAME : (await dataKeys.open(row.original_name, { erased: ERASED_ATTACHMENT_NAME }))!,
  });
  return {
    async store(tx, complaintId, files) {
      if (files.length === 0) return [];
      const sealer = await dataKeys.ensure(complaintId, tx);
      const stored: AttachmentInfo[] = [];
      // After the files the complaint has: a reply by e-mail adds evidence to a filed complaint.
      const [{ next } = { next: 0 }] = await tx<{ next: number }[]>`
        SELECT coalesce(max(position) + 1, 0) AS next FROM complaint_attachments WHERE complaint_id = ${complaintId}`;
      for (const [index, file] of files.entries()) {
        const [row] = await tx<AttachmentRow[]>`
          INSERT INTO complaint_attachments (id, complaint_id, position, original_name, content_type, size_bytes, sha256, content, content_sealed)
          VALUES (${randomUUID()}, ${complaintId}, ${next + index}, ${sealer.seal(file.name)}, ${file.contentType}, ${file.bytes.byteLength},
            ${sha256Hex(file.bytes)}, ${sealer.sealBytes(file.bytes)}, true)
          RETURNING id, original_name, content_type, size_bytes, sha256, created_at`;
        stored.push({ ...info(row!), name: file.name });
      }
      return stored;
    },
    async list(complaintId) {
      const rows = await sql<AttachmentRow[]>`
        SELECT id, original_name, content_type, size_bytes, sha256, created_at
        FROM complaint_attachments WHERE complaint_id = ${complaintId} ORDER BY position`;
      return Promise.all(rows.map(opened));
    },
    async read(complaintId, attachmentId) {
      const [row] = await sql<(AttachmentRow & { content: Buffer | null; content_sealed: boolean })[]>`
        SELECT id, original_name, content_type, size_bytes, sha256, created_at, content, content_sealed
        FROM complaint_attachments WHERE complaint_id = ${complaintId} AND id = ${attachmentId}`;
      if (!row) return undefined;
      // Erasure deletes the bytes (and the data key): the file is gone, not missing.
      if (row.content === null) throw new DomainError('GONE', 'This attachment was erased with the personal data of its complaint');
      const content = row.content_sealed ? await dataKeys.openBytes(complaintId, row.content) : row.content;
      if (content === null) throw new DomainError('GONE', 'This attachment was erased with the personal data of its complaint');
      return { ...(await opened(row)), content: new Uint8Array(content) };
    },
  };
}
