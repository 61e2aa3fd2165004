// Likemann's Tasklist settings. Everything not named here keeps Tasklist's default.
export default {
  // Tasklist speaks Norwegian (bokmål) whatever the browser's language, dates included (1. desember 2026 kl. 09:00):
  // locales/nb.json. The forms are Norwegian too.
  locales: {
    availableLocales: ['nb'],
    fallbackLocale: 'nb'
  },
  // form-js's own messages (required, minimum, maximum, ...) in Norwegian too; "Henvisninger" in the top bar for
  // counsellors and coordinators, "Mine deltakere" for mentors; after "Fullfør" or "Start", what happened and the
  // case's next task for the user, opened
  customScripts: ['scripts/likemann-norwegian-forms', 'scripts/likemann-referrals', 'scripts/likemann-participants',
    'scripts/likemann-next-task'],
  // Tasklist's own keyboard shortcuts, described in Norwegian
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'tar oppgaven som er valgt'},
    focusFilter: {key: 'ctrl+shift+f', description: 'går til det første filteret i listen'},
    focusList: {key: 'ctrl+alt+l', description: 'går til den første oppgaven i listen'},
    focusForm: {key: 'ctrl+alt+f', description: 'går til det første feltet i oppgavens skjema'},
    startProcess: {key: 'ctrl+alt+p', description: 'åpner vinduet for å starte en prosess'}
  }
};
