// The language switch on every customer page: the name of the list of languages (read by screen readers).
export const languageSwitch = {
  'page.languageSwitch.label': 'Language',
};
