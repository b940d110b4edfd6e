// Persian, written right to left. fa-IR dates read as Iranians read them: the Solar Hijri
// calendar with Persian digits (ICU's defaults for Iran; the catalogs test checks they hold).
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

export const fa = {
  metadata: { intlLocale: 'fa-IR', direction: 'rtl', name: 'فارسی' },
  messages,
} as const;
