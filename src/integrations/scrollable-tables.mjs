// @ts-check
// Tables on a phone: words never break in the middle (`Na/mes/pac/e`). This Sätteri hast
// plugin wraps each <table> of Markdown content in a scroll region a keyboard can reach
// (tabindex="0", role="region" with a name: WCAG 2.1.1, axe scrollable-region-focusable),
// and gives inline code in a table <wbr> break opportunities after `/ . - _ : = ,`, so a long
// path or option string wraps at its punctuation instead of widening the table.

/** Characters after which a long inline-code token may wrap. */
const BREAK_AFTER = /([/.\-_:=,])/;

/**
 * Text and <wbr> nodes for `value`: a <wbr> after each break character.
 * @param {string} value
 * @returns {any[]}
 */
export function withBreaks(value) {
  const out = [];
  for (const part of value.split(BREAK_AFTER)) {
    if (part === '') continue;
    out.push({ type: 'text', value: part });
    if (part.length === 1 && BREAK_AFTER.test(part)) out.push({ type: 'element', tagName: 'wbr', properties: {}, children: [] });
  }
  return out;
}

/**
 * Text of a HAST node.
 * @param {any} node
 * @returns {string}
 */
function textOf(node) {
  if (node.type === 'text') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

/**
 * A name for a table's scroll region: its caption, else its column headings.
 * @param {any} table
 */
export function regionName(table) {
  const caption = (table.children ?? []).find((/** @type {any} */ c) => c.tagName === 'caption');
  if (caption) return textOf(caption).trim();
  /** @type {string[]} */
  const headings = [];
  const collect = (/** @type {any} */ n) => {
    if (n.type === 'element' && n.tagName === 'th') headings.push(textOf(n).trim());
    else if (n.type === 'element' && n.tagName !== 'tbody') (n.children ?? []).forEach(collect);
  };
  collect(table);
  const named = headings.filter(Boolean);
  return named.length ? `Table: ${named.join(', ')}` : 'Table';
}

/**
 * A copy of `node` whose <code> text has break opportunities.
 * @param {any} node
 * @param {boolean} inCode
 * @returns {any}
 */
export function breakCode(node, inCode = false) {
  if (!Array.isArray(node.children)) return node;
  const here = inCode || (node.type === 'element' && node.tagName === 'code');
  return {
    ...node,
    children: node.children.flatMap((/** @type {any} */ child) => (here && child.type === 'text' ? withBreaks(child.value) : [breakCode(child, here)])),
  };
}

/** The Sätteri hast plugin, registered by src/integrations/handbook-markdown.mjs. */
export const scrollableTables = {
  name: 'handbook-scrollable-tables',
  element: {
    filter: ['table'],
    /**
     * @param {any} node
     * @returns {any}
     */
    visit(node) {
      return {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: regionName(node) },
        children: [breakCode(node)],
      };
    },
  },
};
