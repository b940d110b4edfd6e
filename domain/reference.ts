/** Human-friendly complaint references: `CMP-2026-000123` (year of receipt, global sequence). */
export function formatReference(receivedAt: Date, sequence: number): string {
  return `CMP-${receivedAt.getUTCFullYear()}-${String(sequence).padStart(6, '0')}`;
}

/** Longest reference: the sequence has 6 digits, more once it passes 999,999, at most 10. */
export const MAX_REFERENCE_LENGTH = 19;

export const REFERENCE_PATTERN = /^CMP-\d{4}-\d{6,10}$/;
