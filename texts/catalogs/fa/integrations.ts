// فارسی: گفت‌وگوی آنلاین یا شبکهٔ اجتماعی که در شرح شکایت نوشته می‌شود.
import type { integrations as source } from '../en/integrations.js';

export const integrations: Readonly<Record<keyof typeof source, string>> = {
  'integration.transcript.heading': 'گفت‌وگو در {platform} با {handle}{withName, select, yes { ({name})} other {}}',
  'integration.transcript.conversationUrl': 'باز کردن در {platform}: {url}',
  'integration.transcript.line': '[{at}] {speaker}: {text}',
  'integration.transcript.speaker.customer': 'مشتری',
  'integration.transcript.speaker.agent': 'کارشناس',
  'integration.transcript.speaker.bot': 'ربات',
  'integration.subject.fallback': 'شکایت از طریق {platform}',
};
