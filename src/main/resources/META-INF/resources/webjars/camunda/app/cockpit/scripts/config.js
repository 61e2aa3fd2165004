// Likemann's Cockpit settings. Everything not named here keeps Cockpit's default.
export default {
  // the service's figures on the dashboard, for the steering group and the others who follow the service
  customScripts: ['scripts/likemann-figures']
};
