// The staff console's words in Turkish.
import { audit } from './audit.js';
import { calendars } from './calendars.js';
import { complaint } from './complaint.js';
import { dashboard } from './dashboard.js';
import { intake } from './intake.js';
import { people } from './people.js';
import { process } from './process.js';
import { processSelection } from './process-selection.js';
import { queues } from './queues.js';
import { search } from './search.js';
import { shell } from './shell.js';
import { signIn } from './sign-in.js';
import { sso } from './sso.js';
import { apiKeys } from './api-keys.js';
import type { ConsoleCatalog } from '../en/index.js';

export const tr = {
  metadata: { intlLocale: 'tr-TR', name: 'Türkçe' },
  messages: { ...shell, ...signIn, ...sso, ...people, ...apiKeys, ...queues, ...search, ...complaint, ...dashboard, ...audit, ...process, ...processSelection, ...calendars, ...intake } satisfies ConsoleCatalog,
} as const;
