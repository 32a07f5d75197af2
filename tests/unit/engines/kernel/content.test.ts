import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocatedLength,
  contentLength,
  normalise,
  randomByte,
  resizeContent,
  sliceContent,
  utf8Bytes,
  writeContent,
  type Content,
  type Segment,
} from '../../../../src/simulator/engines/kernel/content';

/** The bytes a content stands for, as numbers: the model the descriptors must agree with. */
function bytesOf(content: Content): number[] {
  const out: number[] = [];
  for (const s of content) {
    if (s.kind === 'text') for (const ch of utf8Bytes(s.text)) out.push(ch.charCodeAt(0));
    else if (s.kind === 'bytes') for (const ch of s.data) out.push(ch.charCodeAt(0));
    else if (s.kind === 'random') for (let i = 0; i < s.length; i++) out.push(randomByte(s.seed, s.offset + i));
    else for (let i = 0; i < s.length; i++) out.push(0);
  }
  return out;
}

/** pwrite(2) on a byte array: a gap past the end reads as zeros; with truncate, nothing after the data remains. */
function modelWrite(file: number[], offset: number, data: number[], truncate: boolean): number[] {
  const out = file.slice(0, Math.min(offset, file.length));
  while (out.length < offset) out.push(0);
  out.push(...data);
  if (!truncate) out.push(...file.slice(offset + data.length));
  return out;
}

describe('content descriptors', () => {
  it('slices text with multibyte characters by bytes, keeping text where the cut falls between characters', () => {
    const c: Content = [{ kind: 'text', text: 'héllo €' }];
    expect(contentLength(c)).toBe(10);
    expect(sliceContent(c, 0, 3)).toEqual([{ kind: 'text', text: 'hé' }]);
    expect(sliceContent(c, 7, 10)).toEqual([{ kind: 'text', text: '€' }]);
    // A cut inside é (bytes c3 a9) leaves raw bytes, not a broken string.
    expect(sliceContent(c, 0, 2)).toEqual([{ kind: 'bytes', data: 'h\xc3' }]);
    expect(bytesOf(sliceContent(c, 2, 8))).toEqual(bytesOf(c).slice(2, 8));
  });

  it('keeps a write past the end as a hole that takes no space', () => {
    const c = writeContent([{ kind: 'text', text: 'ab' }], 10, [{ kind: 'text', text: 'z' }], false);
    expect(c).toEqual([{ kind: 'text', text: 'ab' }, { kind: 'hole', length: 8 }, { kind: 'text', text: 'z' }]);
    expect(contentLength(c)).toBe(11);
    expect(allocatedLength(c)).toBe(3);
  });

  it('overwrites in place without truncating (dd conv=notrunc) and cuts after the data with truncate', () => {
    const file: Content = [{ kind: 'text', text: 'hello world' }];
    expect(writeContent(file, 6, [{ kind: 'text', text: 'WO' }], false)).toEqual([{ kind: 'text', text: 'hello WOrld' }]);
    expect(writeContent(file, 6, [{ kind: 'text', text: 'WO' }], true)).toEqual([{ kind: 'text', text: 'hello WO' }]);
  });

  it('keeps a gigabyte of /dev/urandom as one segment, and its copies as slices of it', () => {
    const gib = 2 ** 30;
    let file: Content = [];
    for (let i = 0; i < 1024; i++) file = writeContent(file, i * 2 ** 20, [{ kind: 'random', seed: 7, offset: i * 2 ** 20, length: 2 ** 20 }], false);
    expect(file).toEqual([{ kind: 'random', seed: 7, offset: 0, length: gib }]);
    expect(sliceContent(file, 5, 9)).toEqual([{ kind: 'random', seed: 7, offset: 5, length: 4 }]);
    expect(JSON.stringify(file).length).toBeLessThan(100);
  });

  it('resizes like ftruncate: cuts, or extends with a hole', () => {
    expect(resizeContent([{ kind: 'text', text: 'abcdef' }], 2)).toEqual([{ kind: 'text', text: 'ab' }]);
    expect(resizeContent([{ kind: 'text', text: 'ab' }], 5)).toEqual([{ kind: 'text', text: 'ab' }, { kind: 'hole', length: 3 }]);
  });

  // Small random files and writes: the descriptors must hold exactly the bytes a plain array would.
  const segment: fc.Arbitrary<Segment> = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'b', 'é', '€', '😀', '\n'), maxLength: 6 }).map((text) => ({ kind: 'text' as const, text })),
    fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 5 }).map((b) => ({ kind: 'bytes' as const, data: String.fromCharCode(...b) })),
    fc.integer({ min: 0, max: 6 }).map((length) => ({ kind: 'zero' as const, length })),
    fc.integer({ min: 0, max: 6 }).map((length) => ({ kind: 'hole' as const, length })),
    fc.record({ seed: fc.integer({ min: 0, max: 3 }), offset: fc.integer({ min: 0, max: 20 }), length: fc.integer({ min: 0, max: 6 }) }).map((r) => ({ kind: 'random' as const, ...r })),
  );
  const content = fc.array(segment, { maxLength: 5 });

  it('writeContent and sliceContent agree with a byte-array model', () => {
    fc.assert(
      fc.property(content, content, fc.integer({ min: 0, max: 30 }), fc.boolean(), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (file, data, offset, truncate, a, b) => {
        const written = writeContent(file, offset, data, truncate);
        const model = modelWrite(bytesOf(file), offset, bytesOf(data), truncate);
        expect(bytesOf(written)).toEqual(model);
        expect(contentLength(written)).toBe(model.length);
        const [start, end] = a <= b ? [a, b] : [b, a];
        expect(bytesOf(sliceContent(written, start, end))).toEqual(model.slice(start, end));
        expect(bytesOf(normalise(written))).toEqual(model);
      }),
      { numRuns: 300, seed: 20260101 },
    );
  });
});
