// Which staff roles read a customer's contact details (e-mail, phone, postal address) in full, and
// how the others read them: masked enough that nobody can write, call or visit the customer, yet
// an auditor can still see that a channel was there and tell two complaints' contacts apart.
import type { Role } from './complaint.js';

/** Roles that contact customers or administer those who do; auditors review, they need no contact. */
export const CONTACT_READING_ROLES = ['agent', 'supervisor', 'admin'] as const satisfies readonly Role[];

export function readsCustomerContact(role: Role): boolean {
  return (CONTACT_READING_ROLES as readonly Role[]).includes(role);
}

const MASK = '•••';

/** `ayse.yilmaz@example.com` → `a•••@e•••.com`: the first letter of each part and the top-level domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return MASK;
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${email[0]}${MASK}@${host[0] ?? ''}${MASK}${tld}`;
}

/** `+90 532 000 00 17` → `•••17`: the last two digits only. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `${MASK}${digits.slice(-2)}`;
}

/** A postal address says where someone lives in every line: nothing of it is shown. */
export function maskPostalAddress(_address: string): string {
  return MASK;
}

/** A message's recipient (an e-mail address, a phone number, a postal address, a platform handle or a staff id). */
export function maskRecipient(recipient: string, channel: string): string {
  if (channel === 'email') return maskEmail(recipient);
  if (channel === 'sms' || channel === 'phone') return maskPhone(recipient);
  if (channel === 'letter') return maskPostalAddress(recipient);
  // What an agent passes on goes to a postal address, a phone or a platform handle: nothing of it shows.
  if (channel === 'agent') return MASK;
  return recipient;
}

export interface CustomerContact {
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
}

/** The contact as `role` may read it, with `masked` saying whether it was masked. */
export function customerContactFor<C extends CustomerContact>(role: Role, customer: C): C & { masked: boolean } {
  if (readsCustomerContact(role)) return { ...customer, masked: false };
  return {
    ...customer,
    email: customer.email === null ? null : maskEmail(customer.email),
    phone: customer.phone === null ? null : maskPhone(customer.phone),
    postalAddress: customer.postalAddress === null ? null : maskPostalAddress(customer.postalAddress),
    masked: true,
  };
}
