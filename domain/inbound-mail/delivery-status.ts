// A delivery status notification (RFC 3464): which of our messages it reports on, and whether
// delivery failed for good. The `message/delivery-status` part is header-like blocks: one for the
// reporting server, then one per recipient with `Action` (failed, delayed, delivered, relayed,
// expanded), `Status` (5.x.x permanent, 4.x.x transient) and the server's `Diagnostic-Code`.
// Only `failed` makes a message bounced; a delay is the server still trying.

export interface RecipientStatus {
  finalRecipient: string | null;
  action: string;
  status: string | null;
  diagnostic: string | null;
}

export function parseDeliveryStatus(text: string): RecipientStatus[] {
  const blocks = text.replace(/\r\n/g, '\n').split(/\n[ \t]*\n/);
  const recipients: RecipientStatus[] = [];
  for (const block of blocks) {
    const fields = headerFields(block);
    const action = fields.get('action')?.toLowerCase();
    if (!action) continue;
    recipients.push({
      finalRecipient: addressPart(fields.get('final-recipient') ?? fields.get('original-recipient')),
      action,
      status: fields.get('status') ?? null,
      diagnostic: fields.get('diagnostic-code') ?? null,
    });
  }
  return recipients;
}

/** The failed recipients' reason in one line for staff (`last_error`), or null when nothing failed. */
export function bounceReason(recipients: readonly RecipientStatus[]): string | null {
  const failed = recipients.filter((r) => r.action === 'failed');
  if (failed.length === 0) return null;
  const said = failed.map((r) => [r.status, r.diagnostic].filter(Boolean).join(' ') || 'failed').join('; ');
  const line = `bounced (delivery status notification): ${said}`;
  return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}

/**
 * The idempotency keys of our own messages that a text names as Message-IDs (`<uuid@domain>`
 * with our From domain): the DSN's copy of the original headers carries the one it reports on.
 */
export function ourMessageKeys(text: string, fromDomain: string): string[] {
  const domain = fromDomain.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`<([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@${domain}>`, 'gi');
  return [...new Set([...text.matchAll(pattern)].map((m) => m[1]!.toLowerCase()))];
}

function headerFields(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  // Folded lines continue the field above them.
  for (const line of block.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
  }
  return fields;
}

/** `rfc822; ayse@example.com` → `ayse@example.com`. */
function addressPart(value: string | undefined): string | null {
  if (!value) return null;
  const semicolon = value.indexOf(';');
  return (semicolon >= 0 ? value.slice(semicolon + 1) : value).trim().toLowerCase() || null;
}
