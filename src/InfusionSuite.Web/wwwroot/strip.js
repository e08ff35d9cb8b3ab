// The urgency strip: what needs a nurse now, most urgent first (the server's order), each a link to its chair's card.
// It takes at most two rows (one beside the sound button on a dense board) so the cards stay on screen; what does not
// fit is never hidden silently: the last place says "+22 more" (naming any alarms among them) and opens the whole list.
import { el, clear } from './api.js';

/**
 * Sets up the strip in its list node. onResize() runs when the strip opens or closes (the board fits again).
 * Returns { render(items) → true when the items changed, fit() after the room for the strip changed }.
 */
export function setUpStrip(list, onResize) {
  let key = null;
  let open = false;
  const moreButton = el('button', '', 'strip-more', { type: 'button', 'aria-expanded': 'false', 'aria-controls': list.id });
  const more = el('li', null, 'strip-item more');
  more.append(moreButton);
  moreButton.addEventListener('click', () => {
    open = !open;
    fit();
    onResize();
    moreButton.focus();
  });

  const entries = () => [...list.querySelectorAll('li.strip-item[data-kind]')];
  const fits = () => list.scrollHeight <= list.clientHeight + 1;

  /** Shows the first n items and hides the rest behind the "more" place. */
  function show(items, n) {
    items.forEach((item, i) => { item.hidden = i >= n; });
    const hidden = items.slice(n);
    const alarms = hidden.filter(i => i.dataset.kind === 'alarm' || i.dataset.kind === 'not-cooling').length;
    moreButton.textContent = '+' + hidden.length + ' more' + (alarms ? ' (' + alarms + ' alarm' + (alarms === 1 ? '' : 's') + ')' : '');
    moreButton.setAttribute('aria-label', hidden.length + ' more need' + (hidden.length === 1 ? 's' : '') + ' a nurse' + (alarms ? ', ' + alarms + ' of them alarms' : '') + ': show all');
    moreButton.title = hidden.map(i => i.textContent).join('\n');
    more.classList.toggle('alarm', alarms > 0);
  }

  /** The most items that fit with the "more" place after them (binary search: a handful of layouts, not one per item). */
  function fit() {
    const items = entries();
    list.classList.toggle('open', open);
    items.forEach(item => { item.hidden = false; });
    more.remove();
    if (items.length === 0) return;
    if (open) {
      list.append(more);
      moreButton.textContent = 'Show fewer';
      moreButton.removeAttribute('aria-label');
      moreButton.title = '';
      more.classList.remove('alarm');
      moreButton.setAttribute('aria-expanded', 'true');
      return;
    }
    moreButton.setAttribute('aria-expanded', 'false');
    if (fits()) return;
    list.append(more);
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      show(items, mid);
      if (fits()) lo = mid;
      else hi = mid - 1;
    }
    show(items, lo);
  }

  function render(items) {
    const now = JSON.stringify(items);
    if (now === key) return false; // unchanged: leave it (focus, screen readers)
    key = now;
    const focused = document.activeElement === moreButton;
    clear(list);
    if (items.length === 0) {
      open = false;
      list.append(el('li', 'Nothing needs a nurse now.', 'strip-item calm'));
    }
    for (const item of items) {
      const li = el('li', null, 'strip-item ' + item.kind, { 'data-controller': item.controllerId, 'data-kind': item.kind });
      const link = el('a', null, null, { href: '#chair-' + item.controllerId });
      const words = el('span'); // one run of text: the link's flex gap never splits the chair from its colon
      words.append(el('strong', item.label), el('span', ': ' + (item.kind === 'alarm' || item.kind === 'not-cooling' ? '⚠ ' : '') + item.text));
      link.append(words);
      li.append(link);
      list.append(li);
    }
    fit();
    if (focused && more.isConnected) moreButton.focus();
    return true;
  }

  return { render, fit };
}
