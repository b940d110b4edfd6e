// What the customer reads in messages, in English. The source catalog: its keys are the key list
// every other language follows. `{withX, select, yes {…} other {…}}` says what to write when the
// optional value X is there and when it is not.
export const customerMessages = {
  'customer.subjectLine': '{withReference, select, yes {{subject} ({reference})} other {{subject}}}',
  'customer.letter.greeting': '{withName, select, yes {Dear {name},} other {Dear customer,}}',
  'customer.letter.signature':
    'Kind regards,\n{withSender, select, yes {{sender} Customer Relations} other {Customer Relations Team}}',
  'customer.trackingLink': 'You can follow your complaint on its tracking page:',
  'customer.reissuedLink': 'The link in this message replaces the one we sent you earlier, which no longer works.',

  'customer.channel.web': 'through our website',
  'customer.channel.email': 'by e-mail',
  'customer.channel.phone': 'by phone',
  'customer.channel.live_chat': 'through live chat',
  'customer.channel.social_media': 'through social media',
  'customer.channel.letter': 'by letter',
  'customer.channel.fax': 'by fax',
  'customer.channel.front_office': 'in person at our customer service desk',
  'customer.channel.dealer': 'through our dealer',
  'customer.channel.sales_representative': 'through your sales representative',
  'customer.channel.technical_support': 'through our technical support team',

  'customer.remedy.refund': 'Refund',
  'customer.remedy.replacement': 'Replacement',
  'customer.remedy.repair': 'Repair',
  'customer.remedy.credit': 'Credit to your account',
  'customer.remedy.apology': 'A formal apology',
  'customer.remedy.explanation': 'A detailed explanation',

  'customer.externalDecision.upheld': 'The complaint was upheld',
  'customer.externalDecision.partially_upheld': 'The complaint was partially upheld',
  'customer.externalDecision.not_upheld': 'The complaint was not upheld',
  'customer.externalDecision.settled': 'The parties reached a settlement',
  'customer.externalDecision.dismissed': 'The application was dismissed',

  'customer.acknowledgement.subject': 'We have received your complaint',
  'customer.acknowledgement.received':
    'Thank you for contacting us. We have received the complaint you sent us' +
    '{withChannel, select, yes { {channel}} other {}}{withReceivedAt, select, yes { on {receivedAt}} other {}}.',
  'customer.acknowledgement.reference': 'Your complaint reference is {reference}. Please quote it whenever you contact us.',
  'customer.acknowledgement.review':
    'The team responsible will now review your complaint.' +
    '{withDueAt, select, yes { We will complete the initial review by {dueAt}.} other {}} We will keep you informed at every step.',
  'customer.acknowledgement.trackingLink':
    'You can follow your complaint on the page below with the tracking PIN you were given when you registered it:',
  'customer.acknowledgement.privacy':
    'Your personal details are used only to handle your complaint and are not shared with third parties without your consent.',

  'customer.info_requested.subject': 'We need some more information about your complaint',
  'customer.info_requested.intro':
    'To look into {withReference, select, yes {your complaint {reference}} other {your complaint}}, ' +
    'we need some more information from you{withQuestion, select, yes {:} other {.}}',
  'customer.info_requested.responseLink': 'You can send your answer, and any documents or photos, through this link:',
  'customer.info_requested.resume':
    'As soon as we have your answer, we will continue the review. The time we wait for your answer does not count against our deadline.',
  'customer.info.ifResume': 'If we have not heard from you by then, we will continue with the information we have.',
  'customer.info.ifCloseNoResponse': 'If we have not heard from you by then, we will have to close your complaint.',

  'customer.info_reminder.subject': 'Reminder: our question is awaiting your answer',
  'customer.info_reminder.intro':
    'We have not yet received the information we asked you for about ' +
    '{withReference, select, yes {your complaint {reference}} other {your complaint}}{withQuestion, select, yes {:} other {.}}',
  'customer.info_reminder.responseLink': 'To answer our question:',

  'customer.info_request_lapsed.subject': 'We are continuing with the information we have',
  'customer.info_request_lapsed.intro':
    'We did not receive the information we asked you for about ' +
    '{withReference, select, yes {your complaint {reference}} other {your complaint}} within the time allowed. We are ' +
    'continuing our review with the information we have; the answer link we sent you no longer works.',
  'customer.info_request_lapsed.stillSend':
    'If you would still like to send us the information, please contact us and we will take it into account.',

  'customer.info_request_cancelled.subject': 'We no longer need an answer to our question',
  'customer.info_request_cancelled.intro':
    'We no longer need the information we asked you for about ' +
    '{withReference, select, yes {your complaint {reference}} other {your complaint}}. We are continuing our review; ' +
    'the answer link we sent you no longer works.',
  'customer.info_request_cancelled.news': 'We will let you know as soon as there is news.',

  // `reissued`: the same proposal again, with a fresh answer link (the earlier one no longer works).
  'customer.resolution_proposed.subject':
    '{reissued, select, yes {A new link to answer our proposal} other ' +
    '{{again, select, yes {Our new proposal for your complaint} other {Our proposal for your complaint}}}}',
  'customer.resolution_proposed.intro':
    '{reissued, select, ' +
    'yes {Here again is the solution we proposed for {withReference, select, yes {your complaint {reference}} other {your complaint}}, with a new link to answer it.} ' +
    'other {{again, select, ' +
    'yes {We have reassessed {withReference, select, yes {your complaint {reference}} other {your complaint}} in the light of your feedback and would like to propose a new solution.} ' +
    'other {We have completed our review of {withReference, select, yes {your complaint {reference}} other {your complaint}} and would like to propose the following solution.}}}}',
  'customer.resolution_proposed.remedy': 'Type of solution: {remedy}',
  'customer.resolution_proposed.amount': 'Amount: {amount}',
  'customer.resolution_proposed.responseLink': 'Please let us know through this link whether you accept the proposal:',
  'customer.answer.answerBy': 'Please answer by {answerDueAt}.',
  'customer.answer.ifDeemedAccepted':
    '{withAnswerDueAt, select, yes {If we have not heard from you by then} other {If we do not hear from you in time}}, ' +
    'the proposal will be treated as accepted and your complaint closed.',
  'customer.answer.ifStayOpen':
    '{withAnswerDueAt, select, yes {If we have not heard from you by then} other {If we do not hear from you in time}}, ' +
    'your complaint stays open and we will contact you again.',
  'customer.answer.ifRejectedFinal':
    'This is our final proposal. If you reject it, we will tell you about the independent bodies you can turn to.',
  'customer.answer.ifRejectedAgain':
    'If you reject it, please tell us why; we will reassess your complaint and make you a new proposal.',
  'customer.answer.ifRejected': 'If you reject it, please tell us why, so that we can take your reasons into account.',

  'customer.answer_reminder.subject': 'Reminder: our proposal is awaiting your answer',
  'customer.answer_reminder.intro':
    'We have not yet received your answer to the solution we proposed for ' +
    '{withReference, select, yes {your complaint {reference}} other {your complaint}}.',
  'customer.answer_reminder.responseLink': 'To read the proposal and answer it:',

  'customer.reinvestigation_started.subject': 'We are reassessing your complaint',
  'customer.reinvestigation_started.intro':
    'Thank you for your feedback on our proposal. Our specialists are reassessing ' +
    '{withReference, select, yes {your complaint {reference}} other {your complaint}} and looking for other solutions.',
  'customer.reinvestigation_started.dueAt': 'We will send you our new proposal by {dueAt}.',
  'customer.reinvestigation_started.noDueAt': 'We will send you our new proposal as soon as it is ready.',

  'customer.progress_update.subject': 'An update on your complaint',
  'customer.progress_update.intro':
    'We are still working on {withReference, select, yes {your complaint {reference}} other {your complaint}}.' +
    '{withStatus, select, yes { Current status: {status}.} other {}}',
  'customer.progress_update.activity.acknowledged': 'Your complaint is queued for its initial review.',
  'customer.progress_update.activity.in_review': 'We are carrying out the initial review of your complaint.',
  'customer.progress_update.activity.investigating': 'Our specialists are investigating what caused the problem.',
  'customer.progress_update.activity.reinvestigating': 'We are reassessing your complaint in the light of your feedback.',
  'customer.progress_update.plannedBy': 'We plan to complete this step by {dueAt}.',
  'customer.progress_update.laterThanPlanned':
    'This step is taking us later than planned, and we are sorry for the wait.' +
    '{withNextUpdateAt, select, yes { We will update you again by {nextUpdateAt} at the latest.} other {}}',
  'customer.progress_update.news': 'We will let you know as soon as there is news.',

  'customer.complaint_closed.subject': 'Your complaint has been closed',
  'customer.complaint_closed.closed':
    'We have closed {withReference, select, yes {your complaint {reference}} other {your complaint}}.',
  'customer.complaint_closed.accepted':
    'Thank you for accepting our proposal. We have closed ' +
    '{withReference, select, yes {your complaint {reference}} other {your complaint}} as resolved and will carry out the agreed solution as soon as possible.',
  'customer.complaint_closed.deemed_accepted':
    'We did not receive your answer to our proposal for ' +
    '{withReference, select, yes {your complaint {reference}} other {your complaint}} within the time allowed, so the proposal ' +
    'has been treated as accepted and the complaint closed. We will carry out the proposed solution. If you think something is wrong, please contact us.',
  'customer.complaint_closed.withdrawn':
    'We have recorded that {withReference, select, yes {your complaint {reference}} other {your complaint}} has been withdrawn, and closed it.',
  'customer.complaint_closed.out_of_scope':
    'We have looked carefully at {withReference, select, yes {your complaint {reference}} other {your complaint}}, but the matter ' +
    'falls outside the scope of our complaints process, so we have closed it. If you disagree or would like more information, please contact us.',
  // The original's reference is not shown: it may be someone else's complaint (staff see it).
  'customer.complaint_closed.duplicate':
    '{withReference, select, yes {Your complaint {reference}} other {Your complaint}} has been closed because it concerns the same ' +
    'matter as a complaint registered earlier. We will continue to handle the matter under that complaint.',
  'customer.complaint_closed.external_decision':
    "We have recorded the independent body's decision on " +
    '{withReference, select, yes {your complaint {reference}} other {your complaint}} and closed the complaint.',
  'customer.complaint_closed.no_response':
    'We did not receive the information we asked you for about ' +
    '{withReference, select, yes {your complaint {reference}} other {your complaint}} within the time allowed, so we ' +
    'have closed the complaint. If you would like us to continue, please contact us and we will gladly take it up again.',
  'customer.complaint_closed.externalOutcome': 'Outcome: {decision}.',
  'customer.complaint_closed.thanks': 'Thank you for your time.',

  'customer.external_remedies.subject': 'Other ways to pursue your complaint',
  'customer.external_remedies.intro':
    'We have recorded that you did not accept our proposals for ' +
    '{withReference, select, yes {your complaint {reference}} other {your complaint}}. We are sorry that we could not resolve it ' +
    'to your satisfaction. Your complaint remains open.',
  'customer.external_remedies.listIntro': 'If you wish, you can turn to these independent bodies:',
  'customer.external_remedies.askUs': 'Please contact us to find out which independent bodies you can turn to.',
  'customer.external_remedies.tellUs':
    'If you apply to one of them and receive a decision, please let us know; we will conclude your complaint in line with it.',
};
