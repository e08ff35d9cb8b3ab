// Calls to the nurse station API with the sign-in cookie and the page's antiforgery token,
// and small DOM helpers that only ever set text (never markup) from data.

const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? '';

export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 401) {
    location.assign('/signin?returnUrl=' + encodeURIComponent(location.pathname));
    throw new Error('Signed out');
  }
  if (!response.ok) {
    throw new Error(await problemText(response));
  }
  return response.json();
}

/** POSTs JSON; resolves to { ok, status, data } where data is the JSON answer or ProblemDetails. */
export async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': csrf },
    body: JSON.stringify(body ?? {}),
  });
  let data = null;
  try { data = await response.json(); } catch { data = null; }
  return { ok: response.ok, status: response.status, data };
}

async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || response.statusText;
  } catch {
    return response.statusText || String(response.status);
  }
}

/** Creates an element with text content (never innerHTML) and optional class and attributes. */
export function el(tag, text, className, attributes) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attributes ?? {})) node.setAttribute(name, value);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** 754 s → "12:34"; 4000 s → "1:06:40". */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return (h > 0 ? h + ':' : '') + mm + ':' + String(sec).padStart(2, '0');
}

/** Whole minutes, a minute begun counting (docs/clinical-rules.md, "Minutes: one rounding rule"): 3599.9 s → "60 min". */
export function minutes(seconds) {
  return Math.max(0, Math.ceil(seconds / 60)) + ' min';
}

export function celsius(value) {
  return value === null || value === undefined ? '—' : Number(value).toFixed(1).replace('-', '−') + ' °C';
}

/** The site's time zone (the page's <meta name="site-time-zone">): every time is written in it. */
export const siteZone = document.querySelector('meta[name="site-time-zone"]')?.content || 'UTC';

const parts = (date, withSeconds) => {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: siteZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: withSeconds ? '2-digit' : undefined,
  });
  return Object.fromEntries(format.formatToParts(date).map(p => [p.type, p.value]));
};

/** An instant as the site's clock shows it: "14:05". */
export function time(iso) {
  if (!iso) return '—';
  const p = parts(new Date(iso), false);
  return p.hour + ':' + p.minute;
}

/** An instant as the site's clock shows it, with date and seconds: "2026-11-27 14:05:09". */
export function dateTime(iso) {
  if (!iso) return '—';
  const p = parts(new Date(iso), true);
  return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute + ':' + p.second;
}

/** "PreCooling" → "Pre-cooling"; "WarmingUp" → "Warming up". */
export function words(name) {
  if (!name) return '';
  const special = { PreCooling: 'Pre-cooling', PostCooling: 'Post-cooling', WarmUp: 'Warm-up', PostAbortCooling: 'Post-abort cooling', WarmingUp: 'Warming up' };
  if (special[name]) return special[name];
  return name.replace(/(?!^)([A-Z])/g, ' $1').toLowerCase().replace(/^./, c => c.toUpperCase());
}

export function toast(message) {
  const node = document.getElementById('toast');
  if (!node) return;
  node.textContent = message;
  node.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { node.hidden = true; }, 4000);
}
