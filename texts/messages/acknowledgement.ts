// The acknowledgement's texts that are not letters: the short SMS with the reference and the
// tracking PIN (its body keeps the PIN's placeholder; only delivery puts the PIN there), and the
// notice telling an agent to pass a letter, fax or front-office complaint's acknowledgement on (or a
// chat or social one's, on its platform).
import { given } from '../translate.js';
import { messageContext, paragraphs, type RenderedMessage } from './params.js';

/** The PIN SMS, with `pin` standing where the PIN goes (the stored body holds a placeholder). */
export function renderTrackingPinSms(locale: string, params: { reference: string; pin: string; trackingUrl?: string | undefined }): RenderedMessage {
  const c = messageContext(locale, { ...params });
  const trackingUrl = c.text('trackingUrl');
  return {
    subject: c.t('sms.trackingPin.subject'),
    body: c.t('sms.trackingPin.text', { pin: params.pin, trackingUrl: trackingUrl ?? '', withTrackingUrl: given(trackingUrl) }),
  };
}

export interface AgentAcknowledgementParams {
  reference: string;
  /** The intake channel: letter, fax, front_office; live_chat or social_media without e-mail or phone. */
  channel: string;
  customerName: string;
  postalAddress: string | null;
  phone: string | null;
  /** Where a chat or social customer is answered: the platform's name, their handle there and the conversation's link. */
  platform?: { name: string; handle: string; conversationUrl: string | null } | null;
  /** True when nobody acknowledges it automatically (no e-mail or phone): the agent records `acknowledge`. */
  manual: boolean;
  /** By when the customer must have it (ISO instant), shown in `timeZone`. */
  dueAt: string | null;
  timeZone: string;
}

/** What an agent must pass on, how, and by when (staff read it in the staff language). */
export function renderAgentAcknowledgementTask(locale: string, p: AgentAcknowledgementParams): RenderedMessage {
  const { platform, ...params } = p;
  const c = messageContext(locale, params);
  const channel = c.label('staff.agentAcknowledgement.channel', 'channel') ?? p.channel;
  const dueAt = c.when('dueAt');
  const address = c.text('postalAddress');
  const phone = c.text('phone');
  const contact =
    p.channel === 'letter' && address
      ? c.t('staff.agentAcknowledgement.contact.postal', { address: address.replace(/\s*\r?\n\s*/g, ', ') })
      : phone
        ? c.t('staff.agentAcknowledgement.contact.phone', { phone })
        : platform
          ? c.t('staff.agentAcknowledgement.contact.platform', {
              platform: platform.name, handle: platform.handle, url: platform.conversationUrl ?? '', withUrl: given(platform.conversationUrl),
            })
          : address
            ? c.t('staff.agentAcknowledgement.contact.postal', { address: address.replace(/\s*\r?\n\s*/g, ', ') })
            : c.t('staff.agentAcknowledgement.contact.inPerson');
  return {
    subject: c.t('staff.subjectLine', { subject: c.t('staff.agentAcknowledgement.subject', { channel }) }),
    body: paragraphs(
      c.t('staff.agentAcknowledgement.body', {
        channel, customerName: p.customerName, dueAt: dueAt ?? '', withDueAt: given(dueAt), contact, manual: p.manual ? 'yes' : 'no',
      }),
    ),
  };
}
