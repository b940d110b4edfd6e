// English: the source catalog. Its keys are the list every language must fill.
import { acknowledgementSms } from './acknowledgement-sms.js';
import { customerMessages } from './customer-messages.js';
import { deliveryMessages } from './delivery-messages.js';
import { customerPages } from './customer-pages.js';
import { customerView } from './customer-view.js';
import { processOwners } from './process-owners.js';
import { staffMessages } from './staff-messages.js';

const messages = { ...customerMessages, ...staffMessages, ...customerPages, ...customerView, ...processOwners, ...deliveryMessages, ...acknowledgementSms };

/** A stable message id, e.g. `customer.acknowledgement.subject`. */
export type MessageKey = keyof typeof messages;

/** One language's messages: every key, in ICU MessageFormat. */
export type Catalog = Readonly<Record<MessageKey, string>>;

export const en = {
  metadata: { intlLocale: 'en-GB', direction: 'ltr', name: 'English' },
  messages: messages satisfies Catalog,
} as const;
