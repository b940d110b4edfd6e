// English: the source catalog. Its keys are the list every language must fill.
import { acknowledgementSms } from './acknowledgement-sms.js';
import { complaintForm } from './complaint-form.js';
import { customerMessages } from './customer-messages.js';
import { integrations } from './integrations.js';
import { customerPages } from './customer-pages.js';
import { customerView } from './customer-view.js';
import { deliveryMessages } from './delivery-messages.js';
import { languageSwitch } from './language-switch.js';
import { processOwners } from './process-owners.js';
import { smsMessages } from './sms.js';
import { staffMessages } from './staff-messages.js';
import { survey } from './survey.js';

const messages = { ...customerMessages, ...staffMessages, ...customerPages, ...customerView, ...processOwners, ...acknowledgementSms, ...complaintForm, ...deliveryMessages, ...languageSwitch, ...smsMessages, ...survey, ...integrations };

/** A stable message id, e.g. `customer.acknowledgement.subject`. */
export type MessageKey = keyof typeof messages;

/** One language's messages: every key, in ICU MessageFormat. */
export type Catalog = Readonly<Record<MessageKey, string>>;

export const en = {
  metadata: { intlLocale: 'en-GB', direction: 'ltr', name: 'English' },
  messages: messages satisfies Catalog,
} as const;
