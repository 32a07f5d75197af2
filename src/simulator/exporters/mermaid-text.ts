/**
 * Safe pieces of Mermaid flowchart text: node ids, quoted labels and accessibility text
 * built from names a lab file supplies. A lab may hold any string in a description and
 * (after the model's checks) odd but valid names; none of it may break the diagram or
 * inject Mermaid syntax, a `%%{init}%%` directive or HTML.
 *
 * Sources: Mermaid flowchart syntax docs ("Entity codes to escape characters", "Special
 * characters that break syntax", accessibility `accTitle`/`accDescr`), and mermaid's
 * preprocessing, which finds `%%{…}%%` directives anywhere in the text.
 */

/** Longest piece of a name kept in a node id; the index prefix keeps ids unique anyway. */
const ID_NAME_LIMIT = 24;

/**
 * A node or subgraph id: a prefix of letters and digits (so no id is a Mermaid keyword like
 * `end` or starts with `o`/`x`, which would turn `-->o` into a circle edge), then `_` and the
 * name reduced to `[A-Za-z0-9_]`. Callers make the prefix a kind plus indices (`host0`,
 * `pool0_1`): the prefix alone then tells ids apart, even when names reduce to the same
 * text or look like another id.
 * @example mermaidId('host0', 'pve-1') // 'host0_pve_1'
 */
export function mermaidId(prefix: string, name: string | number): string {
  const safe = String(name)
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, ID_NAME_LIMIT);
  return safe === '' ? prefix : `${prefix}_${safe}`;
}

/** Mermaid entity codes for the characters that could end a quoted label or mean markup. */
const LABEL_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['"', '#quot;'],
  ['#', '#35;'],
  ['%', '#37;'],
  ['&', '#amp;'],
  ['<', '#lt;'],
  ['>', '#gt;'],
  ['|', '#124;'],
]);

/**
 * Text for inside a quoted label (`id["…"]`, `-->|"…"|`, `subgraph id["…"]`): control
 * characters and newlines become spaces, backticks (Markdown strings) are dropped, and
 * `" # % & < > |` become Mermaid entity codes (`#quot;` …), so the label can neither close
 * its quotes nor smuggle a directive or a tag. The `d` of a `direction` followed by a space
 * becomes `#100;` too: mermaid's flow.jison lexer has a rule `.*direction\s+TB[^\n]*` that
 * would otherwise swallow the whole line, label and all. Returns the text without quotes.
 * @example mermaidLabel('say "hi"') // 'say #quot;hi#quot;'
 */
export function mermaidLabel(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/`/g, '')
    .replace(/["#%&<>|]/g, (ch) => LABEL_ENTITIES.get(ch) ?? '')
    .replace(/ {2,}/g, ' ')
    .trim()
    .replace(/(d)(?=irection\s)/gi, (d) => `#${d.charCodeAt(0)};`);
}

/**
 * Text for `accTitle:` and `accDescr:` lines, which run to the end of the line and are not
 * entity-decoded: one line, no control characters, no `%`, `{` or `}` (a `%%{` would start
 * a directive wherever it appears), and no `<`, `>` or backticks (Mermaid sanitises these
 * texts itself; leaving markup out keeps the SVG title plain whatever renders it). A
 * zero-width space goes after any `direction` followed by a space, so flow.jison's
 * `.*direction\s+TB[^\n]*` rule cannot take the line for a direction statement.
 * @example mermaidAccText('Lab\n%%{init: {}}%%') // 'Lab init:'
 */
export function mermaidAccText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[%{}`<>]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim()
    .replace(/(direction)(?=\s)/gi, '$1\u200b');
}
