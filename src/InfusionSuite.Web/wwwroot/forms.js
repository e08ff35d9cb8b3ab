// The start form and the action form (native dialogs). Errors from the API are shown next to the
// field they name (400) or at the top of the form (409, 404), as text.
import { getJson, postJson, el, clear, toast, time } from './api.js';
import { actionLabels } from './chair.js';

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

function showErrors(form, prefix, result) {
  const summary = form.querySelector('#' + prefix + '-error');
  for (const node of form.querySelectorAll('.field-error')) { node.hidden = true; node.textContent = ''; }
  const problem = result.data ?? {};
  const messages = [];
  for (const [field, errors] of Object.entries(problem.errors ?? {})) {
    const node = form.querySelector('#' + CSS.escape(field) + '-error');
    if (node) {
      node.textContent = errors.join(' ');
      node.hidden = false;
    }
    messages.push(errors.join(' '));
  }
  summary.textContent = problem.detail || messages.join(' ') || problem.title || ('The request failed (' + result.status + ').');
  summary.hidden = false;
  const firstField = Object.keys(problem.errors ?? {})[0];
  const focusTarget = firstField ? form.querySelector('[name="' + CSS.escape(firstField) + '"]') : null;
  (focusTarget ?? summary).focus?.();
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

function wireClose(dialog) {
  for (const button of dialog.querySelectorAll('[data-close]')) button.addEventListener('click', () => dialog.close());
}

/** asOf(): the host's latest "now" (the clinical clock), for "minutes ago". onDone(): refresh after success. */
export function setUpStartDialog(asOf, onDone) {
  const dialog = document.getElementById('start-dialog');
  const form = document.getElementById('start-form');
  wireClose(dialog);
  const lateStart = wireLateTime(form.elements.minutesAgo, asOf);
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
    const body = {
      controllerId: f.controllerId.value,
      patientReference: f.patientReference.value.trim(),
      patientName: f.patientName.value.trim(),
      administrationId: f.administrationId.value.trim(),
      encounter: f.encounter.value.trim() || null,
      primaryCptCode: f.primaryCptCode.value.trim().toUpperCase(),
      regimenPreset: f.regimenPreset.value,
      preCoolingMinutes: f.preCoolingMinutes.value === '' ? null : Number(f.preCoolingMinutes.value),
      postCoolingMinutes: f.postCoolingMinutes.value === '' ? null : Number(f.postCoolingMinutes.value),
      capSize: f.capSize.value || null,
      firstOfCourse: f.firstOfCourse.checked,
      effectiveAt: effectiveAt(f.minutesAgo, asOf),
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
      }
    } finally {
      submit.disabled = false;
    }
  });

  return async function open(controllerId) {
    const c = await loadChoices();
    fill(form.elements.controllerId, c.chairs);
    fill(form.querySelector('#primaryCptCodes'), c.primaryCptCodes.map(code => ({ value: code, text: code }))); // suggestions: any well-formed code is taken
    fill(form.elements.regimenPreset, c.presets.map(p => ({ value: p.name, text: p.name + ' (' + p.preCoolingMinutes + ' / ' + p.postCoolingMinutes + ' min)' })));
    fill(form.elements.capSize, c.capSizes, true);
    form.reset();
    for (const input of [form.elements.preCoolingMinutes, form.elements.postCoolingMinutes]) {
      input.min = c.minimumTargetMinutes;
      input.max = c.maximumTargetMinutes;
    }
    form.elements.controllerId.value = controllerId;
    form.elements.primaryCptCode.value = c.primaryCptCodes.includes('96413') ? '96413' : c.primaryCptCodes[0];
    preset.value = c.presets[0]?.name ?? '';
    preset.dispatchEvent(new Event('change'));
    form.querySelector('#start-error').hidden = true;
    for (const node of form.querySelectorAll('.field-error')) node.hidden = true;
    lateStart();
    dialog.showModal();
    form.elements.patientReference.focus();
  };
}

export function setUpActionDialog(asOf, onDone) {
  const dialog = document.getElementById('action-dialog');
  const form = document.getElementById('action-form');
  wireClose(dialog);
  const lateAction = wireLateTime(form.elements.minutesAgo, asOf);
  let current = null;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const { kind, chair } = current;
    const f = form.elements;
    const body = {};
    if (kind !== 'void') body.effectiveAt = effectiveAt(f.minutesAgo, asOf);
    if (kind === 'abort' || kind === 'void') body.reason = f.choice.value;
    if (kind === 'adverse-events') body.event = f.choice.value;
    if (kind === 'tolerance') body.score = f.score.value === '' ? null : Number(f.score.value);
    const confirm = document.getElementById('action-confirm');
    confirm.disabled = true;
    try {
      const result = await postJson('/api/sessions/' + encodeURIComponent(chair.sessionId) + '/' + kind, body);
      if (result.ok) {
        dialog.close();
        toast(actionLabels[kind].replace('…', '') + ': recorded for ' + chair.label + '.');
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
    current = { kind, chair };
    form.reset();
    document.getElementById('action-title').textContent = actionLabels[kind].replace('…', '') + ' — ' + chair.label;
    document.getElementById('action-error').hidden = true;
    const choiceBox = document.getElementById('action-choice');
    const list = { abort: c.abortReasons, void: c.voidReasons, 'adverse-events': c.adverseEvents }[kind];
    choiceBox.hidden = !list;
    if (list) {
      document.getElementById('action-choice-label').textContent = kind === 'adverse-events' ? 'Adverse event' : 'Reason';
      fill(form.elements.choice, list);
    }
    document.getElementById('action-score').hidden = kind !== 'tolerance';
    document.getElementById('action-when').hidden = kind === 'void';
    lateAction();
    document.getElementById('action-confirm').textContent = kind === 'abort' ? 'Abort session' : kind === 'void' ? 'Void record' : 'Record';
    dialog.showModal();
    (list ? form.elements.choice : kind === 'tolerance' ? form.elements.score : document.getElementById('action-confirm')).focus();
  };
}
