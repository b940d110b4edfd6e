// Which of the files a customer attached we take: a known type read from the content, within the
// size and count limits. Every refusal names its file, so the form can say what to change.
import { sniffContentType, type AttachmentType } from './content-type.js';
import { sanitiseFileName } from './file-name.js';

export interface AttachmentLimits {
  /** Most files one complaint may carry. */
  maxCount: number;
  /** Largest single file, in bytes. */
  maxBytes: number;
  /** All files together, in bytes. */
  maxTotalBytes: number;
}

/** A file as it arrived: the name the sender gave it and its bytes. */
export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

/** A file we take: its sanitised name and the type its content shows. */
export interface AcceptedFile {
  name: string;
  contentType: AttachmentType;
  bytes: Uint8Array;
}

export type AttachmentProblem =
  | { kind: 'too_many'; maxCount: number }
  | { kind: 'too_large_total'; maxTotalBytes: number }
  | { kind: 'too_large'; name: string; maxBytes: number }
  | { kind: 'empty'; name: string }
  | { kind: 'unsupported_type'; name: string };

export type AttachmentCheck = { ok: true; files: AcceptedFile[] } | { ok: false; problems: AttachmentProblem[] };

/** All of `files` or none: the customer fixes the list and sends it again. */
export function checkAttachments(files: readonly IncomingFile[], limits: AttachmentLimits): AttachmentCheck {
  const problems: AttachmentProblem[] = [];
  if (files.length > limits.maxCount) problems.push({ kind: 'too_many', maxCount: limits.maxCount });
  const total = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  if (total > limits.maxTotalBytes) problems.push({ kind: 'too_large_total', maxTotalBytes: limits.maxTotalBytes });
  const accepted: AcceptedFile[] = [];
  for (const file of files) {
    const name = sanitiseFileName(file.name);
    if (file.bytes.byteLength === 0) {
      problems.push({ kind: 'empty', name });
      continue;
    }
    if (file.bytes.byteLength > limits.maxBytes) {
      problems.push({ kind: 'too_large', name, maxBytes: limits.maxBytes });
      continue;
    }
    const contentType = sniffContentType(file.bytes);
    if (!contentType) {
      problems.push({ kind: 'unsupported_type', name });
      continue;
    }
    accepted.push({ name, contentType, bytes: file.bytes });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, files: accepted };
}
