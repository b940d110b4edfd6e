// A chat or social conversation written into a complaint's description (api/integrations/): the
// heading naming the platform and the customer's handle, one line per message, and the subject
// used when the customer wrote too little to take one from.
export const integrations = {
  'integration.transcript.heading': '{platform} conversation with {handle}{withName, select, yes { ({name})} other {}}',
  'integration.transcript.conversationUrl': 'Open it on {platform}: {url}',
  'integration.transcript.line': '[{at}] {speaker}: {text}',
  'integration.transcript.speaker.customer': 'Customer',
  'integration.transcript.speaker.agent': 'Agent',
  'integration.transcript.speaker.bot': 'Bot',
  'integration.subject.fallback': 'Complaint on {platform}',
} as const;
