import { describe, expect, it } from 'vitest';
import type { Channel } from '../../domain/complaint.js';
import { acknowledgementChannel, replyChannel, type CustomerContactDetails } from '../../domain/reply-channel.js';

const contact = (c: Partial<CustomerContactDetails>): CustomerContactDetails => ({ email: null, phone: null, postalAddress: null, ...c });
const all = contact({ email: 'ayse@example.com', phone: '+905320000000', postalAddress: 'Atatürk Bulvarı 5, Ankara' });

describe('replyChannel: how we answer a customer', () => {
  it.each<[Channel, CustomerContactDetails, string]>([
    ['web', all, 'email'],
    ['email', all, 'email'],
    ['phone', all, 'sms'],
    ['letter', all, 'letter'],
    ['web', contact({ phone: '+905320000000' }), 'sms'],
    ['phone', contact({ email: 'ayse@example.com' }), 'email'],
    ['letter', contact({ email: 'ayse@example.com' }), 'email'],
    ['front_office', contact({}), 'letter'],
  ])('%s with %o → %s', (intake, details, expected) => {
    expect(replyChannel(intake, details)).toBe(expected);
  });
});

describe('acknowledgementChannel: back through the channel the complaint came in', () => {
  it.each<[Channel, CustomerContactDetails, string]>([
    ['web', all, 'email'],
    ['email', all, 'email'],
    ['phone', all, 'sms'],
    // A letter, a fax, a visit: an agent passes it on, even when we could e-mail.
    ['letter', all, 'agent'],
    ['fax', all, 'agent'],
    ['front_office', contact({}), 'agent'],
    ['letter', contact({ postalAddress: 'Atatürk Bulvarı 5, Ankara' }), 'agent'],
    // A chat or social customer with neither e-mail nor phone is answered on the platform, by an agent.
    ['live_chat', contact({}), 'agent'],
    ['social_media', contact({ postalAddress: 'Atatürk Bulvarı 5, Ankara' }), 'agent'],
    // The other channels keep the reply rules, and so does a chat or social customer who gave a way to reach them.
    ['live_chat', all, 'email'],
    ['social_media', contact({ phone: '+905320000000' }), 'sms'],
    ['dealer', contact({ phone: '+905320000000' }), 'sms'],
    ['phone', contact({ email: 'ayse@example.com' }), 'email'],
  ])('%s with %o → %s', (intake, details, expected) => {
    expect(acknowledgementChannel(intake, details)).toBe(expected);
  });
});
