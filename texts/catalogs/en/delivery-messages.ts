// What staff read when delivery gives up on a message (delivery/failure-notice.ts), in English.
export const deliveryMessages = {
  'delivery.failed.subject': 'A message could not be delivered',
  'delivery.failed.intro':
    'The message “{messageSubject}” to {recipient} ({channel, select, email {e-mail} sms {SMS} other {staff e-mail}}) could not be delivered{bounced, select, yes {: the address was refused} other { after {attempts, plural, one {# attempt} other {# attempts}}}}.',
  'delivery.failed.error': 'Last error: {error}',
  'delivery.failed.action':
    "Check the address with the customer, correct it if needed and retry the message from the complaint's communication record, or reach the customer another way.",
};
