// The customer view's words, in English (the source catalog for view keys): status labels, remedy
// labels and what happens next. The JSON view and the pages both show them.
export const customerView = {
  'view.status.created': 'Created',
  'view.status.in_progress': 'In progress',
  'view.status.under_review': 'Under review',
  'view.status.resolved': 'Resolved',
  'view.status.closed': 'Closed',
  'view.status.open': 'Open',

  'view.remedy.refund': 'Refund',
  'view.remedy.replacement': 'Replacement',
  'view.remedy.repair': 'Repair',
  'view.remedy.credit': 'Credit',
  'view.remedy.apology': 'Apology',
  'view.remedy.explanation': 'Explanation',
  'view.remedy.other': 'Other',

  'view.next.received': 'We have received your complaint and will confirm it to you shortly.',
  'view.next.acknowledged': 'We have confirmed your complaint and are passing it to the right team.',
  'view.next.in_review': 'A specialist is reviewing your complaint.',
  'view.next.investigating': 'We are investigating your complaint and will propose a resolution.',
  'view.next.awaiting_customer':
    'We need an answer from you to continue: please answer our question through the link we sent you.',
  'view.next.resolution_proposed':
    'We have proposed a resolution: please accept or reject it through the link we sent you.',
  'view.next.reinvestigating':
    'You rejected our proposal, so we are looking at your complaint again and will make a new proposal.',
  'view.next.open_external':
    'We could not agree on a resolution. You may take your complaint to an independent body; we have sent you where to turn. Your complaint stays open.',

  'view.closed.accepted': 'You accepted our resolution, and your complaint is closed. Thank you.',
  'view.closed.deemed_accepted':
    'You did not answer our proposal in time, so we consider it accepted; your complaint is closed.',
  'view.closed.withdrawn': 'Your complaint was withdrawn and is closed.',
  'view.closed.out_of_scope': 'Your complaint is outside what we can handle, so it is closed; we have told you why.',
  'view.closed.duplicate':
    'This complaint repeats another one we are handling, so it is closed; we continue with the other one.',
  'view.closed.external_decision':
    'The independent body has decided, we have recorded its decision, and your complaint is closed.',
  'view.closed.no_response':
    'We did not receive the information we asked you for in time, so your complaint is closed. Contact us if you would like us to continue.',
  'view.closed.closed': 'Your complaint is closed.',
};
