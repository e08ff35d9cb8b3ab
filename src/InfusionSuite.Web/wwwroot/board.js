// The chair board: live over server-sent events (/api/board/stream), one card per chair.
import { getJson, el, clear, words, time } from './api.js';
import { createChairCard, updateChairCard } from './chair.js';
import { setUpStartDialog, setUpActionDialog } from './forms.js';

const boardNode = document.getElementById('board');
const connection = document.getElementById('connection');
const cards = new Map();
let latest = null;
let sessionsKey = null;

const asOf = () => latest?.asOf ?? new Date().toISOString();
const openStart = setUpStartDialog(asOf, () => refreshRecent());
const openAction = setUpActionDialog(asOf, () => refreshRecent());

function render(view) {
  latest = view;
  const seen = new Set();
  let index = 0;
  for (const chair of view.chairs) {
    seen.add(chair.controllerId);
    let card = cards.get(chair.controllerId);
    if (!card) {
      card = createChairCard(chair.controllerId);
      cards.set(chair.controllerId, card);
    }
    updateChairCard(card, chair, {
      canAct: view.runsSessions,
      onAction: (kind, c) => openAction(kind, c),
      onStart: c => openStart(c.controllerId),
    });
    if (boardNode.children[index] !== card) {
      boardNode.insertBefore(card, boardNode.children[index] ?? null); // only when the order changed, so focus stays put
    }
    index++;
  }
  for (const [id, card] of cards) {
    if (!seen.has(id)) {
      card.remove();
      cards.delete(id);
    }
  }
  const key = view.chairs.map(c => c.sessionId + ':' + c.status).join('|');
  if (key !== sessionsKey) {
    sessionsKey = key;
    refreshRecent(); // a session started or changed status: the list below follows
  }
  if (view.chairs.length === 0) {
    connection.textContent = 'No chair has been heard from yet.';
  }
}

function connect() {
  const source = new EventSource('/api/board/stream');
  source.addEventListener('board', event => {
    connection.textContent = 'Live';
    connection.classList.remove('lost');
    render(JSON.parse(event.data));
  });
  source.addEventListener('error', () => {
    connection.textContent = 'Connection lost: reconnecting…';
    connection.classList.add('lost');
  });
}

async function refreshRecent() {
  const rows = await getJson('/api/sessions');
  const body = document.querySelector('#recent tbody');
  clear(body);
  for (const row of rows) {
    const tr = el('tr');
    tr.append(
      el('td', row.chairLabel),
      el('td', row.patient ? (row.patient.name ?? '') + ' (MRN ' + row.patient.reference + ')' : '—'),
      el('td', words(row.status)),
      el('td', time(row.startedAt)));
    const link = el('td');
    link.append(el('a', 'Session page', null, { href: '/sessions/' + encodeURIComponent(row.sessionId) }));
    tr.append(link);
    body.append(tr);
  }
}

connect();
setInterval(refreshRecent, 60000);
