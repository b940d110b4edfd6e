// Turkish.
import type { Catalog } from '../en/index.js';
import { acknowledgementSms } from './acknowledgement-sms.js';
import { customerMessages } from './customer-messages.js';
import { deliveryMessages } from './delivery-messages.js';
import { customerPages } from './customer-pages.js';
import { customerView } from './customer-view.js';
import { processOwners } from './process-owners.js';
import { staffMessages } from './staff-messages.js';

const messages: Catalog = { ...customerMessages, ...staffMessages, ...customerPages, ...customerView, ...processOwners, ...deliveryMessages, ...acknowledgementSms };

export const tr = {
  metadata: { intlLocale: 'tr-TR', direction: 'ltr', name: 'Türkçe' },
  messages,
} as const;
