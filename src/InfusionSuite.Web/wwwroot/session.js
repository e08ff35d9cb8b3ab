// A session's page: live panel and actions, phases against targets, the temperature chart (inline SVG),
// deviations, what was documented, billing, FHIR delivery and the audit trail. Text only, never markup.
import { getJson, postJson, el, clear, clock, minutes, celsius, words, time, dateTime, toast } from './api.js';
import { createChairCard, updateChairCard } from './chair.js';
import { setUpActionDialog, setUpHandledOutsideDialog } from './forms.js';
import { watchConnection } from './liveness.js';

const root = document.getElementById('session');
const sessionId = root.dataset.sessionId;
const base = '/api/sessions/' + encodeURIComponent(sessionId);
const svgNs = 'http://www.w3.org/2000/svg';
let latest = null;
let card = null;
let chartDrawnFor = null;
let latestMe = null;
let billingForm = null;
let courseForm = null;

/** While the session runs (or its EHR delivery is pending) the page asks every 3 s, otherwise every 15 s. */
const settled = () => latest && latest.live.sessionEnded && !latest.fhir.items.some(i => i.status !== 'Sent' && (latest.fhir.configured || i.channel === 'hl7v2'));
const pollMs = () => (settled() ? 15000 : 3000);
/** Three answers missed in a row (or a failed one) and the page says it is not live: the card greys, the countdown stops. */
const connection$ = watchConnection(document.getElementById('connection'), () => (card ? [card] : []), () => 3 * pollMs() + 1000);

const openAction = setUpActionDialog(() => latest?.asOf ?? new Date().toISOString(), () => load());
const openHandledOutside = setUpHandledOutsideDialog(() => load());

async function load() {
  let view;
  try {
    view = await getJson(base);
  } catch (error) {
    const node = document.getElementById('load-error');
    node.textContent = 'Could not load the session: ' + error.message;
    node.hidden = false;
    connection$.lost();
    return;
  }
  latest = view;
  connection$.live(view.asOf);
  document.getElementById('load-error').hidden = true;
  document.getElementById('session-title').textContent = view.chairLabel + ' — ' + words(view.status);
  const patientLine = document.getElementById('session-patient');
  patientLine.textContent = view.patient
    ? (view.patient.name ?? '(no name recorded)') + ' · MRN ' + view.patient.reference
      + (view.administration ? ' · administration ' + view.administration.reference + ' (' + (view.administration.primaryCptCode ?? 'no code') + ')' : '')
    : '';
  patientLine.hidden = !view.patient;
  const courseLine = document.getElementById('session-course');
  if (view.courseId) document.getElementById('course-link').href = '/courses/' + encodeURIComponent(view.courseId);
  courseLine.hidden = !view.courseId;

  card ??= createChairCard(view.controllerId);
  const live = document.getElementById('live');
  if (!card.isConnected) live.append(card);
  const me = await me$;
  latestMe = me;
  updateChairCard(card, { ...view.live, status: view.status }, {
    canAct: me.runsSessions,
    sessionLink: false,
    documentation: true,
    onAction: (kind, chair) => openAction(kind, chair),
  });

  renderTimeline(view);
  renderDeviations(view);
  renderDocumented(view);
  renderBilling(view);
  renderFhir(view);
  renderAudit(view);

  const key = view.sampleCount + '|' + view.status;
  if (chartDrawnFor !== key) {
    chartDrawnFor = key;
    drawChart(await getJson(base + '/telemetry'), view);
  }
}

function renderTimeline(view) {
  const node = clear(document.getElementById('timeline'));
  if (view.phases.length === 0) {
    node.append(el('p', 'No phase yet: the cap has not been placed.', 'note'));
    return;
  }
  const longest = Math.max(...view.phases.map(p => Math.max(p.durationSeconds, p.targetSeconds ?? 0)), 60);
  for (const phase of view.phases) {
    // Pre-cooling and post-abort cooling count only the time the controller was cooling: the figure the note and the EHR use.
    const cooled = phase.cooledSeconds ?? phase.durationSeconds;
    const notCounted = phase.countsCoolingOnly && phase.notCoolingSeconds > 0 ? ' (' + minutes(phase.notCoolingSeconds) + ' not cooling not counted)' : '';
    const row = el('div', null, 'phase-row', { 'data-phase': phase.phase });
    row.append(el('span', words(phase.phase), 'phase-name'));
    const bar = el('div', null, 'phase-bar', { role: 'img', 'aria-label': words(phase.phase) + ' ' + minutes(cooled) + (phase.targetSeconds ? ' of ' + minutes(phase.targetSeconds) : '') + notCounted });
    const short = phase.targetSeconds && phase.end && cooled < phase.targetSeconds;
    const fill = el('span', null, 'fill' + (short ? ' short' : ''));
    fill.style.width = (100 * cooled / longest) + '%';
    bar.append(fill);
    if (phase.targetSeconds) {
      const target = el('span', null, 'target');
      target.style.left = (100 * phase.targetSeconds / longest) + '%';
      bar.append(target);
    }
    row.append(bar);
    const text = minutes(cooled) + (phase.targetSeconds ? ' of ' + minutes(phase.targetSeconds) + ' target' : '') + notCounted
      + (phase.end ? '' : ' (running)') + (phase.interruptions ? ' · ' + phase.interruptions + (phase.interruptions === 1 ? ' interruption' : ' interruptions') : '');
    row.append(el('span', text, 'phase-text'));
    node.append(row);
  }
}

function renderDeviations(view) {
  const node = clear(document.getElementById('deviations'));
  if (view.deviations.length === 0) {
    node.append(el('p', 'No deviation.', 'tag good'));
    return;
  }
  const table = el('table', null, 'table');
  const head = el('tr');
  head.append(el('th', 'Deviation', null, { scope: 'col' }), el('th', 'Minutes', null, { scope: 'col' }), el('th', 'Detail', null, { scope: 'col' }));
  const thead = el('thead');
  thead.append(head);
  table.append(thead);
  const body = el('tbody');
  for (const d of view.deviations) {
    const tr = el('tr');
    tr.append(el('td', d.code), el('td', d.minutes), el('td', d.detail));
    body.append(tr);
  }
  table.append(body);
  node.append(scrolling(table));
}

function fact(list, term, value) {
  list.append(el('dt', term), el('dd', value));
}

function renderDocumented(view) {
  const list = clear(document.getElementById('documented'));
  fact(list, 'Targets', 'pre-cooling ' + view.preCoolingTargetMinutes + ' min, post-cooling ' + view.postCoolingTargetMinutes + ' min');
  fact(list, 'First of course', view.firstOfCourse ? 'yes (cap measured and calibrated)' : 'no');
  fact(list, 'Cap size', view.capSize ?? '—');
  fact(list, 'Started', dateTime(view.startedAt));
  fact(list, 'Cap placed', dateTime(view.boundaries.capPlacedAt) + (view.boundaries.placementSource ? ' (' + words(view.boundaries.placementSource) + ')' : ''));
  fact(list, 'Infusion', dateTime(view.boundaries.infusionStartedAt) + ' → ' + dateTime(view.boundaries.infusionEndedAt));
  fact(list, 'Cap removed', dateTime(view.boundaries.capRemovedAt) + (view.boundaries.removalSource ? ' (' + words(view.boundaries.removalSource) + ')' : ''));
  const apart = view.boundaries.removalDiscrepancySeconds;
  if (apart !== null && apart !== undefined) {
    fact(list, 'Removal times differ', 'the controller\'s CAP_OFF was ' + minutes(Math.abs(apart)) + (apart > 0 ? ' after' : ' before')
      + ' the nurse\'s "cap removed"; the controller\'s time is used');
  }
  fact(list, 'Interruptions', view.interruptions.count + ' (' + minutes(view.interruptions.totalSeconds) + ' in total)');
  fact(list, 'Coolant', 'min ' + celsius(view.temperatures.coolant.min) + ', mean ' + celsius(view.temperatures.coolant.mean) + ', max ' + celsius(view.temperatures.coolant.max));
  fact(list, 'Coolant setpoint', view.temperatures.setpoint === null || view.temperatures.setpoint === undefined
    ? 'unknown: the coolant cannot be judged'
    : celsius(view.temperatures.setpoint) + (view.temperatures.setpointSource === 'ModelSetting' ? ' (site setting for the controller model)' : ' (reported by the controller)'));
  fact(list, 'Scalp', 'min ' + celsius(view.temperatures.scalp.min) + ', mean ' + celsius(view.temperatures.scalp.mean) + ', max ' + celsius(view.temperatures.scalp.max));
  fact(list, 'Tolerance', view.tolerance === null ? '—' : view.tolerance + ' / 10');
  fact(list, 'Adverse events', view.adverseEvents.length === 0 ? 'none' : view.adverseEvents.map(e => words(e.what) + (e.details ? ': ' + e.details : '') + ' at ' + time(e.at) + ' by ' + e.by).join('; '));
  const why = d => words(d.what) + (d.details ? ': ' + d.details : '') + ' at ' + time(d.at) + ' by ' + d.by;
  if (view.abort) fact(list, 'Aborted', why(view.abort));
  if (view.void) fact(list, 'Voided', why(view.void));
  fact(list, 'Samples stored', String(view.sampleCount));
}

function renderBilling(view) {
  const node = clear(document.getElementById('billing'));
  if (!view.billing) {
    node.append(el('p', 'Not shown to your role.', 'note'));
    return;
  }
  node.append(el('p', 'Date of service ' + view.billing.dateOfService));
  // Each code in words a nurse or a biller reads (the server's BillingWords): "0662T not billable · No measurement and
  // calibration of a cap is documented. Date of service …"; the rules' names stay in the API's reasons, as the tooltip.
  for (const code of view.billing.codes) {
    const p = el('p', null, 'code', { 'data-status': code.status, title: code.reasons.join(', ') });
    p.append(el('span', code.code + ' ' + code.statusWords, 'tag ' + (code.billable ? 'good' : 'wait')), el('span', ' ' + code.words));
    node.append(p);
  }
  for (const warning of view.billing.warnings) node.append(el('p', warning, 'error'));
  const details = view.billing.details;
  const given = el('dl', null, 'facts');
  fact(given, 'Visit', details.visit ?? '— (charges wait for it when the site holds them)');
  fact(given, 'Ordering provider NPI', details.orderingProviderNpi ?? '—');
  fact(given, 'Diagnoses (ICD-10-CM)', details.diagnoses.length ? details.diagnoses.join(', ') : '—');
  fact(given, 'Payer', details.payer ?? '—');
  node.append(given);
  // One form for the page's life: the periodic reload re-attaches it, so what is being typed stays.
  if (canGiveBillingDetails(view)) node.append(billingForm ??= billingDetailsForm());
  node.append(el('h3', "The patient's courses"));
  const list = el('ul', null, 'courses');
  for (const course of view.billing.courses) {
    const item = el('li');
    const link = el('a', course.courseId, null, { href: '/courses/' + encodeURIComponent(course.courseId) });
    item.append(link, el('span', ' · ' + course.sessions + ' session(s)' + (course.current ? ' · this session' : '')));
    list.append(item);
  }
  node.append(list);
  if (canGiveBillingDetails(view)) {
    courseForm ??= courseMoveForm();
    courseForm.update(view.billing.courses);
    node.append(courseForm.form);
  }
}

// Staff move the session to another course of the patient (or a new one): audited, billing decided again over both.
function courseMoveForm() {
  const form = el('form', null, 'course-move', { id: 'course-move-form' });
  const select = el('select', null, null, { name: 'courseId', 'aria-label': 'Course' });
  const fresh = el('input', null, null, { name: 'newCourseId', type: 'text', maxlength: '200', placeholder: 'or a new course id' });
  const message = el('p', null, 'error', { role: 'alert' });
  const submit = el('button', 'Move this session', null, { type: 'submit' });
  form.append(el('span', 'Move to '), select, fresh, submit, message);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const courseId = fresh.value.trim() || select.value;
    if (!courseId) {
      message.textContent = select.options.length === 0
        ? 'The patient has no other course: give a new course id to move the session to.'
        : 'Choose a course, or give a new course id.';
      return;
    }
    submit.disabled = true;
    const result = await postJson(base + '/course', { courseId });
    submit.disabled = false;
    if (!result.ok) {
      const errors = result.data?.errors ? Object.values(result.data.errors).flat().join(' ') : null;
      message.textContent = errors || result.data?.detail || result.data?.title || 'Could not move the session.';
      return;
    }
    message.textContent = '';
    fresh.value = '';
    load();
  });
  const update = courses => {
    const chosen = select.value;
    clear(select);
    for (const course of courses.filter(c => !c.current)) select.append(el('option', course.courseId, null, { value: course.courseId }));
    if (chosen) select.value = chosen;
  };
  return { form, update };
}

function canGiveBillingDetails(view) {
  return latestMe?.runsSessions && view.status !== 'Voided';
}

// Staff give the visit (and what else billing needs) after the start, also after the end: audited, billing decided again.
function billingDetailsForm() {
  const form = el('form', null, 'billing-details', { id: 'billing-details-form' });
  const field = (name, label, hint) => {
    const wrap = el('label', label + ' ');
    wrap.append(el('input', null, null, { name, type: 'text', maxlength: '200', placeholder: hint }));
    return wrap;
  };
  const message = el('p', null, 'error', { role: 'alert' });
  const submit = el('button', 'Save billing details', null, { type: 'submit' });
  form.append(
    field('visit', 'Visit', 'Encounter/123 or visit number'),
    field('orderingProviderNpi', 'Ordering provider NPI', '10 digits'),
    field('diagnoses', 'Diagnoses', 'C50.911, Z51.11'),
    field('payer', 'Payer', 'as in the billing settings'),
    submit, message);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    submit.disabled = true;
    const data = new FormData(form);
    const text = name => (data.get(name) || '').toString().trim() || null;
    const diagnoses = (text('diagnoses') ?? '').split(/[\s,;]+/).filter(d => d.length > 0);
    const result = await postJson(base + '/billing-details', {
      visit: text('visit'), orderingProviderNpi: text('orderingProviderNpi'), diagnoses, payer: text('payer'),
    });
    submit.disabled = false;
    if (!result.ok) {
      // The field's own words (each names its field: NPI, diagnosis, visit, payer), not the generic title.
      const errors = result.data?.errors ? Object.values(result.data.errors).flat().join(' ') : null;
      message.textContent = errors || result.data?.detail || result.data?.title || 'Could not save the billing details.';
      return;
    }
    message.textContent = '';
    form.reset();
    load();
  });
  return form;
}

// Each delivery channel under its own heading: FHIR to the EHR; HL7 v2 (ORU^R01, DFT^P03) to the interface engine, shown once the session has any.
function renderFhir(view) {
  const node = clear(document.getElementById('fhir'));
  const hl7 = view.fhir.items.filter(i => i.channel === 'hl7v2');
  const bundles = view.fhir.items.filter(i => i.channel !== 'hl7v2');
  if (!view.fhir.configured) {
    node.append(el('p', 'No EHR is configured on this host: the Bundles are kept in the outbox for export.', 'note'));
  }
  // What staff must know about the delivery as configured (e.g. billable charges reach no one).
  for (const warning of view.fhir.warnings ?? []) node.append(el('p', warning, 'error fhir-warning', { role: 'alert' }));
  if (bundles.length === 0) {
    node.append(el('p', !view.live.sessionEnded ? 'Sent when the session ends.' : 'Nothing queued yet.', 'note'));
  }
  renderOutboxItems(node, bundles);
  document.getElementById('hl7-panel').hidden = hl7.length === 0;
  renderOutboxItems(clear(document.getElementById('hl7')), hl7);
}

// One outbox item each: its kind and status, what it carries in readable lines, staff actions when parked, the attempts and the payload.
function renderOutboxItems(node, items) {
  for (const item of items) {
    const section = el('div', null, 'fhir-item', { 'data-status': item.status });
    const state = item.status === 'Sent' ? 'good' : item.status === 'Parked' ? 'bad' : 'wait';
    const head = el('p');
    // A next attempt only for an item that is waiting for one; words, never the status's name.
    head.append(el('span', words(item.kind) + ': ' + item.statusWords, 'tag ' + state),
      el('span', ' queued ' + dateTime(item.enqueuedAt) + (item.sentAt ? ', sent ' + dateTime(item.sentAt) : '')
        + (item.nextAttemptAt && !item.waitingFor ? ', next attempt ' + dateTime(item.nextAttemptAt) : '')));
    section.append(head);
    if (item.waitingFor) section.append(el('p', item.waitingFor, 'note fhir-waiting'));
    if (item.handledOutside) {
      const h = item.handledOutside;
      section.append(el('p', 'Handled outside InfusionSuite by ' + h.by + ' at ' + dateTime(h.at) + (h.note ? ': ' + h.note : '.'), 'note fhir-handled'));
    }
    if (item.parkedReason) section.append(el('p', (item.status === 'Parked' ? 'Parked: ' : 'Was parked: ') + item.parkedReason, item.status === 'Parked' ? 'error' : 'note'));
    if (item.status === 'Parked') section.append(parkedActions(item));
    if (item.detailsHidden) section.append(el('p', 'What was sent and the receiver\'s answers are not shown to your role.', 'note'));
    if (item.summary.length > 0) {
      const carried = el('ul', null, 'fhir-summary');
      for (const line of item.summary) carried.append(el('li', line));
      section.append(carried);
    }
    if (item.requests.length > 0) section.append(receiverTable(item.requests));
    if (item.attempts.length > 0) {
      const list = el('ol');
      for (const a of item.attempts) {
        const lines = (a.serverMessage || '').split('\n').filter(l => l.length > 0);
        const attempt = el('li', dateTime(a.finishedAt) + ' — ' + words(a.outcome) + (a.httpStatus ? ' (HTTP ' + a.httpStatus + ')' : '') + (lines.length === 1 ? ': ' + lines[0] : ''), 'fhir-attempt');
        if (lines.length > 1) {
          const each = el('ul');
          for (const line of lines) each.append(el('li', line));
          attempt.append(each);
        }
        list.append(attempt);
      }
      section.append(list);
    }
    if (!item.detailsHidden) section.append(payloadDetails(item, item.atReceiver.some(r => r.request)));
    node.append(section);
  }
}

// What went to the EHR for the item, every request of every attempt in order (a retry never hides the first POST):
// when, which attempt, the resource, the request (method and URL), the EHR's status, the server's id and the answer; or "not sent" and why.
function receiverTable(requests) {
  const table = el('table', null, 'table fhir-at-ehr');
  table.append(el('caption', 'At the EHR'));
  const head = el('tr');
  for (const name of ['Time', 'Attempt', 'Resource', 'Request', 'HTTP', 'Server id', 'Answer']) head.append(el('th', name, null, { scope: 'col' }));
  table.append(head);
  for (const r of requests) {
    const row = el('tr', null, null, { 'data-outcome': r.outcome });
    const outcome = r.outcome === 'left out' ? 'not sent' + (r.reason ? ': ' + r.reason : '') : r.reason ? r.outcome + ': ' + r.reason : r.outcome;
    row.append(el('td', dateTime(r.at)), el('td', String(r.attempt)), el('td', r.key), el('td', r.request ?? '—'), el('td', r.httpStatus ? String(r.httpStatus) : '—'),
      el('td', r.reference ?? '—'), el('td', outcome));
    table.append(row);
  }
  const scroll = el('div', null, 'table-scroll');
  scroll.append(table);
  return scroll;
}

// The payload as sent (indented JSON for a Bundle), fetched when opened; sent one request per resource,
// the requests are in the table above and this is the Bundle they were made from.
function payloadDetails(item, perResource) {
  const details = el('details', null, 'fhir-payload');
  details.append(el('summary', perResource
    ? 'What was sent: one request per resource (the table above), made from this Bundle (' + item.contentType + ')'
    : 'What was sent (' + item.contentType + ')'));
  details.addEventListener('toggle', async () => {
    if (!details.open || details.dataset.loaded) return;
    details.dataset.loaded = '1';
    const response = await fetch(base + '/fhir', { headers: { Accept: 'application/json' } });
    const items = response.ok ? await response.json() : [];
    const found = items.find(i => i.id === item.id);
    details.append(el('pre', found ? found.payload : 'Not available.'));
  });
  return details;
}

// Staff actions on a parked item (FHIR Bundle or HL7 v2 message): send it again, or record it was handled outside (a form:
// what was done instead, and the EHR's id of the part the item stopped at). A refused retry says why beside its button.
const retryRefusals = new Map();
function parkedActions(item) {
  const actions = el('p', null, 'actions');
  if (item.retryable) {
    const retry = el('button', 'Retry', null, { type: 'button' });
    retry.addEventListener('click', async () => {
      retry.disabled = true;
      const result = await postJson('/api/outbox/' + encodeURIComponent(item.id) + '/retry', {});
      retry.disabled = false;
      if (result.ok) {
        retryRefusals.delete(item.id);
        toast('Queued again: the next attempt is now.');
      } else {
        retryRefusals.set(item.id, result.data?.detail || result.data?.title || 'The retry failed (' + result.status + ').');
      }
      load();
    });
    actions.append(retry);
  }
  const outside = el('button', 'Handled outside InfusionSuite…', null, { type: 'button' });
  outside.addEventListener('click', () => openHandledOutside(item));
  actions.append(outside);
  // Kept through the page's refreshes, so the answer is read, not flashed.
  if (retryRefusals.has(item.id)) actions.append(el('span', ' ' + retryRefusals.get(item.id), 'error', { role: 'alert' }));
  return actions;
}

function renderAudit(view) {
  const node = clear(document.getElementById('audit'));
  if (!view.audit) {
    node.append(el('p', 'Not shown to your role.', 'note'));
    return;
  }
  const table = el('table', null, 'table');
  const head = el('tr');
  for (const title of ['Entered', 'Happened', 'Who', 'Action', 'What changed']) head.append(el('th', title, null, { scope: 'col' }));
  const thead = el('thead');
  thead.append(head);
  table.append(thead);
  const body = el('tbody');
  for (const a of view.audit) {
    const tr = el('tr');
    tr.append(el('td', time(a.enteredAt)), el('td', time(a.effectiveAt) + (a.documentedLate ? ' (entered late, ' + minutes((Date.parse(a.enteredAt) - Date.parse(a.effectiveAt)) / 1000) + ' after)' : '')), el('td', a.by), el('td', a.actionWords ?? words(a.action)), el('td', a.change));
    body.append(tr);
  }
  table.append(body);
  node.append(scrolling(table));
}

function svg(tag, attributes, text) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes ?? {})) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function drawChart(telemetry, view) {
  const node = clear(document.getElementById('chart'));
  const note = document.getElementById('chart-note');
  const points = telemetry.points;
  if (points.length < 2) {
    node.append(el('p', 'No temperatures yet.', 'note'));
    note.textContent = '';
    return;
  }
  const width = 960, height = 360, left = 56, right = 16, top = 16, bottom = 40;
  const t0 = Date.parse(points[0].at), t1 = Date.parse(points[points.length - 1].at);
  const values = points.flatMap(p => [p.coolant, p.scalp]).filter(v => v !== null && v !== undefined).map(Number);
  if (telemetry.setpoint !== null && telemetry.setpoint !== undefined) values.push(Number(telemetry.setpoint));
  const lo = Math.floor(Math.min(...values) / 5) * 5, hi = Math.ceil(Math.max(...values) / 5) * 5 || lo + 5;
  const x = t => left + (width - left - right) * (t - t0) / Math.max(1, t1 - t0);
  const y = v => top + (height - top - bottom) * (hi - v) / Math.max(1, hi - lo);
  const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': 'chart-desc' });
  chart.append(svg('desc', { id: 'chart-desc' }, 'Coolant and scalp temperature over the session, ' + points.length + ' points from ' + telemetry.samples + ' samples.'));
  for (let v = lo; v <= hi; v += 5) {
    chart.append(svg('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), class: 'grid' }));
    chart.append(svg('text', { x: left - 8, y: y(v) + 5, 'text-anchor': 'end' }, String(v).replace('-', '−') + '°'));
  }
  const minutesTotal = (t1 - t0) / 60000;
  const step = minutesTotal > 120 ? 30 : minutesTotal > 40 ? 10 : 5;
  for (let m = 0; m <= minutesTotal; m += step) {
    const t = t0 + m * 60000;
    chart.append(svg('text', { x: x(t), y: height - 14, 'text-anchor': 'middle' }, m + ' min'));
  }
  chart.append(svg('line', { x1: left, x2: left, y1: top, y2: height - bottom, class: 'axis' }));
  chart.append(svg('line', { x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, class: 'axis' }));
  if (telemetry.setpoint !== null && telemetry.setpoint !== undefined) {
    chart.append(svg('line', { x1: left, x2: width - right, y1: y(telemetry.setpoint), y2: y(telemetry.setpoint), class: 'setpoint' }));
  }
  const b = view.boundaries;
  const marks = [['cap on', b.capPlacedAt], ['infusion start', b.infusionStartedAt], ['infusion end', b.infusionEndedAt], ['cooling stop', b.lastCoolingStopAt]];
  marks.forEach(([label, at], i) => {
    const t = at ? Date.parse(at) : NaN;
    if (Number.isNaN(t) || t < t0 || t > t1) return;
    chart.append(svg('line', { x1: x(t), x2: x(t), y1: top, y2: height - bottom, class: 'boundary' }));
    const right = x(t) > width - 160;
    chart.append(svg('text', { x: x(t) + (right ? -4 : 4), y: top + 14 + 18 * i, 'text-anchor': right ? 'end' : 'start' }, label));
  });
  const line = key => points.filter(p => p[key] !== null && p[key] !== undefined).map(p => x(Date.parse(p.at)).toFixed(1) + ',' + y(Number(p[key])).toFixed(1)).join(' ');
  chart.append(svg('polyline', { points: line('coolant'), class: 'coolant' }));
  const scalp = line('scalp');
  if (scalp) chart.append(svg('polyline', { points: scalp, class: 'scalp' }));
  for (const p of points.filter(p => p.alarms.length > 0)) {
    chart.append(svg('rect', { x: x(Date.parse(p.at)) - 2, y: height - bottom - 8, width: 4, height: 8, class: 'alarm-mark' }));
  }
  node.append(chart);
  const legend = el('ul', null, 'legend');
  legend.append(el('li', '— Coolant', 'coolant'), el('li', '— Scalp', 'scalp'), el('li', '- - Setpoint', 'coolant'), el('li', '▮ Alarm', 'alarm-legend'));
  node.append(legend);
  note.textContent = telemetry.samples + ' samples over ' + clock((t1 - t0) / 1000) + (telemetry.samples > points.length ? ', shown as ' + points.length + ' averaged points' : '') + '.';
}

const me$ = getJson('/api/me');
async function poll() {
  try {
    await load();
  } finally {
    setTimeout(poll, pollMs());
  }
}
poll();

/** A wide table scrolls inside its own box on a phone; the page itself never scrolls sideways. */
function scrolling(table) {
  const box = el('div', null, 'table-scroll');
  box.append(table);
  return box;
}
