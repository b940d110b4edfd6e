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

/**
 * Intake channels whose acknowledgement an agent passes on by hand, through the channel it came
 * in (seed 001): a letter, a fax, a visit to the front office. Plaint sends nothing for them; an
 * agent gets the text and the deadline (read-model/agent-acknowledgement.ts).
 */
export const AGENT_ACKNOWLEDGED_CHANNELS = ['letter', 'fax', 'front_office'] as const satisfies readonly Channel[];

/** `agent`: a person passes it on (the dispatcher does not send it). */
export type AcknowledgementChannel = ReplyChannel | 'agent';

/**
 * Channels that live on a platform (a chat widget, a social network). A customer there who gave
 * neither e-mail nor phone can only be answered on the platform, by an agent (the handle is kept in
 * integration_messages); with either, the reply rules apply.
 */
export const PLATFORM_CHANNELS = ['live_chat', 'social_media'] as const satisfies readonly Channel[];

/** A chat or social customer who gave neither e-mail nor phone: every message to them goes through an agent, on the platform. */
export function answeredOnPlatform(intake: Channel, contact: Pick<CustomerContactDetails, 'email' | 'phone'>): boolean {
  return (PLATFORM_CHANNELS as readonly Channel[]).includes(intake) && !contact.email && !contact.phone;
}

export function isAgentAcknowledged(intake: Channel, contact: Pick<CustomerContactDetails, 'email' | 'phone'>): boolean {
  return (AGENT_ACKNOWLEDGED_CHANNELS as readonly Channel[]).includes(intake) || answeredOnPlatform(intake, contact);
}

/**
 * How the acknowledgement goes back: web and e-mail → e-mail, phone → SMS (the rules above, with
 * their fallbacks), letter, fax and front office → an agent, and so does a chat or social
 * complaint without e-mail or phone (on its platform).
 */
export function acknowledgementChannel(intake: Channel, contact: CustomerContactDetails): AcknowledgementChannel {
  return isAgentAcknowledged(intake, contact) ? 'agent' : replyChannel(intake, contact);
}
