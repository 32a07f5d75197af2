/**
 * A strict little XML reader for the views' tests: parses the SVG markup the renderers
 * return into a tree (throwing on anything not well-formed: unbalanced tags, unquoted or
 * duplicate attributes, a raw `<` or `&` in text), so tests can assert structure without a DOM.
 */

/** An element of the parsed tree. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (entities decoded), children's text excluded. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function decode(s: string, at: number): string {
  if (/[<]/.test(s)) throw new Error(`raw < in text near ${at}`);
  return s.replace(/&([^;]*);|&/g, (m, name: string | undefined) => {
    if (name === undefined || !(name in ENTITIES)) throw new Error(`bad entity ${m} near ${at}`);
    return ENTITIES[name] as string;
  });
}

/** Parses `markup` (one root element); throws with the offset of the first error. */
export function parseXml(markup: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < markup.length) {
    const lt = markup.indexOf('<', i);
    const top = stack[stack.length - 1] as XmlElement;
    if (lt === -1 || lt > i) {
      const end = lt === -1 ? markup.length : lt;
      top.text += decode(markup.slice(i, end), i);
      i = end;
      continue;
    }
    tag.lastIndex = i;
    const m = tag.exec(markup);
    if (!m) throw new Error(`malformed tag at ${i}: ${markup.slice(i, i + 60)}`);
    const [whole, closing, name, rawAttrs, selfClosing] = m as unknown as [string, string, string, string, string];
    if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}> at ${i}`);
      stack.pop();
    } else {
      const attrs: Record<string, string> = {};
      for (const a of rawAttrs.matchAll(/([\w:-]+)="([^"]*)"/g)) {
        const [, key, value] = a as unknown as [string, string, string];
        if (key in attrs) throw new Error(`duplicate attribute ${key} at ${i}`);
        attrs[key] = decode(value, i);
      }
      const el: XmlElement = { name, attrs, children: [], text: '' };
      top.children.push(el);
      if (!selfClosing) stack.push(el);
    }
    i += whole.length;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('expected exactly one root element');
  return root.children[0] as XmlElement;
}

/** Every element below (and including) `el`, depth first. */
export function all(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(all)];
}

/** The classes of an element. */
export function classes(el: XmlElement): string[] {
  return (el.attrs['class'] ?? '').split(/\s+/).filter((c) => c !== '');
}

/** Elements with class `cls`. */
export function byClass(root: XmlElement, cls: string): XmlElement[] {
  return all(root).filter((e) => classes(e).includes(cls));
}

/** The drawn text under `el` (`<title>`s left out), concatenated with spaces between elements. */
export function textOf(el: XmlElement): string {
  return [el.text, ...el.children.filter((c) => c.name !== 'title').map(textOf)].filter((t) => t !== '').join(' ');
}

/** The focusable nodes (`g[tabindex=0]`) with their aria-labels. */
export function focusable(root: XmlElement): XmlElement[] {
  return all(root).filter((e) => e.attrs['tabindex'] === '0');
}
