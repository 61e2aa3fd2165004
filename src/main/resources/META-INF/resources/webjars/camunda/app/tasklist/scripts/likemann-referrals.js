// "Henvisninger" in Tasklist's top bar: the referrals a counsellor may follow (their own municipality's; every
// municipality's for coordinators), with the reference that "Oppdater behandling" and "Meld endring i et forløp"
// ask for, where each stands, and the closing report once there is one. Users who may not see referrals (mentors,
// advisers) get no link. The list comes from GET /api/referrals: the reference, the date, the municipality and the
// stage, never a name or a health detail. Project leaders and administrators also see who has read each case
// (GET /api/case-reads/<reference>), for the participant's right to know.

import { closePanel, element, fill, get, navbarLink, norwegianDate, openPanel } from './likemann-panel.js';

function referrals() {
  return get('/api/referrals');
}

function norwegianTime(isoInstant) {
  return new Date(isoInstant).toLocaleString('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' });
}

const VIA = { WEBAPP: 'Tasklist/Cockpit', REST: 'REST-API', API: 'Likemanns API' };

// who has read the case, in a row under the referral's own
function showReads(tr, reference, columns) {
  const next = tr.nextElementSibling;
  if (next && next.classList.contains('likemann-reads')) {
    next.remove();
    return;
  }
  const row = element('tr', undefined, 'likemann-reads');
  const cell = element('td', 'Henter …', 'text-muted');
  cell.colSpan = columns;
  row.appendChild(cell);
  tr.after(row);
  get('/api/case-reads/' + encodeURIComponent(reference))
    .then((response) => {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    })
    .then((reads) => {
      cell.className = '';
      cell.textContent = '';
      if (reads.length === 0) {
        cell.append(element('p', 'Ingen har lest saken ennå.', 'text-muted'));
        return;
      }
      const t = element('table', undefined, 'table table-condensed');
      const head = element('tr');
      ['Hvem', 'Når', 'Hva', 'Hvordan'].forEach((h) => head.appendChild(element('th', h)));
      t.appendChild(head);
      reads.forEach((r) => {
        const line = element('tr');
        [r.readBy, norwegianTime(r.readAt), r.what, VIA[r.via] || r.via].forEach((v) => line.appendChild(element('td', v)));
        t.appendChild(line);
      });
      cell.append(element('strong', 'Lest av'), t);
    })
    .catch(() => {
      cell.className = 'text-danger';
      cell.textContent = 'Lesingene kunne ikke hentes. Prøv igjen senere.';
    });
}

function table(rows, readLog) {
  if (rows.length === 0) {
    return element('p', 'Ingen henvisninger ennå.', 'text-muted');
  }
  const t = element('table', undefined, 'table table-condensed table-striped');
  const head = element('thead');
  const headRow = element('tr');
  const headings = ['Referanse', 'Mottatt', 'Kommune', 'Status', 'Kommunens vurdering', 'Koordinatorens vurdering',
    'Sluttrapport'].concat(readLog ? ['Lest av'] : []);
  headings.forEach((h) => headRow.appendChild(element('th', h)));
  head.appendChild(headRow);
  t.appendChild(head);
  const body = element('tbody');
  rows.forEach((r) => {
    const tr = element('tr');
    tr.appendChild(element('td', r.reference));
    tr.appendChild(element('td', norwegianDate(r.receivedOn)));
    tr.appendChild(element('td', r.municipality));
    tr.appendChild(element('td', r.stage));
    // the joint assessment: what the municipality recommended, what the coordinator decided
    tr.appendChild(element('td', r.municipalityView || '–'));
    tr.appendChild(element('td', r.assessment || '–'));
    const report = element('td');
    if (r.closingReport) {
      const link = element('a', 'Åpne (PDF)');
      link.href = '/api/closing-reports/' + encodeURIComponent(r.reference) + '.pdf';
      link.target = '_blank';
      link.rel = 'noopener';
      report.appendChild(link);
    }
    tr.appendChild(report);
    if (readLog) {
      const reads = element('td');
      const button = element('button', 'Vis', 'btn btn-link btn-xs');
      button.type = 'button';
      button.setAttribute('aria-label', 'Vis hvem som har lest ' + r.reference);
      button.addEventListener('click', () => showReads(tr, r.reference, headings.length));
      reads.appendChild(button);
      // the person's right of access: everything stored about them, across their journeys, as one PDF
      const insight = element('a', 'Innsyn (PDF)', 'btn btn-link btn-xs');
      insight.href = '/api/persons/' + encodeURIComponent(r.reference) + '/insight.pdf';
      insight.target = '_blank';
      insight.rel = 'noopener';
      insight.setAttribute('aria-label', 'Innsyn for personen med ' + r.reference + ' (PDF)');
      reads.appendChild(insight);
      tr.appendChild(reads);
    }
    body.appendChild(tr);
  });
  t.appendChild(body);
  return t;
}

function open() {
  const status = openPanel('likemann-referrals', 'Henvisninger', 'Åpne forløp og de som er avsluttet det siste året,'
      + ' de nyeste først. Referansen brukes i «Oppdater behandling» og «Meld endring i et forløp».', 900);
  const readLog = get('/api/case-reads').then((response) => response.status === 204).catch(() => false);
  fill(status, referrals(), (rows) => readLog.then((withReads) => table(rows, withReads)),
      'Henvisningene kunne ikke hentes. Prøv igjen senere.');
}

// The reference fields of the start forms suggest the referrals the user may follow, as the browser's own list under
// the field (a datalist): a counsellor or coordinator picks one instead of copying it from "Henvisninger". "Oppdater
// behandling" and "Meld endring i et forløp" get the open journeys, "Evaluering av forløpet" those that ended as
// closed. Typing still works, and the server checks the reference and the municipality whatever is sent.
const ENDED = ['DECLINED', 'SAID_NO', 'CONSENT_REFUSED', 'CLOSED', 'WITHDRAWN'];
const REFERENCE_FIELDS = [
  { label: 'Henvisning (f.eks.', list: 'likemann-open-referrals', fits: (r) => !ENDED.includes(r.stageKey) },
  { label: 'Forløpets referanse', list: 'likemann-open-referrals', fits: (r) => !ENDED.includes(r.stageKey) },
  { label: 'Det avsluttede forløpets referanse', list: 'likemann-closed-referrals', fits: (r) => r.stageKey === 'CLOSED' }
];

// asked again for every form that opens: a referral made a minute ago is there, and after another user logs in on
// the same page, nothing of the last user's list is left
function suggest(field) {
  referrals()
    .then((response) => (response.ok ? response.json() : []))
    .catch(() => [])
    .then((rows) => {
      const list = element('datalist');
      list.id = field.list;
      rows.filter(field.fits).forEach((r) => {
        const option = element('option');
        option.value = r.reference;
        option.label = r.municipality + ', ' + r.stage.toLowerCase() + ', mottatt ' + norwegianDate(r.receivedOn);
        list.appendChild(option);
      });
      const old = document.getElementById(field.list);
      if (old) {
        old.replaceWith(list);
      } else {
        document.body.appendChild(list);
      }
    });
}

function suggestReferences() {
  for (const label of document.querySelectorAll('.fjs-form-field label')) {
    const text = label.textContent.trim();
    const input = label.htmlFor ? document.getElementById(label.htmlFor) : null;
    const field = REFERENCE_FIELDS.find((f) => text.startsWith(f.label));
    if (!input || !field || input.hasAttribute('list')) {
      continue;
    }
    input.setAttribute('list', field.list);
    input.setAttribute('autocomplete', 'off');
    suggest(field);
  }
}

let suggestScheduled = false;
new MutationObserver(() => {
  if (!suggestScheduled) {
    suggestScheduled = true;
    requestAnimationFrame(() => {
      suggestScheduled = false;
      suggestReferences();
    });
  }
}).observe(document.documentElement, { childList: true, subtree: true });

export default [{
  id: 'likemannReferrals',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  // only for those who may follow referrals: the access check lists nothing, so it reads nothing
  render: (node) => navbarLink(node, '/api/referrals/access', 'likemann-referrals-action', 'glyphicon-list-alt',
      'Henvisninger', open),
  unmount: closePanel
}];
