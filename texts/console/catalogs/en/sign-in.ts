// Staff console, sign-in (en). Keys: console.sign-in.…; the same keys and placeholders in every staff language.
export const signIn = {
  'console.sign-in.title': 'Sign in',
  'console.sign-in.intro': 'Sign in with the e-mail address of your staff directory entry and your password.',
  'console.sign-in.email': 'E-mail',
  'console.sign-in.password': 'Password',
  'console.sign-in.submit': 'Sign in',
  'console.sign-in.refused': 'The e-mail address or the password is not right. Check both and try again.',
  'console.sign-in.locked': 'Too many wrong passwords: sign-in is locked for this account. Try again in {minutes, plural, one {# minute} other {# minutes}}, or ask an administrator to unlock it.',
  'console.sign-in.noRole': 'Your account has no console role yet. Ask an administrator to give you one.',
  'console.sign-in.formExpired': 'The sign-in form had expired. Enter your e-mail address and password again.',
  'console.sign-in.rateLimited.title': 'Too many attempts',
  'console.sign-in.rateLimited.text': 'Too many sign-in attempts came from your network. Wait {seconds, plural, one {# second} other {# seconds}} and try again.',
  'console.sign-in.backToForm': 'Back to the sign-in form',
  'console.sign-in.alreadySignedIn': 'You are already signed in as {name} in this browser.',
  'console.sign-in.continue': 'Continue to the console',
  'console.sign-in.language.en': 'English',
  'console.sign-in.language.tr': 'Türkçe',
} as const;
