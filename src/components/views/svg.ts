/**
 * The SVG markup the sandbox's views are drawn with: escaping, a few element builders and
 * the layout measures they share. Pure string functions (no DOM), so the views render the
 * same in Node tests, in a worker or in the page, and every string that came from a lab or
 * a reader's command goes through `esc()` before it reaches markup.
 */

/** Font size of every view's text, in SVG units (CSS pixels at 100%). */
export const FONT_SIZE = 11;
/** Advance of one character of the monospace font at FONT_SIZE (0.6 em, as DejaVu Sans Mono, Menlo and Consolas all have). */
export const CHAR_W = 6.6;
/** Distance between two lines of text in a node. */
export const LINE_H = 14;
/** Inner padding of a node's box. */
export const PAD = 6;
/** The default drawing width: a 375 px phone minus Starlight's 1 rem padding each side, rounded. */
export const VIEW_WIDTH = 360;

// C0 controls show as their Unicode "control pictures" (ESC → ␛), DEL as ␡: a name with
// an escape sequence stays visible text and cannot drive a terminal or break the XML.
const C0 = /[\u0000-\u001f\u007f]/g;
// C1 controls, the bidi overrides/isolates (which could show `gpj.exe` as `exe.jpg`) and
// lone surrogates are spelled as \uXXXX.
const INVISIBLE = /[\u0080-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `s` with control and direction-changing characters made visible; the text alternatives use it as is. */
export function visible(s: string): string {
  return s
    .replace(C0, (c) => String.fromCharCode(c === '\u007f' ? 0x2421 : 0x2400 + c.charCodeAt(0)))
    .replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `s` as XML text or attribute content: visible(), then `& < > " '` as entities. */
export function esc(s: string | number): string {
  return visible(String(s)).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** `s` cut to `max` characters (code points), with `…` at the end when cut. */
export function clip(s: string, max: number): string {
  const chars = [...visible(s)];
  if (chars.length <= max) return chars.join('');
  return max <= 1 ? '…' : `${chars.slice(0, max - 1).join('')}…`;
}

/** `s` broken into lines of at most `max` characters: at spaces where it can, inside a word where it must. */
export function wrap(s: string, max: number): string[] {
  const width = Math.max(1, Math.floor(max));
  const lines: string[] = [];
  let line = '';
  for (const word of visible(s).split(/\s+/).filter((w) => w !== '')) {
    let rest = [...word];
    if (line !== '' && [...line].length + 1 + rest.length <= width) {
      line += ` ${word}`;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    while (rest.length > width) {
      lines.push(rest.slice(0, width).join(''));
      rest = rest.slice(width);
    }
    line = rest.join('');
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** How many characters fit in `width` units of a node (its padding taken off). */
export function charsIn(width: number): number {
  return Math.max(1, Math.floor((width - 2 * PAD) / CHAR_W));
}

/** Attribute values: strings escaped, numbers rounded to 0.1, `undefined`/`false` left out, `true` as an empty value. */
export type Attrs = Record<string, string | number | boolean | undefined>;

function attrs(a: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(a)) {
    if (value === undefined || value === false) continue;
    const v = value === true ? '' : typeof value === 'number' ? String(Math.round(value * 10) / 10) : esc(value);
    out += ` ${name}="${v}"`;
  }
  return out;
}

/** An element; `children` is markup already built by these functions (never raw input). */
export function el(tag: string, a: Attrs, children: string | string[] = ''): string {
  const inner = Array.isArray(children) ? children.join('') : children;
  return inner === '' ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${inner}</${tag}>`;
}

/** A `<text>` whose content is escaped. */
export function text(x: number, y: number, content: string, a: Attrs = {}): string {
  return `<text${attrs({ x, y, ...a })}>${esc(content)}</text>`;
}

/** A `<rect>`. */
export function rect(x: number, y: number, width: number, height: number, a: Attrs = {}): string {
  return el('rect', { x, y, width, height, ...a });
}

/** A `<path>` through the points given (an elbow or a straight edge). */
export function edge(points: [number, number][], a: Attrs = {}): string {
  const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${Math.round(x * 10) / 10} ${Math.round(y * 10) / 10}`).join(' ');
  return el('path', { d, ...a });
}

/** A `<title>` (the tooltip and accessible description of its parent). */
export function title(content: string): string {
  return `<title>${esc(content)}</title>`;
}

/** One focusable node of a view: a box, its lines of text and what a screen reader says. */
export interface NodeSpec {
  x: number;
  y: number;
  width: number;
  /** Lines of text, each clipped to the box. */
  lines: string[];
  /** What the node is, in words (aria-label and tooltip). */
  label: string;
  /** Extra classes of the group: `damaged`, `new`, `failing`, ... */
  classes?: string[];
  /** A stable key for keeping focus across redraws (`data-key`). */
  key: string;
  /** Drawn over the box before the text (a hatch pattern), already built markup. */
  overlay?: string;
  /** Extra height below the text. */
  extra?: number;
}

/** The height of a node with `lines` lines of text. */
export function nodeHeight(lines: number, extra = 0): number {
  return lines * LINE_H + 2 * PAD - 2 + extra;
}

/**
 * A node as `<g role="group" tabindex="0" aria-label>`, with a `<title>`, its box and its
 * text: keyboard users reach it with Tab, screen readers read the label, mouse users get
 * the tooltip.
 */
export function node(spec: NodeSpec): string {
  return group(spec.label, spec.key, ['node', ...(spec.classes ?? [])], box(spec));
}

/** A node's box and text without the focusable group around it (for groups of several boxes). */
export function box(spec: Omit<NodeSpec, 'label' | 'key'>): string {
  const h = nodeHeight(spec.lines.length, spec.extra);
  const max = charsIn(spec.width);
  const lines = spec.lines.map((line, i) => text(spec.x + PAD, spec.y + PAD + (i + 1) * LINE_H - 4, clip(line, max), i === 0 ? { class: 'head' } : {}));
  return [rect(spec.x, spec.y, spec.width, h, { rx: 4, class: 'box' }), spec.overlay ?? '', ...lines].join('');
}

/** A focusable `<g role="group" tabindex="0">` named `label` (also its `<title>`), around `body` markup. */
export function group(label: string, key: string, classes: string[], body: string): string {
  return el('g', { class: classes.join(' '), role: 'group', tabindex: 0, 'aria-label': label, 'data-key': key }, [title(label), body]);
}

/** A hatch pattern (diagonal lines) with id `id`, for damaged or failing things: a mark that is not colour alone. */
export function hatchPattern(id: string): string {
  return el('pattern', { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, el('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line' }));
}

/** An arrowhead marker with id `id` for mapping lines. */
export function arrowMarker(id: string): string {
  return el('marker', { id, viewBox: '0 0 8 8', refX: 7, refY: 4, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' }, el('path', { d: 'M0 0 L8 4 L0 8 z', class: 'arrow-head' }));
}

/** Options every view takes. */
export interface ViewOptions {
  /** Width of the drawing in SVG units (default VIEW_WIDTH, phone-sized). */
  width?: number;
  /** Prefix of the ids inside the SVG (patterns, markers), unique per view on a page. */
  idPrefix?: string;
}

/** The id prefix from options, reduced to characters safe in an id and a url(#…) reference. */
export function idPrefixOf(options: ViewOptions, fallback: string): string {
  const p = (options.idPrefix ?? fallback).replace(/[^A-Za-z0-9_-]/g, '');
  return /^[A-Za-z]/.test(p) ? p : `v${p}`;
}

/** The root `<svg>`: a viewBox of `width` × `height`, named for assistive technology. */
export function svgRoot(kind: string, width: number, height: number, label: string, defs: string, body: string[]): string {
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: `hlab-view hlab-view-${kind}`,
      viewBox: `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`,
      width: Math.ceil(width),
      height: Math.ceil(height),
      role: 'group',
      'aria-label': label,
      'font-size': FONT_SIZE,
    },
    [title(label), defs === '' ? '' : el('defs', {}, defs), ...body],
  );
}

/** A heading line inside a view (not focusable: the nodes under it carry the meaning). */
export function heading(x: number, y: number, content: string, width: number): string {
  return text(x, y, clip(content, Math.floor(width / CHAR_W)), { class: 'heading' });
}

/**
 * Which of `items` a capped view shows: those `worth` showing first (damaged, new, failing),
 * then the rest in order, at most `max`; returned as indices in their original order so the
 * layout stays the model's order.
 */
export function pickShown<T>(items: readonly T[], max: number, worth: (item: T) => boolean = () => false): number[] {
  const cap = Math.max(0, max);
  const chosen = new Set<number>();
  // One pass for the worthy, one for the rest; both stop at the cap (a 1 GiB file has 8192 blocks).
  for (let i = 0; i < items.length && chosen.size < cap; i++) if (worth(items[i] as T)) chosen.add(i);
  for (let i = 0; i < items.length && chosen.size < cap; i++) chosen.add(i);
  return [...chosen].sort((a, b) => a - b);
}
