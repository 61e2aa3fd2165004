// After "Fullfør" (a task's form submitted) or "Start" (a start form), Tasklist says nothing and leaves the user to
// find the case's next step in "Gruppens oppgaver" and claim it. This script says what happened ("«Vurder henvisning»
// er fullført (HEN-2026-00012)") and opens the case's next task that is the user's to do now: assigned to them, or
// offered to one of their groups, which it then claims for them, as "Ta oppgaven" would. Which task that is, the
// server decides from the login (GET /api/tasks/next, NextTasks): the same case's tasks only, never standing ones
// such as "Avslutt oppfølging". It reads no form and changes no value; the claim goes through Tasklist's own API with
// Tasklist's own CSRF token.
import { element, get } from './likemann-panel.js';

const ENGINE = '/camunda/api/engine/engine/default';
const SUBMITTED = /\/api\/engine\/engine\/default\/task\/([^/?]+)\/submit-form$/;
const STARTED = /\/api\/engine\/engine\/default\/process-definition\/[^/]+\/submit-form$/;

let notice = null;

function say(lines, kind) {
  if (notice) {
    notice.remove();
  }
  notice = element('div', undefined, 'likemann-next-task alert alert-' + kind);
  notice.setAttribute('role', 'status');
  notice.setAttribute('aria-live', 'polite');
  // bottom right, above Tasklist's footer: clear of the task's title and of the form
  notice.style.cssText = 'position:fixed;bottom:40px;right:20px;z-index:1060;max-width:min(480px,95vw);'
      + 'box-shadow:0 4px 16px rgba(0,0,0,.2);';
  const shut = element('button', '×', 'close');
  shut.type = 'button';
  shut.setAttribute('aria-label', 'Lukk');
  shut.addEventListener('click', () => notice && notice.remove());
  notice.append(shut);
  lines.forEach((line) => notice.append(element('div', line)));
  document.body.appendChild(notice);
  const shown = notice;
  setTimeout(() => shown.remove(), 12000);
}

function cookie(name) {
  const found = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.substring(name.length + 1)) : '';
}

function me() {
  return get('/camunda/api/admin/auth/user/default').then((r) => (r.ok ? r.json() : {})).then((u) => u.userId);
}

function claim(taskId) {
  return me().then((userId) => fetch(ENGINE + '/task/' + encodeURIComponent(taskId) + '/claim', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN'),
      'X-Requested-With': 'XMLHttpRequest' },
    body: JSON.stringify({ userId })
  })).then((r) => r.ok);
}

// Tasklist's address keeps the filter and the search, and names the open task
function open(taskId) {
  const hash = window.location.hash || '#/';
  const at = hash.indexOf('?');
  const params = new URLSearchParams(at < 0 ? '' : hash.substring(at + 1));
  params.set('task', taskId);
  window.location.hash = '#/?' + params.toString();
}

function next(query, done) {
  get('/api/tasks/next?' + query)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status))))
    .then((n) => {
      const what = done(n);
      if (!n.taskId) {
        say([what, 'Du har ingen flere oppgaver i dette forløpet nå.'], 'success');
        return;
      }
      (n.yours ? Promise.resolve(true) : claim(n.taskId)).then((claimed) => {
        say([what, claimed ? 'Neste steg for deg er åpnet: «' + n.name + '».'
          : 'Neste steg, «' + n.name + '», er åpnet, men en annen har tatt det.'], 'success');
        open(n.taskId);
      });
    })
    .catch(() => { /* Tasklist has done its own work; the note is only a help */ });
}

function reference(n) {
  return n.reference ? ' (' + n.reference + ')' : '';
}

const send = XMLHttpRequest.prototype.send;
const openRequest = XMLHttpRequest.prototype.open;

XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.likemannRequest = { method: String(method).toUpperCase(), url: String(url).split('?')[0] };
  return openRequest.call(this, method, url, ...rest);
};

XMLHttpRequest.prototype.send = function (...args) {
  const request = this.likemannRequest;
  if (request && request.method === 'POST') {
    const submitted = SUBMITTED.exec(request.url);
    if (submitted) {
      this.addEventListener('load', () => {
        if (this.status === 204) {
          next('after=' + encodeURIComponent(decodeURIComponent(submitted[1])),
              (n) => '«' + n.completed + '» er fullført' + reference(n) + '.');
        }
      });
    } else if (STARTED.test(request.url)) {
      this.addEventListener('load', () => {
        if (this.status === 200) {
          let started;
          try {
            started = JSON.parse(this.responseText);
          } catch (e) {
            return;
          }
          next('started=' + encodeURIComponent(started.id),
              (n) => (n.reference ? n.completed + ' er startet: ' + n.reference + '.' : n.completed + ' er startet.'));
        }
      });
    }
  }
  return send.apply(this, args);
};

// no plugin of its own: the script's work is the requests it follows
export default [];
