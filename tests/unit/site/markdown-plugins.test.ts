// The site's Markdown transforms (src/integrations/): mermaid fences become diagram markup,
// tables get a named scroll region, and inline code in tables breaks only at punctuation.
import { describe, expect, it } from 'vitest';
import { mermaidFences, mermaidNode } from '../../../src/integrations/mermaid-fences.mjs';
import { breakCode, regionName, scrollableTables, withBreaks } from '../../../src/integrations/scrollable-tables.mjs';

const text = (value: string) => ({ type: 'text', value });
const el = (tagName: string, children: unknown[], properties = {}) => ({ type: 'element', tagName, properties, children });

describe('mermaid fences', () => {
  it('replace a mermaid code node with a div > pre holding the exact source', () => {
    const replaced: unknown[] = [];
    const ctx = { replaceNode: (_node: unknown, replacement: unknown) => replaced.push(replacement) };
    mermaidFences.code({ lang: 'mermaid', value: 'flowchart TB\n  a --> b' }, ctx);
    mermaidFences.code({ lang: 'sh', value: 'ls' }, ctx);
    expect(replaced).toEqual([mermaidNode('flowchart TB\n  a --> b')]);
    expect(mermaidNode('x')).toMatchObject({
      data: { hName: 'div', hProperties: { className: ['mermaid-diagram'] } },
      children: [{ data: { hName: 'pre', hProperties: { className: ['mermaid-source'], tabIndex: 0 } }, children: [text('x')] }],
    });
  });
});

describe('scrollable tables', () => {
  it('put a <wbr> after each / . - _ : = , and nowhere inside a word', () => {
    const parts = withBreaks('/etc/pve/lxc/101.conf');
    expect(parts.map((p: { type: string; value?: string }) => (p.type === 'text' ? p.value : '|')).join('')).toBe('/|etc/|pve/|lxc/|101.|conf');
    expect(withBreaks('Namespace')).toEqual([text('Namespace')]);
  });

  it('break only code, not prose, inside a table', () => {
    const cell = el('td', [text('see /etc/pve '), el('code', [text('a/b')])]);
    const out = breakCode(cell);
    expect(out.children[0]).toEqual(text('see /etc/pve '));
    expect(out.children[1].children.map((c: { tagName?: string; value?: string }) => c.tagName ?? c.value)).toEqual(['a', '/', 'wbr', 'b']);
  });

  it('name the region after the caption, else the column headings', () => {
    expect(regionName(el('table', [el('caption', [text('Hosts')])]))).toBe('Hosts');
    expect(regionName(el('table', [el('thead', [el('tr', [el('th', [text('Field')]), el('th', [text('Type')])])])]))).toBe('Table: Field, Type');
  });

  it('wrap the table in a focusable, named region', () => {
    const table = el('table', [el('thead', [el('tr', [el('th', [text('Name')])])])]);
    expect(scrollableTables.element.visit(table)).toMatchObject({
      tagName: 'div',
      properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: 'Table: Name' },
    });
  });
});
