// The layout check run on every screen of the journey, in the page: the window itself never
// scrolls (the content scrolls inside the shell), nothing scrolls sideways but a box marked
// data-scroll-x (made for it, like the plan's weekly load), and each primary
// control is inside the window and not cut off by a scroll box around it.

const SCRIPT = `
const primary = arguments[0];
const out = [];
const doc = document.scrollingElement || document.documentElement;
if (doc.scrollWidth > doc.clientWidth + 1) out.push('the window scrolls sideways (' + doc.scrollWidth + ' > ' + doc.clientWidth + ')');
if (doc.scrollHeight > doc.clientHeight + 1) out.push('the window itself scrolls (' + doc.scrollHeight + ' > ' + doc.clientHeight + ' px): the app shell can move');
if (doc.scrollTop !== 0 || doc.scrollLeft !== 0) out.push('the window has been scrolled by ' + doc.scrollLeft + ',' + doc.scrollTop);
const describe = (el) => el.tagName.toLowerCase() + (el.dataset.testid ? '[data-testid=' + el.dataset.testid + ']' : el.className ? '.' + String(el.className).split(' ')[0] : '');
for (const el of document.querySelectorAll('body *')) {
  const style = getComputedStyle(el);
  if (!/(auto|scroll)/.test(style.overflowX)) continue;
  // A box made to scroll sideways (a grid of weeks), named and focusable: only it moves.
  if (el.hasAttribute('data-scroll-x')) continue;
  if (el.scrollWidth > el.clientWidth + 1) out.push(describe(el) + ' scrolls sideways (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
}
for (const css of primary) {
  const found = [...document.querySelectorAll(css)];
  if (found.length === 0) { out.push('no ' + css + ' on the screen'); continue; }
  for (const el of found) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) { out.push(css + ' is not displayed'); continue; }
    if (r.left < -1 || r.right > innerWidth + 1) out.push(css + ' is outside the window (' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + innerWidth + ')');
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (!/(auto|scroll|hidden|clip)/.test(s.overflowX)) continue;
      const b = p.getBoundingClientRect();
      if (r.left < b.left - 1 || r.right > b.right + 1) { out.push(css + ' is cut off by ' + describe(p)); break; }
    }
  }
}
return out;
`;

/** What is wrong with the layout on screen now; empty when nothing is. */
export async function layoutProblems(session, primary) {
  return session.execute(SCRIPT, [primary]);
}
