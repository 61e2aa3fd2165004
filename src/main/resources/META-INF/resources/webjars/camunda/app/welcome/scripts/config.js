// Likemann's settings for Camunda's welcome page, where users edit their profile and change their password.
// Everything not named here keeps the default.
export default {
  // Norwegian (bokmål) whatever the browser's language, as in Tasklist: locales/nb.json
  locales: {
    availableLocales: ['nb'],
    fallbackLocale: 'nb'
  }
};
