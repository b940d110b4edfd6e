// The staff console's words in English: the source catalog, whose keys every staff language must fill.
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

const messages = { ...shell, ...signIn, ...sso, ...people, ...apiKeys, ...queues, ...search, ...complaint, ...dashboard, ...audit, ...process, ...processSelection, ...calendars, ...intake };

/** A stable console message id, e.g. `console.shell.signOut`. */
export type ConsoleMessageKey = keyof typeof messages;

/** One staff language's console messages: every key, in ICU MessageFormat. */
export type ConsoleCatalog = Readonly<Record<ConsoleMessageKey, string>>;

export const en = { metadata: { intlLocale: 'en-GB', name: 'English' }, messages: messages satisfies ConsoleCatalog } as const;
