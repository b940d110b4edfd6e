// What the customer reads on the HTML pages: /track and the /r/{token} answer pages, in English
// (the source catalog for page keys).
export const customerPages = {
  'page.complaintTitle': 'Your complaint {reference}',
  'page.status': 'Status: {label}',
  'page.proposal.heading': '{again, select, yes {Our new proposal (round {round, number})} other {Our proposal}}',
  'page.proposal.remedy': 'What we offer',
  'page.proposal.amount': 'Amount',
  'page.proposal.answerBy': 'Please answer by {answerDueAt}.',
  'page.questionHeading': 'Our question',

  'page.answer.viewOnly': 'Opening this page does not answer. Only the buttons below send your answer.',
  'page.answer.accept': 'Accept the proposal',
  'page.answer.reasonLabel': 'Not satisfied? Tell us why, and reject the proposal:',
  'page.answer.reject': 'Reject the proposal',
  'page.answer.answerLabel': 'Your answer',
  'page.answer.send': 'Send my answer',
  'page.answer.thanksTitle': 'Thank you, we have your answer',
  'page.answer.received':
    'We have received your answer and are recording it on your complaint. Nothing more is needed from you; your complaint\'s page shows it within minutes.',
  'page.answer.checkAnswer': 'Please check your answer:',
  'page.answer.field.reason': 'Tell us why you reject the proposal (at most 2,000 characters).',
  'page.answer.field.text': 'Write your answer to our question (at most 5,000 characters).',
  'page.answer.field.decision': 'Choose whether you accept or reject the proposal.',
  'page.form.fieldOther': 'Something in the form is not right; please try again.',

  'page.problem.NOT_FOUND.title': 'This link is not valid',
  'page.problem.NOT_FOUND.text':
    'Please open the link from our latest message exactly as we sent it, or track your complaint with its reference and PIN.',
  'page.problem.GONE.title': 'This link is no longer valid',
  'page.problem.GONE.text':
    'It has expired, it was already answered, or a newer message replaced it. Please use the link from our latest message.',
  'page.problem.INVALID_TRANSITION.title': 'We cannot take this answer now',
  'page.problem.INVALID_TRANSITION.text':
    'Your complaint has moved on since we sent this link. Please see our latest message.',
  'page.problem.TEMPORARILY_UNAVAILABLE.title': 'Please try again shortly',
  'page.problem.TEMPORARILY_UNAVAILABLE.text':
    'We could not take your answer just now. Nothing was recorded; please try again in a few minutes.',
  'page.problem.INTERNAL.title': 'Something went wrong',
  'page.problem.INTERNAL.text': 'Something went wrong on our side. Please try again later.',
  'page.problem.PAYLOAD_TOO_LARGE.title': 'What you sent is too long',
  'page.problem.PAYLOAD_TOO_LARGE.text': 'What you sent is longer than this page takes. Please go back, shorten it and send it again.',

  'page.tracking.title': 'Track your complaint',
  'page.tracking.intro': 'Enter the reference and PIN from the confirmation we sent you.',
  'page.tracking.referenceLabel': 'Reference',
  'page.tracking.pinLabel': 'PIN (8 digits)',
  'page.tracking.submit': 'Show my complaint',
  'page.tracking.receivedAt': 'Received on',
  'page.tracking.acknowledgedAt': 'Confirmed on',
  'page.tracking.aimToAnswerBy': 'We aim to answer by',
  'page.tracking.nextUpdateBy': 'Our next update by',
  'page.tracking.laterThanPlanned': 'We are later than planned in answering you, and we are sorry for the wait.',
  'page.tracking.closedAt': 'Closed on',
  'page.tracking.answered':
    '{outcome, select, ' +
    'accepted {You accepted this proposal on {answeredAt}.} ' +
    'rejected {You rejected this proposal on {answeredAt}.} ' +
    'other {You did not answer in time, so we considered this proposal accepted on {answeredAt}.}}',
  'page.tracking.askedAt': 'We asked on {askedAt}.',
  'page.tracking.answerThroughMessage':
    'To answer, please use the link we sent you by e-mail or SMS with our latest message. This page only shows your complaint.',
  'page.tracking.nextHeading': 'What happens next',
  'page.tracking.trackAnother': 'Track another complaint',
  'page.tracking.checkForm': 'Please check the form:',
  'page.tracking.field.reference': 'Enter the reference exactly as in our message, for example CMP-2026-000123.',
  'page.tracking.field.pin': 'Enter the 8-digit PIN from our confirmation.',
  'page.tracking.noMatch': 'We could not find a complaint with this reference and PIN. Please check both and try again.',
  'page.tracking.tooManyAttempts':
    'Too many attempts. For your security, please try again in {minutes, plural, one {# minute} other {# minutes}}.',
};
