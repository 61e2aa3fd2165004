// "Mine deltakere" in Tasklist's top bar, for mentors: the participants he follows now, each with the reference,
// since when, the goals and the participant's own rules for the follow-up from the coupling meeting (home visits,
// relatives, other rules). From GET /api/my-participants; never the referral's substance history, the coordinator's
// notes or other mentors. Users who are no mentor get no link.
import { closePanel, element, fill, get, navbarLink, norwegianDate, openPanel } from './likemann-panel.js';

const YES_NO = { yes: 'Ja', no: 'Nei' };

function list(participants) {
  if (participants.length === 0) {
    return element('p', 'Du følger ingen deltakere nå.', 'text-muted');
  }
  const wrap = element('div');
  participants.forEach((p) => {
    const card = element('section', undefined, 'likemann-participant');
    card.style.cssText = 'border-top:1px solid #ddd;padding:8px 0;';
    const title = element('h4', 'Forløp ' + p.reference);
    // coupled in the last two weeks: the mentor has been told in the daily e-mail, and sees here who it is
    if (Date.now() - new Date(p.followedSince + 'T00:00:00').getTime() < 14 * 24 * 3600 * 1000) {
      title.append(' ', element('span', 'Ny', 'label label-info'));
    }
    card.append(title);
    const facts = element('dl', undefined, 'dl-horizontal');
    [['Fulgt siden', norwegianDate(p.followedSince)], ['Mål', p.goals || '–'],
      ['Hjemmebesøk', YES_NO[p.homeVisitsAllowed] || '–'],
      ['Kontakte pårørende hvis deltakeren ikke svarer', YES_NO[p.contactRelativesAllowed] || '–'],
      ['Andre regler', p.otherFollowUpRules || '–']].forEach(([term, value]) => {
      facts.append(element('dt', term), element('dd', value));
    });
    card.append(facts);
    wrap.append(card);
  });
  return wrap;
}

function open() {
  const status = openPanel('likemann-participants', 'Mine deltakere', 'Det dere ble enige om i koblingsmøtet: målene'
      + ' og deltakerens egne regler for oppfølgingen.', 700);
  fill(status, get('/api/my-participants'), list, 'Deltakerne kunne ikke hentes. Prøv igjen senere.');
}

export default [{
  id: 'likemannParticipants',
  pluginPoint: 'tasklist.navbar.action',
  priority: 190,
  // only for mentors: the access check lists nothing, so it reads nothing
  render: (node) => navbarLink(node, '/api/my-participants/access', 'likemann-participants-action',
      'glyphicon-user', 'Mine deltakere', open),
  unmount: closePanel
}];
