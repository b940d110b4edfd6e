// Azerbaijani, Latin script (az-AZ: ICU's az is az-Latn).
import type { Catalog } from '../en/index.js';
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

const messages: Catalog = { ...customerMessages, ...staffMessages, ...customerPages, ...customerView, ...processOwners, ...acknowledgementSms, ...complaintForm, ...deliveryMessages, ...languageSwitch, ...smsMessages, ...survey, ...integrations };

export const az = {
  metadata: { intlLocale: 'az-AZ', direction: 'ltr', name: 'Azərbaycan dili' },
  messages,
} as const;
