// Azərbaycanca: şikayətin təsvirinə yazılan canlı söhbət və ya sosial media yazışması.
import type { integrations as source } from '../en/integrations.js';

export const integrations: Readonly<Record<keyof typeof source, string>> = {
  'integration.transcript.heading': '{platform} söhbəti: {handle}{withName, select, yes { ({name})} other {}}',
  'integration.transcript.conversationUrl': '{platform} platformasında açmaq üçün: {url}',
  'integration.transcript.line': '[{at}] {speaker}: {text}',
  'integration.transcript.speaker.customer': 'Müştəri',
  'integration.transcript.speaker.agent': 'Operator',
  'integration.transcript.speaker.bot': 'Bot',
  'integration.subject.fallback': '{platform} vasitəsilə şikayət',
};
