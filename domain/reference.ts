/** Human-friendly complaint references: `CMP-2026-000123` (year of receipt, global sequence). */
export function formatReference(receivedAt: Date, sequence: number): string {
  return `CMP-${receivedAt.getUTCFullYear()}-${String(sequence).padStart(6, '0')}`;
}

export const REFERENCE_PATTERN = /^CMP-\d{4}-\d{6,}$/;
