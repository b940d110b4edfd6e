// The satisfaction survey after closure (ISO 10004): the invitation in the closure message and the
// survey page /s/{token}, in English (the source catalog for survey keys).
export const survey = {
  'survey.message.invitation':
    'How did we do? Please tell us in a short survey: two questions, about a minute.{withOpenUntil, select, yes { The survey is open until {openUntil}.} other {}}',

  'survey.page.title': 'How satisfied are you?',
  'survey.page.intro':
    'Your complaint {reference} is closed. Please tell us how satisfied you are with how we handled it and with the outcome.',
  'survey.page.viewOnly': 'Opening this page sends nothing. Only the button at the end sends your answers.',
  'survey.handling.legend': 'How satisfied are you with how we handled your complaint?',
  'survey.outcome.legend': 'How satisfied are you with the outcome?',
  'survey.scale.1': '1 – Very dissatisfied',
  'survey.scale.2': '2 – Dissatisfied',
  'survey.scale.3': '3 – Neither satisfied nor dissatisfied',
  'survey.scale.4': '4 – Satisfied',
  'survey.scale.5': '5 – Very satisfied',
  'survey.reasons.legend': 'What mattered most to you? Tick any that apply (optional).',
  'survey.reason.speed': 'How quickly we dealt with it',
  'survey.reason.communication': 'How we kept you informed',
  'survey.reason.fairness': 'Whether we treated you fairly',
  'survey.reason.staff_attitude': 'The attitude of our staff',
  'survey.reason.clarity': 'How clearly we explained things',
  'survey.reason.outcome': 'The outcome itself',
  'survey.comment.label': 'Anything else you would like to tell us? (optional, at most 1,000 characters)',
  'survey.comment.hint': 'Please do not write personal details such as phone numbers or addresses here.',
  'survey.submit': 'Send my answers',

  'survey.check': 'Please check your answers:',
  'survey.field.handling': 'Choose how satisfied you are with how we handled your complaint.',
  'survey.field.outcome': 'Choose how satisfied you are with the outcome.',
  'survey.field.reasons': 'Tick only reasons from the list.',
  'survey.field.comment': 'Your comment may have at most 1,000 characters and must not be blank.',
  'survey.field.other': 'Something in the form is not right; please try again.',

  'survey.thanks.title': 'Thank you for your answers',
  'survey.thanks.text': 'We read every answer and use them to improve how we handle complaints.',
  'survey.answered.title': 'You have already answered this survey',
  'survey.answered.text': 'Thank you: we have your answers. We take one answer per complaint.',
  'survey.expired.title': 'This survey has closed',
  'survey.expired.text': 'The time to answer it has passed. Thank you all the same.',
  'survey.invalid.title': 'This link is not valid',
  'survey.invalid.text': 'Please open the link from our message exactly as we sent it.',
  'survey.error.title': 'Something went wrong',
  'survey.error.text': 'We could not open the survey just now. Please try again in a few minutes.',
  'survey.language.label': 'Language',
} as const;
