// What the panels in Tasklist's top bar share ("Henvisninger", "Mine deltakere"): one panel open at a time, over the
// page, closed with × or Escape; elements made with their text (never HTML); the project's API asked with the
// session, as the page's own scripts ask (no login box when the session has ended).

export function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) {
    e.textContent = text;
  }
  if (className) {
    e.className = className;
  }
  return e;
}

export function get(path) {
  return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
}

export function norwegianDate(isoDate) {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

let current = null;

export function closePanel() {
  if (current) {
    current.remove();
    current = null;
  }
}

/** Opens a panel with a title and a line about it; returns the "fetching" line, for the content to replace. */
export function openPanel(className, titleText, aboutText, width) {
  closePanel();
  const panel = element('div', undefined, className);
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-labelledby', className + '-title');
  panel.style.cssText = 'position:fixed;top:55px;right:20px;width:min(' + width + 'px,95vw);max-height:80vh;'
      + 'overflow:auto;background:#fff;border:1px solid #ccc;box-shadow:0 4px 16px rgba(0,0,0,.25);z-index:1050;'
      + 'padding:15px;';
  const shut = element('button', '×', 'close');
  shut.type = 'button';
  shut.setAttribute('aria-label', 'Lukk');
  shut.addEventListener('click', closePanel);
  const title = element('h3', titleText);
  title.id = className + '-title';
  const status = element('p', 'Henter …', 'text-muted');
  panel.append(shut, title, element('p', aboutText), status);
  document.body.appendChild(panel);
  shut.focus();
  current = panel;
  return status;
}

/** Fills the panel's "fetching" line with what the answer makes, or a message when it cannot be had. */
export function fill(status, answer, make, failed) {
  answer
    .then((response) => {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    })
    .then((data) => Promise.resolve(make(data)).then((made) => status.replaceWith(made)))
    .catch(() => status.replaceWith(element('p', failed, 'text-danger')));
}

/** A link in the top bar that opens a panel, shown only when asking {@code access} answers 204. */
export function navbarLink(node, access, className, icon, text, open) {
  get(access).then((response) => {
    if (response.status !== 204) {
      return;
    }
    const link = element('a');
    link.href = '';
    link.setAttribute('role', 'button');
    link.className = className;
    link.append(element('span', undefined, 'glyphicon ' + icon), document.createTextNode(' ' + text));
    link.addEventListener('click', (event) => {
      event.preventDefault();
      open();
    });
    node.replaceChildren(link);
  });
}

/**
 * Calls {@code work} after the page has changed (Tasklist draws a list, a form, a message), once per frame however
 * many changes the frame had: what the scripts that put Tasklist's own words right need.
 */
export function afterEachChange(work) {
  let scheduled = false;
  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        work();
      });
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    closePanel();
  }
});
