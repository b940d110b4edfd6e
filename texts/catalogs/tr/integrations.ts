// Türkçe: şikâyetin açıklamasına yazılan canlı destek ya da sosyal medya görüşmesi.
import type { integrations as source } from '../en/integrations.js';

export const integrations: Readonly<Record<keyof typeof source, string>> = {
  'integration.transcript.heading': '{platform} görüşmesi: {handle}{withName, select, yes { ({name})} other {}}',
  'integration.transcript.conversationUrl': '{platform} üzerinde açmak için: {url}',
  'integration.transcript.line': '[{at}] {speaker}: {text}',
  'integration.transcript.speaker.customer': 'Müşteri',
  'integration.transcript.speaker.agent': 'Temsilci',
  'integration.transcript.speaker.bot': 'Bot',
  'integration.subject.fallback': '{platform} üzerinden şikâyet',
};
