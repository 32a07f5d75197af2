/**
 * One Tab stop per view: the drawing's nodes keep one `tabindex="0"` at a time and the
 * arrow keys move between them (WAI-ARIA Authoring Practices, "Managing focus within
 * composite widgets: roving tabindex"). A view can hold 70 nodes; without this a keyboard
 * user would press Tab 70 times to get past it. The renderers mark every node focusable
 * (so the markup alone is reachable); this narrows it once the view is in the page.
 */

/** The node keys each frame last had as its Tab stop, across redraws. */
const stops = new WeakMap<HTMLElement, string>();

function nodesOf(frame: HTMLElement): Element[] {
  return Array.from(frame.querySelectorAll('[data-key][tabindex]'));
}

function makeStop(frame: HTMLElement, target: Element): void {
  for (const n of nodesOf(frame)) n.setAttribute('tabindex', n === target ? '0' : '-1');
  stops.set(frame, target.getAttribute('data-key') ?? '');
}

/**
 * Gives the nodes drawn in `frame` one Tab stop: the node that had it before the redraw
 * (same `data-key`), else the first. Installs the key handling once per frame.
 */
export function rovingFocus(frame: HTMLElement): void {
  const nodes = nodesOf(frame);
  const key = stops.get(frame);
  const stop = nodes.find((n) => n.getAttribute('data-key') === key) ?? nodes[0];
  if (stop) makeStop(frame, stop);
  if (frame.dataset['roving'] === 'on') return;
  frame.dataset['roving'] = 'on';
  // A click or a programmatic focus on a node makes it the Tab stop.
  frame.addEventListener('focusin', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-key][tabindex]') : null;
    if (target && frame.contains(target)) makeStop(frame, target);
  });
  frame.addEventListener('keydown', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-key][tabindex]') : null;
    if (!target) return;
    const all = nodesOf(frame);
    const at = all.indexOf(target);
    const to = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = all[Math.max(0, Math.min(all.length - 1, to))];
    if (!next) return;
    makeStop(frame, next);
    (next as HTMLElement | SVGElement).focus();
  });
}
