// Signed, expiring links for the customer's answers. The token names the link id, complaint,
// purpose and round (or info request), and its expiry, under an HMAC-SHA256 with the configured
// secret: nothing in it is guessable, and the link row (response_links) lets it be revoked.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../domain/errors.js';

/** What a link answers: a proposal, our question, or the satisfaction survey after closure. */
export type LinkPurpose = 'resolution' | 'info_request' | 'survey';

export interface LinkClaims {
  linkId: string;
  complaintId: string;
  purpose: LinkPurpose;
  /** For `resolution` links. */
  round?: number;
  /** For `info_request` links. */
  requestId?: string;
  /** Expiry, epoch seconds. */
  expiresAt: number;
}

const VERSION = 'v1';

export class LinkSigner {
  constructor(private readonly secret: string) {
    if (secret.length < 32) throw new Error('the link signing secret must have at least 32 characters');
  }

  sign(claims: LinkClaims): string {
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${VERSION}.${payload}.${this.mac(payload)}`;
  }

  /**
   * The claims of an authentic, unexpired token. A tampered or malformed token is NOT_FOUND
   * (nothing tells a prober whether it came close); an expired one is GONE.
   */
  verify(token: string, nowMs: number): LinkClaims {
    const [version, payload, mac] = token.split('.');
    if (version !== VERSION || !payload || !mac) throw invalidLink();
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalidLink();
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LinkClaims;
    if (claims.expiresAt * 1000 <= nowMs) throw new DomainError('GONE', 'This link has expired');
    return claims;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(`${VERSION}.${payload}`).digest('base64url');
  }
}

function invalidLink(): DomainError {
  return new DomainError('NOT_FOUND', 'This link is not valid');
}
