// Who reads a customer's contact in full, and what an auditor reads instead: enough to see that a
// channel exists and to tell two contacts apart, never enough to write, call or visit.
import { describe, expect, it } from 'vitest';
import { customerContactFor, maskEmail, maskPhone, maskRecipient } from '../../domain/customer-masking.js';

const contact = { name: 'Ayşe Yılmaz', email: 'ayse.yilmaz@example.com.tr', phone: '+90 532 000 00 17', postalAddress: 'Atatürk Bulvarı 5\n06420 Ankara' };

describe('customer contact by role', () => {
  it('shows agents, supervisors and admins the contact as given', () => {
    for (const role of ['agent', 'supervisor', 'admin'] as const) expect(customerContactFor(role, contact)).toEqual({ ...contact, masked: false });
  });

  it('masks every channel for an auditor and a process owner, keeping the name and what is absent', () => {
    for (const role of ['auditor', 'process_owner'] as const) {
      expect(customerContactFor(role, contact)).toEqual({ name: 'Ayşe Yılmaz', email: 'a•••@e•••.tr', phone: '•••17', postalAddress: '•••', masked: true });
      expect(customerContactFor(role, { ...contact, email: null, phone: null, postalAddress: null })).toMatchObject({ email: null, phone: null, postalAddress: null });
    }
  });

  it('leaves nothing of the local part or the host, even for odd addresses', () => {
    expect(maskEmail('x@localhost')).toBe('x•••@l•••');
    expect(maskEmail('not-an-address')).toBe('•••');
    expect(maskPhone('5')).toBe('•••5');
    expect(maskRecipient('ayse@example.com', 'email')).toBe('a•••@e•••.com');
    expect(maskRecipient('+905320000017', 'sms')).toBe('•••17');
    expect(maskRecipient('team:after_sales', 'staff_inbox')).toBe('team:after_sales');
    // An agent's row names whatever the agent passes it on to: an address, a phone, a handle.
    expect(maskRecipient('Atatürk Bulvarı 5\n06420 Ankara', 'agent')).toBe('•••');
    expect(maskRecipient('@ayse.yilmaz (Instagram)', 'agent')).toBe('•••');
  });
});
