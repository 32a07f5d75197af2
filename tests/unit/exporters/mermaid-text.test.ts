import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mermaidAccText, mermaidId, mermaidLabel } from '../../../src/simulator/exporters';

describe('mermaidId', () => {
  it('keeps letters, digits and _ after the prefix', () => {
    expect(mermaidId('host0', 'pve-1.lan')).toBe('host0_pve_1_lan');
    expect(mermaidId('ct0', 101)).toBe('ct0_101');
  });

  it('is just the prefix when nothing of the name survives, and cuts long names', () => {
    expect(mermaidId('zone2', '"; DROP')).toBe('zone2_DROP');
    expect(mermaidId('zone2', '!!!')).toBe('zone2');
    expect(mermaidId('svc1', 'a'.repeat(100))).toBe(`svc1_${'a'.repeat(24)}`);
  });

  it('always gives an identifier Mermaid reads as one token', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        expect(mermaidId('host3', name)).toMatch(/^host3(_[A-Za-z0-9_]{1,24})?$/);
      }),
    );
  });
});

describe('mermaidLabel', () => {
  it('turns quotes and markup characters into Mermaid entity codes', () => {
    expect(mermaidLabel('say "hi" <b>&</b> #1 100% a|b')).toBe('say #quot;hi#quot; #lt;b#gt;#amp;#lt;/b#gt; #35;1 100#37; a#124;b');
  });

  it('breaks up "direction TB", which mermaid\'s lexer would read as a statement', () => {
    expect(mermaidLabel('Home direction LR')).toBe('Home #100;irection LR');
    expect(mermaidLabel('Direction\u00a0TB and directions')).toBe('#68;irection\u00a0TB and directions');
  });

  it('puts everything on one line and drops Markdown backticks', () => {
    expect(mermaidLabel('one\ntwo\r\n\tthree `x`')).toBe('one two three x');
  });

  it('never leaves a character that can end a quoted label or start a directive', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(mermaidLabel(text)).not.toMatch(/["%<>`|\n\r\u2028\u2029]/);
      }),
    );
  });
});

describe('mermaidAccText', () => {
  it('keeps one plain line with no directive characters', () => {
    expect(mermaidAccText('Lab\n%%{init: {}}%%')).toBe('Lab init:');
    expect(mermaidAccText('a <b> `c`')).toBe('a b c');
    expect(mermaidAccText('Lab direction TB')).toBe('Lab direction\u200b TB');
  });
});
