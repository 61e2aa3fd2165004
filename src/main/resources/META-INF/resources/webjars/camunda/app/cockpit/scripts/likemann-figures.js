// "Tjenesten i tall": the service's figures on Cockpit's dashboard, from /api/reports/summary (counts and shares
// only, never a name or a health detail; small counts come as "under 5", hidden figures as "hidden", a breakdown that
// would give a small count away as a table with "withheld"). Shown to the roles that may read them; for anyone else the section stays
// empty. Plain DOM, text only: nothing from the server is read as HTML.

const OUTCOMES = {
  OPEN: 'Pågår',
  DECLINED: 'Henvisningen avslått',
  SAID_NO: 'Takket nei etter informasjonsmøtet',
  CONSENT_REFUSED: 'Samtykke ikke gitt',
  CLOSED: 'Avsluttet',
  WITHDRAWN: 'Samtykket trukket'
};

const CLOSING_REASONS = {
  goalsReached: 'Målene nådd',
  dropOut: 'Frafall',
  moved: 'Flyttet',
  consentWithdrawn: 'Samtykket trukket',
  other: 'Annet'
};

const MENTOR_STATUS = {
  CANDIDATE: 'Kandidat',
  ACTIVE: 'Aktiv',
  PAUSED: 'Pause',
  LEFT: 'Sluttet'
};

const number = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 0 });

const WITHHELD = 'skjult (for få til å vises)';

// a count or a figure as the server gives it: a number, "under 5", or "hidden"
function num(v) {
  return typeof v === 'number' ? number.format(v) : v === 'hidden' ? 'skjult' : String(v);
}

function pct(v) {
  return typeof v === 'number' ? percent.format(v) : 'skjult';
}

function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) {
    e.textContent = text;
  }
  if (className) {
    e.className = className;
  }
  return e;
}

function facts(title, rows) {
  const box = element('div', undefined, 'col-md-4 likemann-figures-group');
  box.appendChild(element('h4', title));
  const table = element('table', undefined, 'table table-condensed');
  const body = element('tbody');
  rows.forEach(([label, value]) => {
    const tr = element('tr');
    tr.appendChild(element('th', label));
    tr.appendChild(element('td', value, 'text-right'));
    body.appendChild(tr);
  });
  table.appendChild(body);
  box.appendChild(table);
  return box;
}

function counts(title, table, labels) {
  if (table && table.withheld) {
    return facts(title, [['I alt', num(table.total)], ['Fordelingen', WITHHELD]]);
  }
  const rows = Object.entries((table && table.cells) || {}).map(([key, n]) => [labels ? labels[key] || key : key, num(n)]);
  return facts(title, rows.length ? rows : [['Ingen ennå', '']]);
}

// the plan's goals per municipality, over its participants in the service (plan 000 §7)
function plans(participants, byMunicipality) {
  const box = element('div', undefined, 'col-md-8 likemann-figures-group');
  box.appendChild(element('h4', 'Individuell plan og Brukerplan per kommune (deltakere i tjenesten)'));
  if (participants && participants.withheld) {
    box.appendChild(element('p', 'Fordelingen: ' + WITHHELD, 'text-muted'));
    return box;
  }
  const table = element('table', undefined, 'table table-condensed');
  const head = element('tr');
  ['Kommune', 'Deltakere', 'Med individuell plan (mål minst 50 %)', 'Med Brukerplan (mål 100 %)'].forEach((h, i) =>
    head.appendChild(element('th', h, i ? 'text-right' : undefined)));
  const thead = element('thead');
  thead.appendChild(head);
  table.appendChild(thead);
  const body = element('tbody');
  Object.entries((participants && participants.cells) || {}).forEach(([municipality, n]) => {
    const p = (byMunicipality || {})[municipality] || {};
    const tr = element('tr');
    tr.appendChild(element('td', municipality));
    tr.appendChild(element('td', num(n), 'text-right'));
    tr.appendChild(element('td', pct(p.individualPlanShare), 'text-right'));
    tr.appendChild(element('td', pct(p.brukerplanShare), 'text-right'));
    body.appendChild(tr);
  });
  table.appendChild(body);
  box.appendChild(table);
  return box;
}

function capacity(byRegion) {
  const box = element('div', undefined, 'col-md-8 likemann-figures-group');
  box.appendChild(element('h4', 'Likemenn og ventende per region'));
  const table = element('table', undefined, 'table table-condensed');
  const head = element('tr');
  ['Region', 'Aktive likemenn', 'Ledige plasser', 'Venter (venteliste eller matching)'].forEach((h, i) =>
    head.appendChild(element('th', h, i ? 'text-right' : undefined)));
  const thead = element('thead');
  thead.appendChild(head);
  table.appendChild(thead);
  const body = element('tbody');
  Object.entries(byRegion || {}).forEach(([region, c]) => {
    const tr = element('tr');
    tr.appendChild(element('td', region));
    [c.activeMentors, c.freeSlots, c.waiting].forEach((n) => tr.appendChild(element('td', num(n), 'text-right')));
    // more waiting than free slots: the region needs mentors (where both are shown)
    if (typeof c.waiting === 'number' && typeof c.freeSlots === 'number' && c.waiting > c.freeSlots) {
      tr.className = 'warning';
    }
    body.appendChild(tr);
  });
  table.appendChild(body);
  box.appendChild(table);
  return box;
}

function days(n) {
  return typeof n !== 'number' ? 'skjult' : n === 1 ? '1 dag' : number.format(n) + ' dager';
}

// a median of nobody, or the longest of no waits, is no number of days: 0 would read as "no wait at all"
function daysOf(count, n, none) {
  return count === 0 ? none : days(n);
}

function show(node, s) {
  const row1 = element('div', undefined, 'row');
  row1.appendChild(facts('Henvisninger', [
    ['Henvisninger i alt', num(s.referrals)],
    ['Forskjellige deltakere', num(s.participants)],
    ['Åpne forløp', num(s.openJourneys)],
    ['På venteliste', num(s.waitingForCapacity)],
    ['Aktive koblinger', num(s.activeCouplings)],
    ['Deltakere i tjenesten (koblet til likemann)', num(s.participantsInService)],
    ['Med individuell plan (mål minst 50 %)', pct(s.individualPlanShare)],
    ['Med Brukerplan (mål 100 %)', pct(s.brukerplanShare)]
  ]));
  const t = s.timeToMentor;
  row1.appendChild(facts('Tid til likemann (siste 12 måneder)', [
    ['Koblet til likemann', num(t.coupled)],
    ['Fra henvisning til matching, median', daysOf(t.coupled, t.medianDaysToMatching, 'ingen koblet ennå')],
    ['Fra matching til koblingsmøte, median', daysOf(t.coupled, t.medianDaysInMatching, 'ingen koblet ennå')],
    ['I matching nå, uten koblingsmøte', num(t.waitingNow)],
    ['Lengst i matching nå', daysOf(t.waitingNow, t.longestWaitDays, 'ingen venter')]
  ]));
  row1.appendChild(facts('Oppfølging', [
    ['Ukelogger sendt', num(s.weeklyLogs.sent) + ' av ' + num(s.weeklyLogs.opened)
        + ' (' + pct(s.weeklyLogs.sentShare) + ')'],
    ['Kontakter per uke, siste fire uker', num(s.contacts.perWeekLastFourWeeks)],
    ['Kontakttid utenfor vanlig arbeidstid', pct(s.contacts.outsideHoursShare)],
    ['Frafall til behandlingen er slutt', num(s.dropOut.counted) + ' av '
        + num(s.dropOut.coupledParticipants) + ' (' + pct(s.dropOut.share) + ')'],
    ['Frafall etter behandlingen', num(s.dropOut.afterTreatmentEnded)]
  ]));
  const row2 = element('div', undefined, 'row');
  row2.appendChild(counts('Henvisninger per kommune', s.referralsByMunicipality));
  row2.appendChild(counts('Forløp etter utfall', s.journeysByOutcome, OUTCOMES));
  row2.appendChild(counts('Avslutningsgrunner', s.closingReasons, CLOSING_REASONS));
  const row3 = element('div', undefined, 'row');
  row3.appendChild(capacity(s.capacityByRegion));
  row3.appendChild(counts('Likemenn etter status', s.mentorsByStatus, MENTOR_STATUS));
  row3.appendChild(facts('Likemenn og NAV', [
    ['Aktive likemenn med tilskudd fra NAV', num(s.activeMentorsWithNavGrant)]
  ]));
  const row4 = element('div', undefined, 'row');
  row4.appendChild(counts('Henvisninger etter alder', s.referralsByAgeGroup));
  row4.appendChild(plans(s.participantsInServiceByMunicipality, s.plansByMunicipality));

  node.replaceChildren(element('h3', 'Tjenesten i tall'), row1, row2, row3, row4,
      element('p', 'Bare antall og andeler, aldri navn eller helseopplysninger. Antall fra 1 til '
          + (s.smallestCountShown - 1) + ' står som «under ' + s.smallestCountShown + '», og andeler og snitt over færre enn '
          + s.smallestCountShown + ' personer vises ikke, så ingen kan pekes ut.', 'text-muted'));
}

function reportList(reports) {
  if (reports.length === 0) {
    return element('p', 'Ingen rapporter ennå. Prosjektlederen får oppgaven 1. juni og 1. november.', 'text-muted');
  }
  const list = element('ul', undefined, 'list-unstyled likemann-steering-reports');
  reports.forEach((r) => {
    const item = element('li');
    const link = element('a', r.title);
    link.href = '/api/steering-reports/' + encodeURIComponent(r.id) + '.pdf';
    link.target = '_blank';
    link.rel = 'noopener';
    const made = new Date(r.producedAt).toLocaleDateString('nb-NO', { timeZone: 'Europe/Oslo' });
    item.append(link, element('span', ' (PDF, laget ' + made + ')', 'text-muted'));
    list.appendChild(item);
  });
  return list;
}

// the working group's months (adviser's report, minutes, figures), each a PDF
function monthList(months) {
  if (months.length === 0) {
    return element('p', 'Ingen måneder ennå. Rådgiveren får oppgaven den 1. i hver måned, prosjektlederen etter den.',
        'text-muted');
  }
  const list = element('ul', undefined, 'list-unstyled likemann-working-group-months');
  months.forEach((m) => {
    const item = element('li');
    const link = element('a', m.title);
    link.href = '/api/working-group-months/' + encodeURIComponent(m.id) + '.pdf';
    link.target = '_blank';
    link.rel = 'noopener';
    item.append(link, element('span', ' (PDF)', 'text-muted'));
    list.appendChild(item);
  });
  return list;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString('nb-NO', { timeZone: 'Europe/Oslo' }) : 'aldri';
}

// the administrator's check that the clean-ups ran: Camunda's history clean-up and the nightly retention pass
function retention(node, r) {
  const jobs = r.engineHistory.jobs;
  const rows = [['Vindu for historikkopprydding', r.engineHistory.window]];
  if (jobs.length === 0) {
    rows.push(['Historikkopprydding', 'ingen jobb planlagt']);
  }
  jobs.forEach((j, i) => {
    rows.push(['Opprydding ' + (i + 1) + ': sist fullført', when(j.lastSuccess)]);
    // a failure after the last success is one to look into
    if (j.lastFailure && (!j.lastSuccess || j.lastFailure > j.lastSuccess)) {
      rows.push(['Opprydding ' + (i + 1) + ': feilet', when(j.lastFailure) + ': ' + (j.lastFailureMessage || 'ukjent feil')]);
    }
    rows.push(['Opprydding ' + (i + 1) + ': neste', when(j.due) + (j.failure ? ' – feil: ' + j.failure : '')]);
  });
  const removed = r.engineHistory.removed;
  rows.push(['Fjernet av oppryddingen', number.format(removed['history-cleanup-removed-process-instances'] || 0)
      + ' prosessinstanser, ' + number.format(removed['history-cleanup-removed-decision-instances'] || 0) + ' beslutninger']);
  const last = r.retentionLastRun;
  rows.push(['Lagringstid etter avsluttet forløp', number.format(r.keepAfterEndDays) + ' dager']);
  rows.push(['Siste nattlige sletting', last ? when(last.ranAt) + ': ' + number.format(last.journeysErased)
      + ' forløp, ' + number.format(last.candidatesErased) + ' tidligere kandidater, '
      + number.format(last.mentorsErased) + ' tidligere likemenn og ' + number.format(last.coworkersErased)
      + ' tidligere medarbeidere i Portalen slettet, '
      + number.format(last.personsLeft) + ' personer til neste natt' : 'har ikke kjørt ennå']);
  const done = r.erasures.filter((e) => e.status === 'ERASED').length;
  rows.push(['Slettinger', number.format(done) + ' utført, ' + number.format(r.erasures.length - done) + ' bedt om eller avslått']);
  node.replaceChildren(element('h3', 'Sletting og lagringstid'), facts('Oppryddingen', rows));
}

// --- charts (Apache ECharts from its WebJar, loaded when the steering group's page opens) ---------------------------

const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'];

function monthLabel(yyyymm) {
  const [year, month] = yyyymm.split('-');
  return MONTH_NAMES[Number(month) - 1] + ' ' + year.substring(2);
}

// a hidden count is no bar (never a 0, which would read as none)
function value(v) {
  return typeof v === 'number' ? v : null;
}

function cellsOf(table, keys) {
  const cells = (table && !table.withheld && table.cells) || {};
  return keys.map((k) => value(cells[k]));
}

function chartBox(title, about) {
  const box = element('div', undefined, 'col-md-4 likemann-chart');
  box.appendChild(element('h4', title));
  const canvas = element('div', undefined, 'likemann-chart-canvas');
  canvas.style.cssText = 'width:100%;height:260px;';
  box.appendChild(canvas);
  if (about) {
    box.appendChild(element('p', about, 'text-muted small'));
  }
  return [box, canvas];
}

function bars(echarts, canvas, categories, series, stacked) {
  const chart = echarts.init(canvas, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    grid: { left: 40, right: 10, top: 30, bottom: 50 },
    legend: { top: 0, itemGap: 24, itemWidth: 14, textStyle: { padding: [0, 0, 0, 4] } },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: categories, axisLabel: { rotate: categories.length > 6 ? 45 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ name: s.name, type: s.type || 'bar', stack: stacked ? 'all' : undefined,
      data: s.data, connectNulls: false }))
  });
  window.addEventListener('resize', () => chart.resize());
  return chart;
}

function charts(node, trends, summary, echarts) {
  const months = trends.months;
  const labels = months.map(monthLabel);
  const row = element('div', undefined, 'row');
  const [monthly, monthlyCanvas] = chartBox('Henvisninger, koblinger og frafall per måned',
      'Måneder med 1 til ' + (trends.smallestCountShown - 1) + ', og det som ville avsløre dem, vises uten søyle.');
  const municipalities = Object.keys((summary.referralsByMunicipality && summary.referralsByMunicipality.cells) || {});
  const [perMunicipality, municipalityCanvas] = chartBox('Per kommune',
      'Henvisninger og deltakere i tjenesten (koblet til likemann), side om side.');
  const [hours, hoursCanvas] = chartBox('Kontakttid i og utenom vanlig arbeidstid (timer)',
      'Fra likemennenes ukelogger; helg og helligdager regnes som utenom.');
  const [waiting, waitingCanvas] = chartBox('Venter på likemann ved månedens slutt',
      'I matching uten koblingsmøte; denne måneden: nå. Under ' + trends.smallestCountShown + ' vises uten søyle.');
  const [toMentor, toMentorCanvas] = chartBox('Tid til likemann (median dager)',
      'Fra henvisning til første koblingsmøte, for månedens nye koblinger; med færre enn '
      + trends.smallestCountShown + ' koblinger vises ikke måneden.');
  row.append(monthly, perMunicipality, hours, waiting, toMentor);
  node.replaceChildren(element('h3', 'Tjenesten i grafer'), row);
  bars(echarts, monthlyCanvas, labels, [
    { name: 'Henvisninger', data: cellsOf(trends.referrals, months) },
    { name: 'Nye koblinger', data: cellsOf(trends.couplings, months) },
    { name: 'Frafall', data: cellsOf(trends.dropOut, months) }]);
  bars(echarts, municipalityCanvas, municipalities, [
    { name: 'Henvisninger', data: cellsOf(summary.referralsByMunicipality, municipalities) },
    { name: 'Deltakere i tjenesten', data: cellsOf(summary.participantsInServiceByMunicipality, municipalities) }]);
  const toHours = (v) => (typeof v === 'number' ? Math.round(v / 6) / 10 : null);
  bars(echarts, hoursCanvas, labels, [
    { name: 'I arbeidstid', data: months.map((m) => toHours(trends.minutesInHours[m])) },
    { name: 'Utenom arbeidstid', data: months.map((m) => toHours(trends.minutesOutsideHours[m])) }], true);
  bars(echarts, waitingCanvas, labels, [
    { name: 'Venter', data: months.map((m) => value(trends.waiting[m])) }]);
  bars(echarts, toMentorCanvas, labels, [
    { name: 'Median dager', type: 'line', data: months.map((m) => value(trends.medianDaysToMentor[m])) }]);
}

// --- Where the journeys stand now: the model's steps in the diagram's order, with how many stand at each now and
// how many passed it this year (GET /api/reports/process-counts/<key>: "under 5" or "ca. N", never an instance), on
// the model's own diagram. The steps come from the model itself (its XML, which the reader may read), so a changed
// model shows its own steps. Without Cockpit's viewer, the same counts as a chart in the diagram's order.

const STEP_TYPES = ['userTask', 'callActivity', 'intermediateCatchEvent', 'receiveTask', 'subProcess'];

function modelSteps(xml) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
  const DI = 'http://www.omg.org/spec/BPMN/20100524/DI';
  const DC = 'http://www.omg.org/spec/DD/20100524/DC';
  const at = {};
  Array.from(doc.getElementsByTagNameNS(DI, 'BPMNShape')).forEach((shape) => {
    const bounds = shape.getElementsByTagNameNS(DC, 'Bounds')[0];
    if (bounds) {
      at[shape.getAttribute('bpmnElement')] = [Number(bounds.getAttribute('x')), Number(bounds.getAttribute('y'))];
    }
  });
  const steps = [];
  STEP_TYPES.forEach((type) => Array.from(doc.getElementsByTagNameNS(BPMN, type)).forEach((e) => {
    const id = e.getAttribute('id');
    steps.push({ id, name: (e.getAttribute('name') || id).replace(/\s+/g, ' '), at: at[id] || [0, 0] });
  }));
  return steps.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
}

// "ca. 15" is 15; "under 5" has no bar but says so at its place
function shownCount(text) {
  if (!text) {
    return null;
  }
  const number = /(\d+)/.exec(text);
  return text.startsWith('ca.') && number ? Number(number[1]) : { value: 0, label: { show: true, formatter: text,
    position: 'right', color: '#666' } };
}

function stepChart(echarts, canvas, steps, counts) {
  const shown = steps.filter((s) => counts[s.id]);
  canvas.style.height = Math.max(160, 26 * shown.length + 60) + 'px';
  const chart = echarts.init(canvas, null, { renderer: 'svg', locale: 'EN' });
  chart.setOption({
    animation: false,
    color: ['#5470c6', '#91cc75'],
    grid: { left: 8, right: 40, top: 30, bottom: 10, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: shown.map((s) => s.name),
      axisLabel: { width: 220, overflow: 'truncate' } },
    series: [
      { name: 'Nå', type: 'bar', data: shown.map((s) => shownCount(counts[s.id].now)) },
      { name: 'Passert i år', type: 'bar', data: shown.map((s) => shownCount(counts[s.id].passedThisYear)) }]
  });
  window.addEventListener('resize', () => chart.resize());
  return shown.length;
}

const FOLLOWED = [
  { key: 'participantJourney', title: 'Deltakerforløpet' },
  { key: 'mentorOnboarding', title: 'Rekruttering av likemenn' }];

// The model's own diagram, drawn by Cockpit's diagram viewer (the one its process pages use), with each step's counts
// as a badge. Cockpit's viewer is an AngularJS directive of the app: compiled here into the dashboard's node. Where
// it is not there (a Cockpit without it), false, and the steps are drawn as a chart instead.
// a count as a small pill on its step: blue for those there now, grey for those who passed it this year
function pill(text, kind) {
  const shown = text.startsWith('ca. ') ? text.substring(4) : text === 'under 5' ? '<5' : text;
  const box = element('span', shown, 'likemann-step-count likemann-step-' + kind);
  box.title = (kind === 'now' ? 'Nå: ' : 'Passert i år: ') + text;
  box.style.cssText = 'display:inline-block;border-radius:8px;padding:0 5px;font-size:11px;line-height:15px;'
      + 'white-space:nowrap;font-weight:600;box-shadow:0 1px 2px rgba(0,0,0,.2);'
      + (kind === 'now' ? 'background:#1c6ea4;color:#fff;' : 'background:#e8e8e8;color:#333;border:1px solid #bbb;');
  return box;
}

function cockpitDiagram(holder, key, xml, counts) {
  const ng = window.angular;
  const injector = ng && ng.element(document.documentElement).injector();
  if (!injector || !injector.has('camWidgetBpmnViewerDirective')) {
    return false;
  }
  const scope = injector.get('$rootScope').$new(true);
  scope.xml = xml;
  scope.control = {};
  scope.drawn = () => {
    const overlays = scope.control.getViewer().get('overlays');
    Object.entries(counts).forEach(([id, step]) => {
      const shape = scope.control.getElement(id);
      // the steps where people stand or end: not the gateways, the start or what is attached to a step
      if (!shape || shape.waypoints || /Gateway$|^bpmn:StartEvent$|^bpmn:BoundaryEvent$/.test(shape.type)) {
        return;
      }
      // the diagram is drawn small to fit: the counts keep a size that can be read
      const scale = { min: 1 };
      const show = { minZoom: -Infinity, maxZoom: Infinity };
      if (step.now) {
        overlays.add(id, 'likemann-step-count', { position: { top: -9, right: 6 }, scale, show,
          html: pill(step.now, 'now') });
      }
      if (step.passedThisYear) {
        overlays.add(id, 'likemann-step-count', { position: { bottom: 9, left: -6 }, scale, show,
          html: pill(step.passedThisYear, 'year') });
      }
    });
  };
  const viewer = document.createElement('div');
  viewer.setAttribute('cam-widget-bpmn-viewer', '');
  viewer.setAttribute('diagram-data', 'xml');
  viewer.setAttribute('key', 'likemann-dashboard-' + key);
  viewer.setAttribute('control', 'control');
  viewer.setAttribute('on-load', 'drawn()');
  // an overview: no zooming, no moving about (and none of the viewer's English button titles)
  viewer.setAttribute('disable-navigation', 'true');
  viewer.className = 'likemann-dashboard-diagram';
  viewer.style.cssText = 'display:block;position:relative;height:440px;border:1px solid #ddd;border-radius:3px;';
  holder.appendChild(viewer);
  injector.get('$compile')(viewer)(scope);
  scope.$applyAsync();
  return true;
}

function journeyNow(node, models, echarts) {
  const row = element('div', undefined, 'row');
  const drawn = [];
  models.forEach(({ key, title, definition, counts }) => {
    const box = element('div', undefined, 'col-md-12 likemann-chart likemann-steps');
    box.appendChild(element('h4', title));
    const canvas = element('div', undefined, 'likemann-chart-canvas');
    canvas.style.width = '100%';
    box.appendChild(canvas);
    const about = element('p', undefined, 'text-muted small');
    const [now, year] = [pill('ca. 5', 'now'), pill('ca. 5', 'year')];
    [now, year].forEach((p) => { p.className = 'likemann-step-legend'; });
    about.append(now, ' står på steget nå, ', year, ' har passert det i år.'
        + ' «<5» betyr under 5; større tall til nærmeste 5. ');
    const link = element('a', 'Åpne diagrammet i full størrelse');
    // a definition's id is key:version:uuid, which the route takes as it is
    link.href = '#/process-definition/' + definition.id + '/runtime';
    about.appendChild(link);
    box.appendChild(about);
    row.appendChild(box);
    drawn.push([canvas, key, definition, counts]);
  });
  node.replaceChildren(element('h3', 'Forløpet nå'), row);
  drawn.forEach(([canvas, key, definition, counts]) => {
    if (cockpitDiagram(canvas, key, definition.bpmn20Xml, counts)) {
      return;
    }
    if (!stepChart(echarts, canvas, modelSteps(definition.bpmn20Xml), counts)) {
      canvas.replaceChildren(element('p', 'Ingen i dette forløpet ennå.', 'text-muted'));
      canvas.style.height = 'auto';
    }
  });
}

/** A moment as Norwegian users write it, in Oslo: "07.12.2026 kl. 08.05". */
function osloTime(date) {
  const parts = {};
  new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date).forEach((p) => { parts[p.type] = p.value; });
  return parts.day + '.' + parts.month + '.' + parts.year + ' kl. ' + parts.hour + '.' + parts.minute;
}

function json(path) {
  return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
    .then((response) => {
      if (response.status === 401 || response.status === 403) {
        return null;
      }
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
}

// Those who may read no process instance (the steering group, the working group, project leaders, advisers) would
// read Cockpit's own "Akkurat nå" and its task counts as "nothing runs": the engine counts only what the reader may
// see. The engine says whether the reader may read instances at all; if not, the page is marked, and user-styles.css
// leaves out what would mislead. An administrator sees Cockpit as it is. Asked when Cockpit opens and again on the
// dashboard (the first page after logging in, which does not reload the app).
function markReader() {
  json('/camunda/api/engine/engine/default/authorization/check?permissionName=READ&permissionValue=2'
    + '&resourceName=ProcessInstance&resourceType=8')
  .then((answer) => {
    if (answer && answer.authorized === false) {
      document.body.classList.add('likemann-aggregates-only');
    } else if (answer) {
      document.body.classList.remove('likemann-aggregates-only');
    }
  })
  .catch(() => {});
}
markReader();

export default [{
  id: 'likemannCharts',
  pluginPoint: 'cockpit.dashboard',
  // above Cockpit's own sections and the tables: what the steering group would rather look at than read
  priority: 200,
  render: (node) => {
    markReader();
    Promise.all([json('/api/reports/trends'), json('/api/reports/summary')])
      .then(([trends, summary]) => {
        if (!trends || !summary) {
          node.replaceChildren();
          return null;
        }
        return import(ECHARTS).then((echarts) => charts(node, trends, summary, echarts));
      })
      .catch(() => {
        node.replaceChildren(element('h3', 'Tjenesten i grafer'),
            element('p', 'Grafene kunne ikke vises. Tallene står nedenfor.', 'text-danger'));
      });
  }
}, {
  id: 'likemannJourneyNow',
  pluginPoint: 'cockpit.dashboard',
  // right after the charts: where the journeys stand, step by step
  priority: 150,
  render: (node) => {
    Promise.all(FOLLOWED.map(({ key, title }) => Promise.all([
      json('/camunda/api/engine/engine/default/process-definition/key/' + key + '/xml'),
      json('/api/reports/process-counts/' + key)])
      .then(([definition, counts]) => (definition && counts ? { key, title, definition, counts } : null))))
      .then((models) => {
        const readable = models.filter((m) => m);
        if (!readable.length) {
          node.replaceChildren();
          return null;
        }
        return import(ECHARTS).then((echarts) => journeyNow(node, readable, echarts));
      })
      .catch(() => {
        node.replaceChildren(element('h3', 'Forløpet nå'),
            element('p', 'Forløpet kunne ikke vises. Prøv igjen senere.', 'text-danger'));
      });
  }
}, {
  id: 'likemannRetention',
  pluginPoint: 'cockpit.dashboard',
  priority: 40,
  render: (node) => {
    fetch('/api/admin/retention', { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((r) => {
        if (r) {
          retention(node, r);
        }
      })
      .catch(() => {
        node.replaceChildren(element('h3', 'Sletting og lagringstid'),
            element('p', 'Oppryddingen kunne ikke hentes. Prøv igjen senere.', 'text-danger'));
      });
  }
}, {
  id: 'likemannSteeringReports',
  pluginPoint: 'cockpit.dashboard',
  priority: 60,
  render: (node) => {
    // the steering group's written reports, for those who may read them (the answer says who)
    fetch('/api/steering-reports', { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((reports) => {
        if (reports) {
          node.replaceChildren(element('h3', 'Rapporter til styringsgruppen'), reportList(reports));
        }
      })
      .catch(() => {
        node.replaceChildren(element('h3', 'Rapporter til styringsgruppen'),
            element('p', 'Rapportene kunne ikke hentes. Prøv igjen senere.', 'text-danger'));
      });
  }
}, {
  id: 'likemannWorkingGroupMonths',
  pluginPoint: 'cockpit.dashboard',
  priority: 55,
  render: (node) => {
    // the working group's months, for the region's working group, project leaders and advisers (the answer says who)
    fetch('/api/working-group-months', { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((months) => {
        if (months) {
          node.replaceChildren(element('h3', 'Arbeidsgruppens måneder'), monthList(months));
        }
      })
      .catch(() => {
        node.replaceChildren(element('h3', 'Arbeidsgruppens måneder'),
            element('p', 'Månedene kunne ikke hentes. Prøv igjen senere.', 'text-danger'));
      });
  }
}, {
  id: 'likemannFigures',
  pluginPoint: 'cockpit.dashboard',
  priority: 50,
  render: (node) => {
    node.replaceChildren(element('h3', 'Tjenesten i tall'), element('p', 'Henter tallene …', 'text-muted'));
    fetch('/api/reports/summary', { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
      .then((response) => {
        if (response.status === 401 || response.status === 403) {
          node.replaceChildren();
          return null;
        }
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        // the figures are served as last computed (FigureSnapshots): the page says when that was
        const computed = response.headers.get('Last-Modified');
        return response.json().then((summary) => ({ summary, computed }));
      })
      .then((answer) => {
        if (answer) {
          show(node, answer.summary);
          if (answer.computed) {
            node.querySelector('h3').after(element('p', 'Tallene er fra ' + osloTime(new Date(answer.computed))
                + '.', 'text-muted likemann-figures-computed'));
          }
        }
      })
      .catch(() => {
        node.replaceChildren(element('h3', 'Tjenesten i tall'),
            element('p', 'Tallene kunne ikke hentes. Prøv igjen senere.', 'text-danger'));
      });
  }
}];
