// The acknowledgement that does not go out by e-mail: the tracking-PIN SMS, and the task an agent
// gets to pass a letter, fax or front-office complaint's acknowledgement on by hand.
export const acknowledgementSms = {
  'sms.trackingPin.subject': 'Your complaint reference and tracking PIN',
  'sms.trackingPin.text':
    'We have received your complaint {reference}. Tracking PIN: {pin}' +
    '{withTrackingUrl, select, yes {. Follow it at {trackingUrl}} other {}}',

  'staff.agentAcknowledgement.subject': 'Pass on the acknowledgement by {channel}',
  'staff.agentAcknowledgement.body':
    'Complaint {reference} came in by {channel}. Let the customer ({customerName}) know that we have received it' +
    '{withDueAt, select, yes {, by {dueAt}} other {}}: {contact}. The text to pass on, in their language, is in the ' +
    'complaint’s messages (channel “agent”). {manual, select, yes {Record the acknowledgement decision once you have passed it on.} other {}}',
  'staff.agentAcknowledgement.channel.letter': 'letter',
  'staff.agentAcknowledgement.channel.fax': 'fax',
  'staff.agentAcknowledgement.channel.front_office': 'the front office',
  'staff.agentAcknowledgement.channel.live_chat': 'live chat',
  'staff.agentAcknowledgement.channel.social_media': 'social media',
  'staff.agentAcknowledgement.contact.postal': 'by post to {address}',
  'staff.agentAcknowledgement.contact.phone': 'by phone on {phone}',
  'staff.agentAcknowledgement.contact.platform': 'on {platform}, to {handle}{withUrl, select, yes { (the conversation: {url})} other {}}',
  'staff.agentAcknowledgement.contact.inPerson': 'in person or the way they came to us (no address or phone on file)',
} as const;
