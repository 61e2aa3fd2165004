// "Mine deltakere" in Tasklist's top bar, for mentors: the participants he follows now, each with the reference,
// since when, the goals and the participant's own rules for the follow-up from the coupling meeting (home visits,
// relatives, other rules). From GET /api/my-participants; never the referral's substance history, the coordinator's
// notes or other mentors. Users who are no mentor get no link.

function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) {
    e.textContent = text;
  }
  if (className) {
    e.className = className;
  }
  return e;
}

function mine() {
  return fetch('/api/my-participants', { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
}

const YES_NO = { yes: 'Ja', no: 'Nei' };

function norwegianDate(isoDate) {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

function list(participants) {
  if (participants.length === 0) {
    return element('p', 'Du følger ingen deltakere nå.', 'text-muted');
  }
  const wrap = element('div');
  participants.forEach((p) => {
    const card = element('section', undefined, 'likemann-participant');
    card.style.cssText = 'border-top:1px solid #ddd;padding:8px 0;';
    card.append(element('h4', 'Forløp ' + p.reference));
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

let panel = null;

function close() {
  if (panel) {
    panel.remove();
    panel = null;
  }
}

function open() {
  close();
  panel = element('div', undefined, 'likemann-participants');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-labelledby', 'likemann-participants-title');
  panel.style.cssText = 'position:fixed;top:55px;right:20px;width:min(700px,95vw);max-height:80vh;overflow:auto;'
      + 'background:#fff;border:1px solid #ccc;box-shadow:0 4px 16px rgba(0,0,0,.25);z-index:1050;padding:15px;';
  const shut = element('button', '×', 'close');
  shut.type = 'button';
  shut.setAttribute('aria-label', 'Lukk');
  shut.addEventListener('click', close);
  const title = element('h3', 'Mine deltakere');
  title.id = 'likemann-participants-title';
  const status = element('p', 'Henter deltakerne …', 'text-muted');
  panel.append(shut, title, element('p', 'Det dere ble enige om i koblingsmøtet: målene og deltakerens egne regler'
      + ' for oppfølgingen.'), status);
  document.body.appendChild(panel);
  shut.focus();
  mine()
    .then((response) => {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    })
    .then((participants) => status.replaceWith(list(participants)))
    .catch(() => status.replaceWith(element('p', 'Deltakerne kunne ikke hentes. Prøv igjen senere.', 'text-danger')));
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    close();
  }
});

export default [{
  id: 'likemannParticipants',
  pluginPoint: 'tasklist.navbar.action',
  priority: 190,
  render: (node) => {
    // only for mentors: the access check lists nothing, so it reads nothing
    fetch('/api/my-participants/access', { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
      .then((response) => {
        if (response.status !== 204) {
          return;
        }
        const link = element('a');
        link.href = '';
        link.setAttribute('role', 'button');
        link.className = 'likemann-participants-action';
        link.append(element('span', undefined, 'glyphicon glyphicon-user'), document.createTextNode(' Mine deltakere'));
        link.addEventListener('click', (event) => {
          event.preventDefault();
          open();
        });
        node.replaceChildren(link);
      });
  },
  unmount: close
}];
