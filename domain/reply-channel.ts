import type { Channel } from './complaint.js';

export type ReplyChannel = 'email' | 'sms' | 'letter';

/** How we can reach the customer, as intake recorded it. */
export interface CustomerContactDetails {
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
}

/**
 * How we answer a customer: back through the channel the complaint came in where that channel
 * can carry an answer (web and e-mail → e-mail, phone → SMS, a letter with its address → letter),
 * else whatever contact we have.
 */
export function replyChannel(intake: Channel, contact: CustomerContactDetails): ReplyChannel {
  if (intake === 'letter' && contact.postalAddress) return 'letter';
  const preferred: ReplyChannel = intake === 'phone' ? 'sms' : 'email';
  if (preferred === 'email' && contact.email) return 'email';
  if (preferred === 'sms' && contact.phone) return 'sms';
  if (contact.email) return 'email';
  if (contact.phone) return 'sms';
  return 'letter';
}
