// Staff console, single sign-on (en). Keys: console.sso.…; the same keys and placeholders in every staff language.
export const sso = {
  'console.sso.button': 'Sign in with {provider}',
  'console.sso.or': 'Or sign in with your password:',
  'console.sso.refused.title': 'Sign-in did not complete',
  'console.sso.refused.failed': 'The sign-in with {provider} could not be checked: it took too long, was started in another browser, or was changed on the way. Start again from the sign-in page.',
  'console.sso.refused.noRole': 'Your account at {provider} gives you no role in Plaint. Ask your administrator to add you to one of the Plaint groups.',
  'console.sso.refused.deactivated': 'Your staff account in Plaint is deactivated. Ask an administrator to reactivate it.',
  'console.sso.refused.unavailable': '{provider} cannot be reached just now. Try again in a minute, or sign in with your password.',
  'console.sso.signedIn.title': 'Signed in',
} as const;
