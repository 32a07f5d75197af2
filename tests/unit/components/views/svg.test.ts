import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, esc, node, pickShown, text, visible, wrap } from '../../../../src/components/views/svg';
import { niceBytes } from '../../../../src/components/views/nice-bytes';
import { all, parseXml, textOf } from './xml-tree';

describe('svg helpers', () => {
  it('escape markup and make control and direction characters visible', () => {
    expect(esc(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
    expect(visible('\u001b[31mred\u0007\u007f')).toBe('␛[31mred␇␡');
    expect(visible('photo\u202egpj.exe')).toBe('photo\\u202egpj.exe');
    expect(visible('ok \u00e9 \u{1f600}')).toBe('ok \u00e9 \u{1f600}');
  });

  it('clip and wrap by characters, breaking long words where they must', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 4)).toBe('abc');
    expect(wrap('an IP address matches no initiator name', 12)).toEqual(['an IP', 'address', 'matches no', 'initiator', 'name']);
    expect(wrap('iqn.1993-08.org.debian:01:e7dd6e7909d', 16)).toEqual(['iqn.1993-08.org.', 'debian:01:e7dd6e', '7909d']);
    expect(wrap('', 10)).toEqual(['']);
  });

  it('pick the interesting items first when capping, keeping model order', () => {
    expect(pickShown([1, 2, 3, 4, 5, 6], 3, (n) => n === 6)).toEqual([0, 1, 5]);
    expect(pickShown([1, 2], 5)).toEqual([0, 1]);
  });

  it('print sizes as zfs list does', () => {
    expect([0, 512, 98304, 131072, 1073741824, 4243964362752, 1814560768].map(niceBytes)).toEqual(['0B', '512B', '96K', '128K', '1G', '3.86T', '1.69G']);
  });

  it('any string stays inert text: well-formed XML, no control characters, read back as the visible form', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const markup = node({ x: 0, y: 0, width: 2000, lines: [s], label: s, key: s });
        expect(markup).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
        const tree = parseXml(markup);
        expect(all(tree).map((e) => e.name).sort()).toEqual(['g', 'rect', 'text', 'title']);
        expect(tree.attrs['aria-label']).toBe(visible(s));
        expect(textOf(parseXml(text(0, 0, s))).trim()).toBe(visible(s).trim());
      }),
      { numRuns: 200 },
    );
  });
});
