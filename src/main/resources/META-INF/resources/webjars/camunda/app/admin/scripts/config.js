// Likemann's Admin settings. Everything not named here keeps Admin's default.
export default {
  // Norwegian (bokmål) whatever the browser's language, as in Tasklist and Cockpit (ADR 7): locales/nb.json
  locales: {
    availableLocales: ['nb'],
    fallbackLocale: 'nb'
  }
};
