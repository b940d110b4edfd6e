import type { Channel } from '../domain/complaint.js';

export type ReplyChannel = 'email' | 'sms' | 'letter';

/**
 * How we answer a customer: back through the channel the complaint came in where that channel
 * can carry an answer (web and e-mail → e-mail, phone → SMS), else whatever contact we have.
 */
export function replyChannel(intake: Channel, contact: { email: string | null; phone: string | null }): ReplyChannel {
  const preferred: ReplyChannel = intake === 'phone' ? 'sms' : 'email';
  if (preferred === 'email' && contact.email) return 'email';
  if (preferred === 'sms' && contact.phone) return 'sms';
  if (contact.email) return 'email';
  if (contact.phone) return 'sms';
  return 'letter';
}
