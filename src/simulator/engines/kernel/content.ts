/**
 * File content as descriptors, not bytes. Text stays text; data that `dd` reads from
 * /dev/zero or /dev/urandom is a `zero` or `random` segment (a deterministic stream named
 * by a seed and an offset), a sparse gap is a `hole`, and copies copy the descriptors. So a
 * 1 GiB file costs a few dozen bytes of state and reads back the same every time; engines
 * (ZFS checksums, iSCSI LUNs) work over the same descriptors.
 */

/** One run of bytes in a file. Lengths and offsets are in bytes. */
export type Segment =
  /** UTF-8 text, kept as a JS string. */
  | { kind: 'text'; text: string }
  /** Raw bytes, one char (0–255) per byte: text cut in the middle of a character, or binary pieces. */
  | { kind: 'bytes'; data: string }
  /** Bytes of value 0 that were written (they take space). */
  | { kind: 'zero'; length: number }
  /** A sparse gap: reads as zeros, takes no space (a `dd seek=` past the end, `truncate -s`). */
  | { kind: 'hole'; length: number }
  /** Bytes `offset … offset+length` of the pseudo-random stream `seed` (what /dev/urandom gave). */
  | { kind: 'random'; seed: number; offset: number; length: number };

/** A file's content: its segments in order. */
export type Content = Segment[];

/** The most bytes a command may read into memory as text (a simulator limit, not a kernel one). */
export const MAX_MATERIALISE = 16 << 20;

/** UTF-8 byte length of a string (what `wc -c` and st_size count). */
export function byteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes in one segment. */
export function segmentLength(s: Segment): number {
  switch (s.kind) {
    case 'text':
      return byteLength(s.text);
    case 'bytes':
      return s.data.length;
    default:
      return s.length;
  }
}

/** Bytes in a content. */
export function contentLength(content: Content): number {
  let n = 0;
  for (const s of content) n += segmentLength(s);
  return n;
}

/** Bytes that take space on disk (everything but holes). */
export function allocatedLength(content: Content): number {
  let n = 0;
  for (const s of content) if (s.kind !== 'hole') n += segmentLength(s);
  return n;
}

/** A content holding `text` (empty text is no segment at all). */
export function textContent(text: string): Content {
  return text === '' ? [] : [{ kind: 'text', text }];
}

/** UTF-8 encoding of a string as a byte string (one char per byte). */
export function utf8Bytes(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out += ch;
    else if (cp < 0x800) out += String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out += String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out += String.fromCharCode(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** Decodes a byte string as UTF-8; bytes that do not form a character are kept as they are (Latin-1). */
export function utf8Text(bytes: string): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes.charCodeAt(i);
    const need = b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : 0;
    if (need === 0 || !continuationBytes(bytes, i + 1, need)) {
      out += bytes[i];
      i++;
      continue;
    }
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) cp = (cp << 6) | (bytes.charCodeAt(i + k) & 63);
    out += String.fromCodePoint(Math.min(cp, 0x10ffff));
    i += need + 1;
  }
  return out;
}

/** True when `count` bytes from `at` are UTF-8 continuation bytes (10xxxxxx). */
function continuationBytes(bytes: string, at: number, count: number): boolean {
  if (at + count > bytes.length) return false;
  for (let k = 0; k < count; k++) if ((bytes.charCodeAt(at + k) & 0xc0) !== 0x80) return false;
  return true;
}

/** Byte `index` of the pseudo-random stream `seed` (a counter-mode mix: any byte is reachable without the ones before). */
export function randomByte(seed: number, index: number): number {
  const word = Math.floor(index / 4);
  let h = (seed ^ Math.imul(word ^ (word / 4294967296), 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return (h >>> ((index % 4) * 8)) & 0xff;
}

/** The bytes `start … end` of one segment, as a segment of the same kind where possible. */
function sliceSegment(s: Segment, start: number, end: number): Segment | null {
  if (end <= start) return null;
  switch (s.kind) {
    case 'text': {
      // Cheap when the text is ASCII (byte = char); otherwise cut its UTF-8 bytes.
      if (/^[\x00-\x7f]*$/.test(s.text)) return { kind: 'text', text: s.text.slice(start, end) };
      const bytes = utf8Bytes(s.text).slice(start, end);
      const text = utf8Text(bytes);
      return byteLength(text) === bytes.length && utf8Bytes(text) === bytes ? { kind: 'text', text } : { kind: 'bytes', data: bytes };
    }
    case 'bytes':
      return { kind: 'bytes', data: s.data.slice(start, end) };
    case 'zero':
    case 'hole':
      return { kind: s.kind, length: end - start };
    case 'random':
      return { kind: 'random', seed: s.seed, offset: s.offset + start, length: end - start };
  }
}

/** The bytes `start … end` of a content (clamped to its length). */
export function sliceContent(content: Content, start: number, end: number = Number.MAX_SAFE_INTEGER): Content {
  const out: Content = [];
  let at = 0;
  for (const s of content) {
    const len = segmentLength(s);
    const from = Math.max(start, at);
    const to = Math.min(end, at + len);
    if (to > from) {
      const piece = sliceSegment(s, from - at, to - at);
      if (piece) out.push(piece);
    }
    at += len;
    if (at >= end) break;
  }
  return out;
}

/** Joins adjacent segments of the same kind, so repeated appends stay small. */
export function normalise(content: Content): Content {
  const out: Content = [];
  for (const s of content) {
    if (segmentLength(s) === 0) continue;
    const last = out[out.length - 1];
    if (last?.kind === 'text' && s.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + s.text };
    else if (last?.kind === 'bytes' && s.kind === 'bytes') out[out.length - 1] = { kind: 'bytes', data: last.data + s.data };
    else if ((last?.kind === 'zero' && s.kind === 'zero') || (last?.kind === 'hole' && s.kind === 'hole')) out[out.length - 1] = { kind: last.kind, length: last.length + s.length };
    else if (last?.kind === 'random' && s.kind === 'random' && last.seed === s.seed && last.offset + last.length === s.offset) {
      out[out.length - 1] = { ...last, length: last.length + s.length };
    } else out.push({ ...s });
  }
  return out;
}

/**
 * Writes `data` at byte `offset` of `content`: a gap past the end becomes a hole; without
 * `truncate` the bytes after the written range stay (dd conv=notrunc), with it they go.
 */
export function writeContent(content: Content, offset: number, data: Content, truncate: boolean): Content {
  const length = contentLength(content);
  const dataLength = contentLength(data);
  const head = sliceContent(content, 0, Math.min(offset, length));
  const gap: Content = offset > length ? [{ kind: 'hole', length: offset - length }] : [];
  const tail = truncate ? [] : sliceContent(content, offset + dataLength);
  return normalise([...head, ...gap, ...data, ...tail]);
}

/** A content of `size` bytes: cut, or extended with a hole (ftruncate(2)). */
export function resizeContent(content: Content, size: number): Content {
  const length = contentLength(content);
  if (size <= length) return normalise(sliceContent(content, 0, size));
  return normalise([...content, { kind: 'hole', length: size - length }]);
}

/**
 * The content as a JS string for text tools: text as it is, raw bytes decoded as UTF-8
 * where they form characters, zeros as NUL characters, random bytes one char each. Null
 * when it is longer than `limit` bytes (the caller says the simulator will not read it).
 */
export function materialise(content: Content, limit = MAX_MATERIALISE): string | null {
  if (contentLength(content) > limit) return null;
  let out = '';
  let pending = '';
  const flush = (): void => {
    if (pending !== '') out += utf8Text(pending);
    pending = '';
  };
  for (const s of content) {
    if (s.kind === 'text') {
      flush();
      out += s.text;
    } else if (s.kind === 'bytes') pending += s.data;
    else if (s.kind === 'zero' || s.kind === 'hole') {
      flush();
      out += '\0'.repeat(s.length);
    } else {
      flush();
      let chunk = '';
      for (let i = 0; i < s.length; i++) chunk += String.fromCharCode(randomByte(s.seed, s.offset + i));
      out += chunk;
    }
  }
  flush();
  return out;
}

/** True when the two contents hold the same bytes (compared by descriptor where possible). */
export function sameContent(a: Content, b: Content): boolean {
  const x = normalise(a);
  const y = normalise(b);
  if (JSON.stringify(x) === JSON.stringify(y)) return true;
  if (contentLength(x) !== contentLength(y)) return false;
  const tx = materialise(x);
  return tx !== null && tx === materialise(y);
}
