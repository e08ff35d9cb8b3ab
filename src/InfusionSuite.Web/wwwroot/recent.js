// The table of recent sessions (GET /api/sessions): on the board for every chair, on a chair's page for that chair.
import { getJson, el, clear, words, time, dateTime } from './api.js';

/** Today's starts as a clock time; a start on another day (a session documented late) with its date. */
function startedText(startedAt, asOf) {
  const today = dateTime(asOf ?? new Date().toISOString()).slice(0, 10);
  const shown = dateTime(startedAt);
  return shown.slice(0, 10) === today ? time(startedAt) : shown.slice(0, 16);
}

/** The server lists at most this many sessions (ReadEndpoints.RecentLimit): a full list says so rather than hide the rest. */
const recentLimit = 50;

/**
 * Fills the table body with the sessions started or documented in the last day, newest first.
 * options.controllerId: only that chair's (and no chair column); options.asOf: the server's now (ISO).
 */
export async function fillRecent(body, options) {
  const rows = await getJson('/api/sessions');
  clear(body);
  const shown = rows.filter(r => !options.controllerId || r.controllerId === options.controllerId);
  if (shown.length === 0) {
    const none = el('tr');
    none.append(el('td', 'No session started or documented in the last day.', 'note', { colspan: options.controllerId ? '4' : '5' }));
    body.append(none);
  }
  for (const row of shown) {
    const tr = el('tr');
    if (!options.controllerId) tr.append(el('td', row.chairLabel));
    tr.append(
      el('td', row.patient ? (row.patient.name ?? '') + ' (MRN ' + row.patient.reference + ')' : '—'),
      el('td', words(row.status)),
      el('td', startedText(row.startedAt, options.asOf)));
    const link = el('td');
    link.append(el('a', 'Session page', null, { href: '/sessions/' + encodeURIComponent(row.sessionId) }));
    tr.append(link);
    body.append(tr);
  }
  if (rows.length >= recentLimit) {
    const more = el('tr', null, 'more');
    more.append(el('td', 'Only the ' + recentLimit + ' newest sessions of the suite are listed' + (options.controllerId ? ' (this chair\'s among them)' : '')
      + ': older ones of the last day are on their courses and in the audit.', 'note', { colspan: options.controllerId ? '4' : '5' }));
    body.append(more);
  }
}
