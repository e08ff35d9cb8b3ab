// A chair's page, with or without a session: its card live from the board's stream (/api/board/stream), the
// controller in full for engineers and admins (model, firmware, boot, hello, last sample, state, alarms, link,
// clock offset: nothing cut), and the chair's sessions of the last day. Text only, never markup.
import { el, clear, time, dateTime } from './api.js';
import { createChairCard, updateChairCard } from './chair.js';
import { setUpStartDialog, setUpActionDialog } from './forms.js';
import { followBoard } from './board-stream.js';
import { fillRecent } from './recent.js';

const root = document.getElementById('chair-page');
const controllerId = root.dataset.controllerId;
const card = createChairCard(controllerId);
let latest = null;
let sessionsKey = null;

const asOf = () => latest?.asOf ?? new Date().toISOString();
const refreshRecent = () => fillRecent(document.querySelector('#chair-recent tbody'), { controllerId, asOf: latest?.asOf });
const openStart = setUpStartDialog(asOf, () => refreshRecent(), () => latest?.chairs ?? []);
const openAction = setUpActionDialog(asOf, () => refreshRecent());

function fact(list, term, value) {
  list.append(el('dt', term), el('dd', value ?? '—'));
}

function renderController(c) {
  const panel = document.getElementById('controller-panel');
  panel.hidden = !c;
  if (!c) return;
  const list = clear(document.getElementById('controller-facts'));
  fact(list, 'Model', c.model ?? 'not identified (no hello yet)');
  fact(list, 'Firmware', c.firmware);
  fact(list, 'Boot', c.boot ? c.boot + (c.reboots ? ' (' + c.reboots + ' reboot' + (c.reboots === 1 ? '' : 's') + ' this session)' : '') : null);
  fact(list, 'Last hello', c.lastHelloAt ? dateTime(c.lastHelloAt) : null);
  fact(list, 'Last sample', c.latestSampleAt ? dateTime(c.latestSampleAt) + ' (its own clock)' : null);
  fact(list, 'State', c.state);
  fact(list, 'Alarms', c.alarms && c.alarms.length ? c.alarms.map(a => a.text).join(', ') : 'none');
  fact(list, 'Link', c.link);
  fact(list, 'Clock offset', c.clockOffsetInFull); // the server's words (ClockOffsetWords): the same way as the card's note and line
}

function render(view) {
  latest = view;
  document.getElementById('chair-loading').hidden = true;
  const chair = view.chairs.find(c => c.controllerId === controllerId);
  const missing = document.getElementById('chair-missing');
  missing.hidden = Boolean(chair);
  // A chair that is not configured leaves the board once neither heard nor used for a while (NurseStation:UnconfiguredChairKeptFor):
  // its sessions stay listed below.
  missing.textContent = chair ? '' : 'Chair ' + controllerId + ' is not on the board now: it is not configured, and its controller has not been heard and no session has used it lately. Its sessions are listed below.';
  if (!chair) {
    card.remove();
    if (sessionsKey !== 'missing') {
      sessionsKey = 'missing';
      refreshRecent();
    }
    return;
  }
  document.getElementById('chair-title').textContent = chair.label;
  document.title = chair.label + ' · InfusionSuite';
  if (!card.isConnected) document.getElementById('live').append(card);
  updateChairCard(card, chair, {
    canAct: view.runsSessions,
    onAction: (kind, c) => openAction(kind, c),
    onStart: c => openStart(c.controllerId),
  });
  renderController(chair.controller);
  const key = chair.sessionId + ':' + chair.status;
  if (key !== sessionsKey) {
    sessionsKey = key;
    refreshRecent();
  }
}

followBoard(document.getElementById('connection'), () => (card.isConnected ? [card] : []), render);
setInterval(refreshRecent, 60000);
