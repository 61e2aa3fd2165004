// Likemann's Cockpit settings. Everything not named here keeps Cockpit's default.
export default {
  // Norwegian (bokmål) whatever the browser's language, as in Tasklist (ADR 7): locales/nb.json
  locales: {
    availableLocales: ['nb'],
    fallbackLocale: 'nb'
  },
  // the service's figures on the dashboard, for the steering group and the others who follow the service; what
  // Cockpit and its decision table viewer still print in English, in Norwegian; the journey's and the onboarding's
  // diagram with how many stand at each step
  customScripts: ['scripts/likemann-figures', 'scripts/likemann-cockpit-norwegian', 'scripts/likemann-diagram-counts']
};
