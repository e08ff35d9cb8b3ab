// One chair card: built once, then updated in place (text only) so keyboard focus survives the live refresh.
import { el, clear, clock, minutes, celsius, words, time } from './api.js';

export const actionLabels = {
  'cap-placed': 'Cap placed',
  'infusion-started': 'Infusion started',
  'infusion-ended': 'Infusion ended',
  'cap-removed': 'Cap removed: end session',
  abort: 'Abort…',
  tolerance: 'Tolerance…',
  'adverse-events': 'Adverse event…',
  void: 'Void record…',
};

/** Where a label has a tail a small card leaves out (it keeps the whole label as the button's name). */
const longTails = { 'cap-removed': ': end session' };

/**
 * The words for an action on this chair's session: after an abort the session has ended, and "Cap removed" only records
 * when the cap came off (the post-abort cooling's end), so it does not say it ends the session.
 */
export function actionLabel(kind, chair) {
  return kind === 'cap-removed' && chair?.sessionEnded ? 'Cap removed' : actionLabels[kind];
}

/**
 * What the countdown counts and, past the target, what is overdue (the infusion's start, the cap's removal); when the
 * count stands still (not cooling in pre-cooling) or says nothing of now (controller offline), it says so.
 */
function countdownCaption(chair, target, over) {
  const overdue = chair.phase === 'PreCooling' ? 'infusion not started' : 'cap not removed';
  const words = [(over ? 'over the ' : 'to the ') + target + ' target (' + minutes(chair.phaseTargetSeconds) + ')' + (over ? ': ' + overdue : '')];
  if (chair.notCooling && chair.phase === 'PreCooling') words.push('stopped: not cooling');
  if (!chair.online) words.push('controller offline: not known now');
  return words.join(' · ');
}

/** The card's latest chair view: a button press acts on what the card shows now, not on the view it was built from. */
const current = card => card.chair;

/** The controller link's mark (● ○ ?) and its words, which small cards keep for screen readers only. */
export function setLink(link, mark, label, state) {
  clear(link);
  link.append(mark, el('span', ' ' + label, 'link-word'));
  link.className = 'link ' + state;
}

export function createChairCard(controllerId) {
  const card = el('article', null, 'chair', { 'data-controller': controllerId });
  const header = el('header');
  // The chair's name leads to its page (live readings and the controller in full, with or without a session).
  const label = el('h2', null, 'chair-label');
  const labelLink = el('a', controllerId, null, { href: '/chairs/' + encodeURIComponent(controllerId) });
  label.append(labelLink);
  const link = el('span', '', 'link');
  header.append(label, link);
  const patient = el('p', null, 'patient');
  const status = el('p', '', 'status');
  const countdown = el('div', null, 'countdown');
  const countdownTime = el('span', '', 'time');
  const countdownCaption = el('span', '', 'caption');
  countdown.append(countdownTime, countdownCaption);
  // The phase's elapsed time: "Infusion: 42:10 elapsed"; a small card keeps "42:10 elapsed" for a phase with no countdown (an infusion).
  const elapsed = el('p', null, 'elapsed');
  const elapsedPhase = el('span', '', 'elapsed-phase');
  const elapsedTime = el('span', '', 'elapsed-time');
  elapsed.append(elapsedPhase, elapsedTime);
  // The clock note: the domain's words in full; small cards show a short form ("clock 4 min slow"), the full text as
  // the tooltip, for screen readers and on the chair's page.
  const clockNote = el('p', null, 'clock-warning');
  const clockText = el('span', '', 'clock-text');
  const clockShort = el('span', '', 'clock-short', { 'aria-hidden': 'true' });
  clockNote.append(clockText, clockShort);
  const temps = el('dl', null, 'temps');
  const coolant = el('dd', '—');
  const scalp = el('dd', '—');
  temps.append(el('dt', 'Coolant'), coolant, el('dt', 'Scalp'), scalp);
  const controller = el('p', null, 'controller');
  const alarms = el('div', null, 'alarms', { role: 'alert' });
  const prompts = el('div', null, 'prompts', { 'aria-live': 'assertive' });
  const actions = el('div', null, 'actions');
  const secondary = el('div', null, 'actions secondary');
  // What a nurse reads at a glance. On a large card its parts stand one under the other; a small card packs them in
  // lines (countdown, alarms, prompts, clock note), as many to a line as fit.
  const glance = el('div', null, 'glance');
  glance.append(countdown, elapsed, clockNote, temps, controller, alarms, prompts);
  card.append(header, patient, status, glance, actions, secondary);
  card.parts = { label, labelLink, link, patient, status, countdown, countdownTime, countdownCaption, elapsed, elapsedPhase, elapsedTime, clockNote, clockText, clockShort, temps, coolant, scalp, controller, alarms, prompts, actions, secondary };
  card.actionKey = null;
  card.alarmKey = null;
  card.promptKey = null;
  return card;
}

/**
 * Updates a card from a chair view. The buttons are the server's list of what is possible now
 * (chair.actions, and chair.documentationActions when options.documentation): no rules here.
 * onAction(kind, chair) runs when an action button is pressed; options.canAct shows the start button;
 * options.sessionLink adds the session page link.
 */
export function updateChairCard(card, chair, options) {
  const p = card.parts;
  card.chair = chair;
  p.labelLink.textContent = chair.label;
  if (chair.online) setLink(p.link, '●', 'Online', 'online');
  else if (chair.linkInHandover) setLink(p.link, '?', 'Handover', 'unknown'); // its site is changing hands (a failover): not known now, no alarm yet
  else setLink(p.link, '○', 'Offline', 'offline');

  clear(p.patient);
  if (chair.patient) {
    p.patient.append(el('span', chair.patient.name ?? '(no name recorded)', 'name'), el('span', 'MRN ' + chair.patient.reference, 'mrn'));
  }
  p.patient.hidden = !chair.patient;

  const hasSession = Boolean(chair.sessionId);
  card.classList.toggle('in-session', hasSession);
  p.status.textContent = hasSession ? words(chair.status) : 'Free';

  const counting = chair.remainingSeconds !== null && chair.remainingSeconds !== undefined;
  const over = chair.overtimeSeconds !== null && chair.overtimeSeconds !== undefined && chair.overtimeSeconds > 0;
  p.countdown.hidden = !counting;
  p.countdown.classList.toggle('overtime', over);
  if (counting) {
    const target = chair.phase === 'PreCooling' ? 'pre-cooling' : 'post-cooling';
    const shown = over ? '+' + clock(chair.overtimeSeconds) : clock(chair.remainingSeconds);
    p.countdownTime.textContent = shown;
    p.countdownTime.setAttribute('aria-label', over
      ? minutes(chair.overtimeSeconds) + ' over the ' + target + ' target'
      : minutes(chair.remainingSeconds) + ' to the ' + target + ' target');
    p.countdownTime.dataset.seconds = String(chair.remainingSeconds);
    p.countdownTime.dataset.overtime = String(over ? chair.overtimeSeconds : 0);
    p.countdownCaption.textContent = countdownCaption(chair, target, over);
  }
  const hasElapsed = chair.phaseElapsedSeconds !== null && chair.phaseElapsedSeconds !== undefined;
  p.elapsed.hidden = !hasElapsed;
  card.classList.toggle('uncounted', hasElapsed && !counting); // no countdown (an infusion): small cards show the elapsed time instead
  if (hasElapsed) {
    p.elapsedPhase.textContent = words(chair.phase) + ': ';
    p.elapsedTime.textContent = clock(chair.phaseElapsedSeconds) + ' elapsed';
  }

  p.clockNote.hidden = !chair.clockWarning;
  p.clockText.textContent = chair.clockWarning ?? '';
  p.clockShort.textContent = chair.clockShort ?? 'clock off';
  p.clockNote.title = chair.clockWarning ?? '';

  p.temps.hidden = chair.coolantC === null || chair.coolantC === undefined;
  const lastKnown = chair.online ? '' : ' (last known)';
  const setpoint = chair.setpointC !== null && chair.setpointC !== undefined ? ' (setpoint ' + celsius(chair.setpointC) + ')'
    : chair.setpointUnknown ? ' (setpoint unknown: cannot judge)' : '';
  p.coolant.textContent = celsius(chair.coolantC) + setpoint + lastKnown;
  p.scalp.textContent = celsius(chair.scalpC) + lastKnown;
  p.temps.classList.toggle('stale', !chair.online);

  // The engineer's view: the controller's identity, what its latest sample says and when it last spoke (only sent to users who do not run sessions).
  const c = chair.controller;
  p.controller.hidden = !c;
  if (c) {
    const parts = [
      (c.model ?? 'Controller not identified') + (c.firmware ? ' · firmware ' + c.firmware : ''),
      c.boot ? 'boot ' + c.boot + (c.reboots ? ' (' + c.reboots + ' reboot' + (c.reboots === 1 ? '' : 's') + ' this session)' : '') : null,
      c.lastHelloAt ? 'hello ' + time(c.lastHelloAt) : null,
      c.latestSampleAt ? 'last sample ' + time(c.latestSampleAt) + ' (its clock)' : null, // the controller's own ts, as the chair's page says
      c.state ? 'state ' + c.state + (c.alarms && c.alarms.length ? ' (' + c.alarms.map(a => a.text).join(', ') + ')' : '') : null,
      c.link ? 'via ' + c.link : null,
      c.clockOffset ? 'clock ' + c.clockOffset : null, // the server's words (ClockOffsetWords): the same way as the card's note and the chair's page
    ];
    p.controller.textContent = parts.filter(Boolean).join(' · ');
    p.controller.title = p.controller.textContent; // small cards cut the line: the whole of it on hover, and on the chair's page
  }

  const alarmKey = chair.alarms.map(a => a.code).join(',');
  if (alarmKey !== card.alarmKey) {
    card.alarmKey = alarmKey;
    clear(p.alarms);
    for (const alarm of chair.alarms) {
      // Small cards show the alarm's short words, whole; the full text stays for screen readers and as the tooltip.
      const item = el('p', null, 'alarm-item', { title: alarm.text });
      item.append(el('span', 'ALARM: ', 'alarm-word'), el('span', alarm.text, 'alarm-text'), el('span', alarm.short, 'alarm-short', { 'aria-hidden': 'true' }));
      p.alarms.append(item);
    }
    card.classList.toggle('alarm', chair.alarms.length > 0);
  }

  const promptKey = [chair.readyForInfusion, chair.preCoolingTargetReached, chair.removeCap, chair.setpointUnknown, chair.notCooling, chair.coolingWithoutSession].join(',');
  if (promptKey !== card.promptKey) {
    card.promptKey = promptKey;
    clear(p.prompts);
    // Small cards show each prompt's short words, whole (like alarms); the full text stays for screen readers and as the tooltip.
    const prompt = (text, short, kind) => {
      const item = el('p', null, 'prompt ' + kind, { title: text });
      item.append(el('span', text, 'prompt-text'), el('span', short, 'prompt-short', { 'aria-hidden': 'true' }));
      p.prompts.append(item);
    };
    if (chair.notCooling) prompt('Not cooling: the controller is not cooling' + (chair.phase === 'PreCooling' ? ' (pre-cooling time does not count)' : ''), 'Not cooling', 'not-cooling');
    if (chair.readyForInfusion) {
      prompt('Ready for infusion', 'Ready', 'ready');
    } else if (chair.preCoolingTargetReached) {
      prompt(chair.setpointUnknown
        ? 'Pre-cooling target reached: setpoint unknown, the coolant cannot be judged'
        : 'Pre-cooling target reached: coolant not yet at setpoint', 'Coolant warm', 'target');
    }
    if (chair.removeCap) prompt('Post-cooling complete: remove cap', 'Remove cap', 'remove');
    if (chair.coolingWithoutSession) prompt('Cooling, no session: start one or stop the controller', 'Cooling, no session', 'cooling-no-session');
  }

  // A small card shows the phase, or in its place the alarm or prompt that needs a nurse.
  card.classList.toggle('flagged', chair.alarms.length > 0 || chair.notCooling || chair.coolingWithoutSession || chair.readyForInfusion || chair.preCoolingTargetReached || chair.removeCap);

  const kinds = options.documentation ? [...chair.actions, ...chair.documentationActions] : chair.actions;
  const actionKey = [chair.sessionId, kinds.join(','), chair.sessionEnded, options.canAct, options.sessionLink].join('|');
  if (actionKey !== card.actionKey) {
    card.actionKey = actionKey;
    clear(p.actions);
    clear(p.secondary);
    // The steps first; Abort and Void apart from them (their own row, at the far side), never next to the main action.
    for (const kind of kinds) {
      const danger = kind === 'abort' || kind === 'void';
      const label = actionLabel(kind, chair);
      const tail = label === actionLabels[kind] ? longTails[kind] : undefined;
      const button = el('button', tail ? null : label, danger ? 'danger' : kind === kinds[0] ? 'primary' : 'primary more', { type: 'button', 'data-action': kind });
      if (tail) {
        button.append(el('span', label.slice(0, -tail.length)), el('span', tail, 'long'));
        button.setAttribute('aria-label', label);
      }
      button.addEventListener('click', () => options.onAction(kind, current(card), button));
      (danger ? p.secondary : p.actions).append(button);
    }
    p.secondary.hidden = p.secondary.childElementCount === 0;
    if (options.canAct) {
      if (!hasSession || chair.sessionEnded) {
        // After a step still to take (an ended session's cap removal), the next patient's start is a further step: small cards show only the first.
        const start = el('button', 'Start session', p.actions.childElementCount > 0 ? 'primary more' : 'primary', { type: 'button', 'data-action': 'start' });
        start.disabled = !document.body.classList.contains('live'); // only from the server's live view (liveness.js keeps it so)
        start.addEventListener('click', () => options.onStart(current(card), start));
        if (options.sessionLink !== false || !hasSession) p.actions.append(start);
      }
    }
    if (hasSession && options.sessionLink !== false) {
      const page = el('a', null, 'button page-link', { href: '/sessions/' + encodeURIComponent(chair.sessionId), 'aria-label': 'Session page' });
      page.append(el('span', 'Session'), el('span', '\u00a0page', 'long'));
      p.actions.append(page);
    }
  }
}
