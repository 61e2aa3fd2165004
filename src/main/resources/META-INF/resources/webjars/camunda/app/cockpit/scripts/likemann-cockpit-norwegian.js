// What Cockpit shows in English although its labels are Norwegian (locales/nb.json): the decision table viewer
// (dmn-js: "Hit policy", When/And/Then/Annotations, the data types, the journey's treatment statuses), the empty
// values it prints as "null" (version tag, tenant, decision requirements), "Actions", and the start and end times it
// writes as 2026-12-02T04:25:06. This script puts them in Norwegian as they appear, the way Tasklist's script does
// for form-js (ADR 7). It changes only text that is shown, never a value sent: a decision table's cells keep their
// FEEL value, with its meaning beside it ("before" (før institusjonsopphold)).
const EXACT = new Map([
  ['Hit policy:', 'Treffregel:'],
  ['Hit Policy:', 'Treffregel:'],
  ['Unique', 'Unik'],
  ['First', 'Første'],
  ['Priority', 'Prioritet'],
  ['Any', 'Hvilken som helst'],
  ['Collect', 'Samle'],
  ['Collect (Sum)', 'Samle (sum)'],
  ['Collect (Min)', 'Samle (minste)'],
  ['Collect (Max)', 'Samle (største)'],
  ['Collect (Count)', 'Samle (antall)'],
  ['Rule order', 'Regelrekkefølge'],
  ['Output order', 'Utdatarekkefølge'],
  ['When', 'Når'],
  ['And', 'Og'],
  ['Then', 'Så'],
  ['Annotations', 'Merknader'],
  ['Actions', 'Handlinger'],
  ['integer', 'heltall'],
  ['long', 'heltall'],
  ['double', 'tall'],
  ['boolean', 'ja/nei'],
  ['string', 'tekst'],
  ['date', 'dato'],
  ['null', '–']
]);

// the journey's treatment statuses as the referral form names them (DMN referralPriority's input)
const VALUES = new Map([
  ['"before"', '"before" (før institusjonsopphold)'],
  ['"during"', '"during" (under institusjonsopphold)'],
  ['"after"', '"after" (etter institusjonsopphold)'],
  ['"before","during","after"', 'før, under eller etter institusjonsopphold'],
  ['true', 'true (ja)'],
  ['false', 'false (nei)']
]);

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/;

// the engine's refusals, which Cockpit shows as they come (Brukeroppgaver asks for every task's groups, which the
// steering group may not read: it sees counts, never a task)
const TYPES = { Task: 'oppgaver', ProcessInstance: 'prosessinstanser', ProcessDefinition: 'prosessdefinisjoner',
  Deployment: 'utrullinger', DecisionDefinition: 'beslutninger', HistoricTask: 'oppgavehistorikk' };
const REFUSED = /^(?:Error: )?The user with id '[^']*' does not have '?(\w+)'? permission on resource '[^']*'(?: of type '(\w+)')?\.?$/;

// never the user's own input, the diagram's text or the figures' own page
const SKIP = 'input, textarea, script, style, svg, .likemann-figures, [contenteditable="true"]';

function norwegian(text, inTable) {
  const trimmed = text.trim();
  if (!trimmed) {
    return null;
  }
  if (EXACT.has(trimmed)) {
    return text.replace(trimmed, EXACT.get(trimmed));
  }
  if (inTable && VALUES.has(trimmed)) {
    return text.replace(trimmed, VALUES.get(trimmed));
  }
  const refused = REFUSED.exec(trimmed);
  if (refused) {
    return text.replace(trimmed, 'Dette er ikke for din rolle: den kan ikke lese '
        + (TYPES[refused[2]] || 'dette') + ' (tilgangen mangler).');
  }
  const t = TIMESTAMP.exec(trimmed);
  if (t) {
    return text.replace(trimmed, `${t[3]}.${t[2]}.${t[1]} ${t[4]}:${t[5]}${t[6] ? ':' + t[6] : ''}`);
  }
  return null;
}

function translate(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const changes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(SKIP)) {
      continue;
    }
    const inTable = !!parent.closest('.tjs-container, .dmn-decision-table-container');
    // only what dmn-js and Cockpit's own views print: a cell of the table, a header, a label, a value
    const changed = norwegian(node.nodeValue, inTable);
    if (changed !== null && changed !== node.nodeValue) {
      changes.push([node, changed]);
    }
  }
  changes.forEach(([node, text]) => {
    node.nodeValue = text;
  });
}

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      translate(document.body);
    });
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

// no plugin of its own: the script's work is the observer above
export default [];
