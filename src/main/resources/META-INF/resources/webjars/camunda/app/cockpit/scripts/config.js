// Likemann's Cockpit settings. Everything not named here keeps Cockpit's default.
export default {
  // Norwegian (bokmål) whatever the browser's language, as in Tasklist (ADR 7): locales/nb.json
  locales: {
    availableLocales: ['nb'],
    fallbackLocale: 'nb'
  },
  // the service's figures on the dashboard, for the steering group and the others who follow the service
  customScripts: ['scripts/likemann-figures']
};
