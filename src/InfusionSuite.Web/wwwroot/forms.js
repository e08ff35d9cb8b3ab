// The start form and the action form (native dialogs). Errors from the API are shown next to the
// field they name (400) or at the top of the form (409, 404), as text.
import { getJson, postJson, el, clear, toast, time, words, dateTime } from './api.js';
import { actionLabel } from './chair.js';

let choices = null;

export async function loadChoices() {
  choices ??= await getJson('/api/choices');
  return choices;
}

function fill(select, items, keepFirst) {
  const first = keepFirst ? select.options[0] : null;
  clear(select);
  if (first) select.append(first);
  for (const item of items) select.append(el('option', item.text, null, { value: item.value }));
}

/** The form control a field error is about, when the API's field name is not the control's. */
const controlFor = { reason: 'choice', event: 'choice', effectiveAt: 'minutesAgo' };

function errorNode(form, field) {
  return form.querySelector('[data-error-for="' + CSS.escape(field) + '"]') ?? form.querySelector('#' + CSS.escape(field) + '-error');
}

// Each message is shown once (issue 14's trial: "note required" twice): beside its field where the form has a place for it, else in
// the summary; when every one is beside its field, the summary only names the fields to correct (a screen reader hears where to look).
function showErrors(form, prefix, result) {
  const summary = form.querySelector('#' + prefix + '-error');
  for (const node of form.querySelectorAll('.field-error')) { node.hidden = true; node.textContent = ''; }
  const problem = result.data ?? {};
  const messages = [];
  const marked = [];
  for (const [field, errors] of Object.entries(problem.errors ?? {})) {
    const node = errorNode(form, field);
    if (node) {
      node.textContent = errors.join(' ');
      node.hidden = false;
      const folded = node.closest('details');
      if (folded) folded.open = true; // an error in a folded part is shown, not hidden in it
      marked.push(labelOf(form, controlFor[field] ?? field) ?? field);
    } else {
      messages.push(named(form, controlFor[field] ?? field, errors.join(' ')));
    }
  }
  const markedWords = marked.length === 0 ? '' : (marked.length === 1 ? 'Correct the field marked below: ' : 'Correct the fields marked below: ') + marked.join(', ') + '.';
  summary.textContent = problem.detail || [...messages, markedWords].filter(Boolean).join(' ') || problem.title || ('The request failed (' + result.status + ').');
  summary.hidden = false;
  const firstField = Object.keys(problem.errors ?? {})[0];
  const focusTarget = firstField ? form.querySelector('[name="' + CSS.escape(controlFor[firstField] ?? firstField) + '"]') : null;
  (focusTarget ?? summary).focus?.();
}

/** The words of a control's label ("Patient MRN or EHR id"), or null. */
function labelOf(form, name) {
  const control = form.elements[name];
  const id = control?.id ?? (control?.[0]?.id);
  const label = id ? form.querySelector('label[for="' + CSS.escape(id) + '"]') : null;
  return label ? label.textContent.trim() : null;
}

/** A field's error for the form's summary, naming the field unless it already does: "Pre-cooling target (min): Enter whole minutes …". */
function named(form, field, message) {
  const label = labelOf(form, field);
  return label && !message.startsWith(label) ? label + ': ' + message : message;
}

/** A chair with an open session cannot take another: shown, disabled, with the reason (the server refuses it as well). */
function markBusyChairs(select, chairs) {
  const busy = new Set(chairs.filter(c => c.sessionId && !c.sessionEnded).map(c => c.controllerId));
  for (const option of select.options) {
    if (busy.has(option.value)) {
      option.disabled = true;
      option.textContent += ' (busy: a session is open)';
    }
  }
}

/** Field errors found before anything is sent (the server checks the same again). */
function minutesAgoProblem(input) {
  const value = input.value.trim();
  if (value === '') return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 720 ? null : 'Enter whole minutes from 0 to 720, or leave it empty for now.';
}

function invalid(form, prefix, errors) {
  showErrors(form, prefix, { status: 400, data: { title: 'Check the marked fields.', errors } });
}

/** Minutes, rounded up, in words: 2700 s → "45 min". */
function minutesLeft(seconds) {
  return Math.ceil(seconds / 60) + ' min';
}

/**
 * What an action means when it ends a phase early or cannot be taken back, said in the dialog; `confirm`
 * actions need the box ticked as well (they ask again).
 */
function consequenceOf(kind, chair) {
  const left = chair.remainingSeconds ?? 0;
  if (kind === 'cap-removed' && chair.status === 'PostCooling' && left > 0) {
    return {
      text: minutesLeft(left) + ' of post-cooling left: this records a short post-cooling (a deviation on the record and in the EHR).',
      confirm: 'Yes, end post-cooling early', button: 'End post-cooling early',
    };
  }
  if (kind === 'infusion-started' && chair.status === 'PreCooling' && left > 0) {
    return {
      text: minutesLeft(left) + ' of pre-cooling left: this records a short pre-cooling (a deviation on the record and in the EHR).',
      confirm: 'Yes, the infusion started before the pre-cooling target', button: 'Record early infusion start',
    };
  }
  if (kind === 'void') {
    return {
      text: 'Voiding says this record should never have existed. What was sent to the EHR for it (the procedure, its temperatures and charges) '
        + 'is withdrawn: marked entered-in-error. Nothing is billed. The record stays here, marked void, for the audit. This cannot be undone.',
      confirm: 'Yes, void this record', button: 'Void record', danger: true,
    };
  }
  if (kind === 'abort') {
    const targetsMet = chair.phase === 'PostCooling' && chair.remainingSeconds === 0;
    return {
      text: targetsMet
        ? 'Every target is met: "Cap removed: end session" records a complete session. Abort records it as stopped, with the reason, and sends that to the EHR.'
        : 'This stops the session now, before its targets: the record closes as stopped early, with the reason, and goes to the EHR.',
      button: 'Abort session', danger: true,
    };
  }
  return null;
}

function effectiveAt(input, asOf) {
  const value = input.value.trim();
  if (value === '' || Number(value) === 0) return null;
  return new Date(Date.parse(asOf()) - Number(value) * 60000).toISOString();
}

/** Shows under a "minutes ago" field the clock time it means ("at 14:05, site time"), so a late entry is checked as a time. */
function wireLateTime(input, asOf) {
  const hint = document.getElementById(input.id + '-at');
  const update = () => {
    const at = effectiveAt(input, asOf);
    hint.textContent = at ? 'That is at ' + time(at) + ' (site time).' : '';
  };
  input.addEventListener('input', update);
  return update;
}

/** How many seconds before the host's "now" a site clock time ("14:05") last was: from 0 to a day. */
function secondsBack(clock, asOf) {
  const [h, m] = clock.split(':').map(Number);
  const [nowH, nowM, nowS] = dateTime(asOf()).split(' ')[1].split(':').map(Number);
  const back = (nowH * 3600 + nowM * 60 + nowS) - (h * 3600 + m * 60);
  return back < 0 ? back + 86400 : back;
}

/** The instant a clock time entered for late documentation means: the latest time the site's clock showed it. */
function atClockTime(clock, asOf) {
  return new Date(Math.floor(Date.parse(asOf()) / 1000) * 1000 - secondsBack(clock, asOf) * 1000).toISOString();
}

/** When it happened: the clock time if one was entered, else "minutes ago"; null for now. */
function lateAt(form, asOf) {
  const clock = form.elements.atTime.value;
  return clock ? atClockTime(clock, asOf) : effectiveAt(form.elements.minutesAgo, asOf);
}

/** The problem with what was entered for "when", checked in the page (the server refuses a time to come again). */
function lateProblem(form, asOf) {
  const clock = form.elements.atTime.value;
  if (!clock) return minutesAgoProblem(form.elements.minutesAgo);
  if (form.elements.minutesAgo.value.trim() !== '') return 'Give the minutes ago or the time it happened, not both.';
  return secondsBack(clock, asOf) <= 720 * 60 ? null : 'Enter a time in the last 12 hours (site time); a time still to come cannot be recorded.';
}

/** Shows under a clock-time field how long ago that was ("35 min ago"), so a slip of the hour is seen. */
function wireClockTime(input, asOf) {
  const hint = document.getElementById(input.id + '-at');
  const update = () => {
    hint.textContent = input.value ? 'That is ' + Math.round(secondsBack(input.value, asOf) / 60) + ' min ago.' : '';
  };
  input.addEventListener('input', update);
  return update;
}

function wireClose(dialog) {
  for (const button of dialog.querySelectorAll('[data-close]')) button.addEventListener('click', () => dialog.close());
}

/**
 * asOf(): the host's latest "now" (the clinical clock), for "minutes ago". onDone(): refresh after success.
 * chairsNow(): the board's chairs as last seen, so the chair list offers free chairs and shows busy ones disabled, saying why.
 */
export function setUpStartDialog(asOf, onDone, chairsNow) {
  const dialog = document.getElementById('start-dialog');
  const form = document.getElementById('start-form');
  wireClose(dialog);
  const lateStart = wireLateTime(form.elements.minutesAgo, asOf);
  const startClock = wireClockTime(form.elements.atTime, asOf);
  const preset = form.elements.regimenPreset;
  preset.addEventListener('change', () => {
    const chosen = choices.presets.find(p => p.name === preset.value);
    if (chosen) {
      form.elements.preCoolingMinutes.value = chosen.preCoolingMinutes;
      form.elements.postCoolingMinutes.value = chosen.postCoolingMinutes;
    }
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const f = form.elements;
    const errors = {};
    for (const name of ['patientReference', 'patientName', 'administrationId']) {
      if (f[name].value.trim() === '') errors[name] = [(labelOf(form, name) ?? 'This field') + ' is required.'];
    }
    for (const name of ['preCoolingMinutes', 'postCoolingMinutes']) {
      const n = Number(f[name].value);
      if (f[name].value === '' || !Number.isInteger(n) || n < Number(f[name].min) || n > Number(f[name].max)) {
        errors[name] = ['Enter whole minutes from ' + f[name].min + ' to ' + f[name].max + '.'];
      }
    }
    const late = lateProblem(form, asOf);
    if (late) errors.effectiveAt = [late];
    if (Object.keys(errors).length > 0) {
      invalid(form, 'start', errors);
      return;
    }
    const body = {
      controllerId: f.controllerId.value,
      patientReference: f.patientReference.value.trim(),
      patientEhrReference: f.patientEhrReference.value || null,
      patientName: f.patientName.value.trim(),
      administrationId: f.administrationId.value.trim(),
      encounter: f.encounter.value.trim() || null,
      primaryCptCode: f.primaryCptCode.value.trim().toUpperCase(),
      regimenPreset: f.regimenPreset.value,
      preCoolingMinutes: f.preCoolingMinutes.value === '' ? null : Number(f.preCoolingMinutes.value),
      postCoolingMinutes: f.postCoolingMinutes.value === '' ? null : Number(f.postCoolingMinutes.value),
      capSize: f.capSize.value || null,
      firstOfCourse: f.firstOfCourse.checked,
      effectiveAt: lateAt(form, asOf),
      identityConfirmed: f.identityConfirmed.checked,
      confirmUnheardController: f.confirmUnheardController.checked,
      orderingProviderNpi: f.orderingProviderNpi.value.trim() || null,
      diagnoses: f.diagnoses.value.split(/[\s,;]+/).filter(d => d.length > 0),
      payer: f.payer.value.trim() || null,
    };
    const submit = form.querySelector('button[type="submit"]');
    submit.disabled = true;
    try {
      const result = await postJson('/api/sessions', body);
      if (result.ok) {
        dialog.close();
        toast('Session started on ' + (f.controllerId.selectedOptions[0]?.textContent ?? body.controllerId) + '.');
        onDone?.(result.data);
      } else {
        showErrors(form, 'start', result);
        if (result.status === 409 && result.data?.reason === 'NeedsConfirmation' && result.data?.field === 'confirmUnheardController') {
          // No controller of this id has ever been heard from and the chair is not configured (a mistyped id?): the nurse checks the chair and confirms.
          unheard.hidden = false;
          f.confirmUnheardController.focus();
        } else if (result.status === 409 && result.data?.reason === 'NeedsConfirmation') {
          // Another session runs for this patient, or the name differs from the one on file: the nurse checks and confirms.
          identity.hidden = false;
          f.identityConfirmed.focus();
        }
      }
    } finally {
      submit.disabled = false;
    }
  });

  const lookUp = wireEhrLookup(form);

  // A confirmation holds for the patient it was given for: changing the MRN or the name asks again.
  const identity = form.querySelector('#identity-confirm');
  for (const name of ['patientReference', 'patientName', 'controllerId']) {
    form.elements[name].addEventListener('input', () => { form.elements.identityConfirmed.checked = false; });
  }
  // The EHR id found by the look-up belongs to the MRN it was found by: another MRN drops it.
  form.elements.patientReference.addEventListener('input', () => { form.elements.patientEhrReference.value = ''; });

  // A chair confirmation holds for the chair it was given for.
  const unheard = form.querySelector('#unheard-confirm');
  form.elements.controllerId.addEventListener('input', () => { form.elements.confirmUnheardController.checked = false; unheard.hidden = true; });

  return async function open(controllerId) {
    const c = await loadChoices();
    fill(form.elements.controllerId, c.chairs);
    markBusyChairs(form.elements.controllerId, chairsNow?.() ?? []);
    fill(form.querySelector('#primaryCptCodes'), c.primaryCptCodes.map(code => ({ value: code, text: code }))); // suggestions: any well-formed code is taken
    fill(form.elements.regimenPreset, c.presets.map(p => ({ value: p.name, text: p.name + ' (' + p.preCoolingMinutes + ' / ' + p.postCoolingMinutes + ' min)' })));
    fill(form.elements.capSize, c.capSizes, true);
    form.reset();
    form.elements.patientEhrReference.value = ''; // a hidden field keeps its value through reset()
    for (const input of [form.elements.preCoolingMinutes, form.elements.postCoolingMinutes]) {
      input.min = c.minimumTargetMinutes;
      input.max = c.maximumTargetMinutes;
    }
    lookUp.reset(c.ehrLookup);
    form.elements.controllerId.value = controllerId;
    form.elements.primaryCptCode.value = c.primaryCptCodes.includes('96413') ? '96413' : c.primaryCptCodes[0];
    preset.value = c.presets[0]?.name ?? '';
    preset.dispatchEvent(new Event('change'));
    form.querySelector('#start-error').hidden = true;
    identity.hidden = true;
    unheard.hidden = true;
    for (const node of form.querySelectorAll('.field-error')) node.hidden = true;
    lateStart();
    startClock();
    dialog.showModal();
    form.elements.patientReference.focus();
  };
}

// With an EHR configured: look the MRN up there and fill the patient's name and open visit from a choice. The MRN stays the
// patient's identity (one patient however the start was made); the EHR id goes beside it (patientEhrReference).
function wireEhrLookup(form) {
  const box = form.querySelector('#ehr-lookup');
  const results = form.querySelector('#ehr-results');
  const f = form.elements;
  const say = text => { clear(results); results.append(el('p', text, 'hint')); };
  // The visit number the EHR gives in the site's system (HL7 PV1-19 needs it; FHIR delivery finds the Encounter by it); never the EHR's id.
  const useVisit = visit => { f.encounter.value = visit?.visitNumber ?? ''; };
  const visitWords = visit => (visit.visitNumber ? 'visit ' + visit.visitNumber : 'a visit without a visit number (enter it by hand)')
    + ' — ' + words(visit.status) + (visit.start ? ', ' + dateTime(visit.start) : '') + (visit.kind ? ', ' + visit.kind : '');
  // Who the patient is in words a nurse checks: name, MRN, birth date; never the EHR's id.
  const patientWords = patient => (patient.name ?? '(no name at the EHR)') + ', MRN ' + patient.mrn + (patient.birthDate ? ', born ' + patient.birthDate : '');
  const usePatient = patient => {
    f.patientReference.value = patient.mrn;
    f.patientEhrReference.value = patient.reference;
    f.patientName.value = patient.name ?? '';
    f.identityConfirmed.checked = false;
    clear(results);
    results.append(el('p', 'Using ' + patientWords(patient) + (patient.visits[0] ? '; ' + visitWords(patient.visits[0]) : '') + '.', 'hint ehr-chosen'));
    if (patient.visits.length === 0) {
      results.append(el('p', 'No open visit at the EHR: enter the visit number, or leave the encounter empty.', 'hint'));
      useVisit(null);
      return;
    }
    useVisit(patient.visits[0]);
    if (patient.visits.length > 1) {
      const list = el('ul', null, 'ehr-visits');
      for (const visit of patient.visits) {
        const item = el('li');
        const button = el('button', 'Use ' + visitWords(visit), 'quiet', { type: 'button' });
        button.addEventListener('click', () => useVisit(visit));
        item.append(button);
        list.append(item);
      }
      results.append(list);
    }
  };
  form.querySelector('#ehr-find').addEventListener('click', async () => {
    const mrn = f.patientReference.value.trim();
    if (mrn === '') {
      say('Enter the MRN first.');
      return;
    }
    say('Looking up…');
    let answer;
    try {
      answer = await getJson('/api/ehr/patients?mrn=' + encodeURIComponent(mrn));
    } catch (error) {
      say('The look-up failed: ' + error.message);
      return;
    }
    if (answer.problem) {
      say(answer.problem);
    } else if (answer.patients.length === 0) {
      say('No patient with this MRN at the EHR.');
    } else if (answer.patients.length === 1) {
      usePatient(answer.patients[0]);
    } else {
      clear(results);
      results.append(el('p', answer.patients.length + ' patients have this MRN at the EHR: choose one.', 'hint'));
      const list = el('ul', null, 'ehr-patients');
      for (const patient of answer.patients) {
        const item = el('li');
        const button = el('button', 'Use ' + patientWords(patient), 'quiet', { type: 'button' });
        button.addEventListener('click', () => usePatient(patient));
        item.append(button);
        list.append(item);
      }
      results.append(list);
    }
  });
  return {
    reset(enabled) {
      box.hidden = !enabled;
      clear(results);
    },
  };
}

/** The words beside a chosen reason, per action: asked for with "Other", sent to the EHR with the record. */
const otherWords = {
  'adverse-events': { label: 'What happened', hint: 'Required for "Other": the event in a few words (sent to the EHR with the record).', missing: 'Say what the other adverse event was.' },
  abort: { label: 'Why, in your words', hint: 'Required for "Other": why the session stops (sent to the EHR with the record).', missing: 'Say why the session stops.' },
  void: { label: 'Why, in your words', hint: 'Required for "Other": why this record is void (sent to the EHR with the withdrawal).', missing: 'Say why this record is void.' },
};

export function setUpActionDialog(asOf, onDone) {
  const dialog = document.getElementById('action-dialog');
  const form = document.getElementById('action-form');
  wireClose(dialog);
  const lateAction = wireLateTime(form.elements.minutesAgo, asOf);
  const actionClock = wireClockTime(form.elements.atTime, asOf);
  let current = null;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const { kind, chair, consequence, list } = current;
    const f = form.elements;
    const errors = {};
    if (list && f.choice.value === '') errors[kind === 'adverse-events' ? 'event' : 'reason'] = [kind === 'adverse-events' ? 'Choose the adverse event.' : 'Choose a reason.'];
    if (list && f.choice.value === 'Other' && f.details.value.trim() === '') errors.details = [otherWords[kind].missing];
    if (kind === 'tolerance' && f.score.value === '') errors.score = ['Choose the tolerance, 0 (no discomfort) to 10 (worst).'];
    const late = kind === 'void' ? null : lateProblem(form, asOf);
    if (late) errors.effectiveAt = [late];
    if (consequence?.confirm && !f.confirm.checked) errors.confirm = ['Tick "' + consequence.confirm + '" to go on, or cancel.'];
    if (Object.keys(errors).length > 0) {
      invalid(form, 'action', errors);
      return;
    }
    const body = {};
    if (kind !== 'void') body.effectiveAt = lateAt(form, asOf);
    if (kind === 'abort' || kind === 'void') body.reason = f.choice.value;
    if (kind === 'adverse-events') body.event = f.choice.value;
    if (list && f.details.value.trim() !== '') body.details = f.details.value.trim();
    if (kind === 'tolerance') body.score = f.score.value === '' ? null : Number(f.score.value);
    const confirm = document.getElementById('action-confirm');
    confirm.disabled = true;
    try {
      const result = await postJson('/api/sessions/' + encodeURIComponent(chair.sessionId) + '/' + kind, body);
      if (result.ok) {
        dialog.close();
        toast(actionLabel(kind, chair).replace('…', '') + ': recorded for ' + chair.label + '.');
        onDone?.(result.data);
      } else {
        showErrors(form, 'action', result);
      }
    } finally {
      confirm.disabled = false;
    }
  });

  return async function open(kind, chair) {
    const c = await loadChoices();
    const list = { abort: c.abortReasons, void: c.voidReasons, 'adverse-events': c.adverseEvents }[kind];
    const consequence = consequenceOf(kind, chair);
    current = { kind, chair, consequence, list };
    form.reset();
    document.getElementById('action-title').textContent = (consequence?.button ?? actionLabel(kind, chair).replace('…', '')) + ' — ' + chair.label;
    document.getElementById('action-error').hidden = true;
    for (const node of form.querySelectorAll('.field-error')) node.hidden = true;
    dialog.classList.toggle('danger', Boolean(consequence?.danger));
    const consequenceBox = document.getElementById('action-consequence');
    consequenceBox.hidden = !consequence;
    document.getElementById('action-consequence-text').textContent = consequence?.text ?? '';
    form.querySelector('#action-consequence .check').hidden = !consequence?.confirm;
    document.getElementById('action-confirm-label').textContent = consequence?.confirm ?? '';
    const choiceBox = document.getElementById('action-choice');
    choiceBox.hidden = !list;
    if (list) {
      document.getElementById('action-choice-label').textContent = kind === 'adverse-events' ? 'Adverse event' : 'Reason';
      fill(form.elements.choice, [{ value: '', text: kind === 'adverse-events' ? 'Choose the adverse event…' : 'Choose a reason…' }, ...list]);
    }
    // The nurse's own words beside the choice: required for "Other" (the server asks the same).
    const detailsBox = document.getElementById('action-details');
    detailsBox.hidden = !list;
    form.elements.details.required = false;
    if (list) {
      document.getElementById('action-details-label').textContent = otherWords[kind].label;
      document.getElementById('action-details-hint').textContent = otherWords[kind].hint;
    }
    form.elements.choice.onchange = list
      ? () => { form.elements.details.required = form.elements.choice.value === 'Other'; }
      : null;
    document.getElementById('action-score').hidden = kind !== 'tolerance';
    document.getElementById('action-when').hidden = kind === 'void';
    lateAction();
    actionClock();
    const confirmButton = document.getElementById('action-confirm');
    confirmButton.textContent = consequence?.button ?? 'Record';
    confirmButton.className = consequence?.danger ? 'danger-fill' : 'primary';
    dialog.showModal();
    (list ? form.elements.choice : kind === 'tolerance' ? form.elements.score : consequence?.confirm ? form.elements.confirm : confirmButton).focus();
  };
}

/**
 * "Handled outside InfusionSuite" for a parked outbox item (a FHIR Bundle or an HL7 v2 message): what was done instead (the note,
 * required: the server says so as a field error) and, when the item stopped at a part whose id at the EHR is unknown, that id
 * (optional; the rest of the item then goes on). The server's field errors (400) are shown under their fields. onDone(): refresh.
 */
export function setUpHandledOutsideDialog(onDone) {
  const dialog = document.getElementById('outbox-dialog');
  const form = document.getElementById('outbox-form');
  wireClose(dialog);
  let current = null;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const f = form.elements;
    const body = { note: f.note.value };
    if (f.ehrId.value.trim() !== '') body.ehrId = f.ehrId.value.trim();
    const submit = document.getElementById('outbox-confirm');
    submit.disabled = true;
    try {
      const result = await postJson('/api/outbox/' + encodeURIComponent(current.id) + '/handled-outside', body);
      if (result.ok) {
        dialog.close();
        toast('Recorded: ' + (result.data?.result ?? 'handled outside InfusionSuite') + '.');
        onDone?.();
      } else {
        showErrors(form, 'outbox', result);
      }
    } finally {
      submit.disabled = false;
    }
  });

  return function open(item) {
    current = item;
    form.reset();
    document.getElementById('outbox-error').hidden = true;
    for (const node of form.querySelectorAll('.field-error')) node.hidden = true;
    document.getElementById('outbox-item').textContent = words(item.kind) + ' — ' + item.statusWords + (item.summary[0] ? ': ' + item.summary[0] : '');
    const waits = item.waitsOnIds ?? [];
    document.getElementById('outbox-ehr-id').hidden = waits.length === 0;
    if (waits.length > 0) {
      const type = waits[waits.length - 1].split(' ')[0];
      document.getElementById('outboxEhrId-hint').textContent = 'If ' + waits.join(' or ') + ' is at the EHR after all: its id there, as '
        + type + '/id (e.g. ' + type + '/123; letters, digits, "-" and "."). The rest of this item then goes on. Leave empty if not.';
    }
    dialog.showModal();
    form.elements.note.focus();
  };
}
