/**
 * Reading a lab file's text safely: size limit, binary detection, YAML or JSON parsing,
 * a nesting limit checked without recursion, and mapping issue paths back to line:column.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { PathIssue } from './path-issue';
import { MAX_NESTING, valueNestingProblem } from './value-nesting';

export { MAX_NESTING, valueNestingProblem } from './value-nesting';

/** Largest lab file accepted, in bytes. */
export const MAX_LAB_BYTES = 5 * 1024 * 1024;
/** YAML aliases allowed (a "billion laughs" file needs thousands). */
const MAX_ALIASES = 100;

/** A position in the text, 1-based. */
export interface TextPosition {
  line: number;
  column: number;
}

/** What reading the text gave: a value and a way to locate paths in it, or issues. */
export type ReadResult =
  | { ok: true; value: unknown; locate: (at: (string | number)[], atKey?: boolean) => TextPosition | undefined }
  | { ok: false; issues: (PathIssue & Partial<TextPosition>)[] };

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Binary junk: NUL bytes, or more than 1% control or replacement characters. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || c === 0xfffd) odd++;
  }
  return odd > 0 && odd * 100 > sample.length;
}

/**
 * The deepest flow nesting (`[` and `{` outside quotes and comments) in the text, with the
 * offset where it first passes the limit. A cheap scan, so `[[[[…` ten thousand deep is
 * refused before any parser recurses into it.
 */
function flowNestingTooDeep(text: string): number | null {
  // Compact block sequences (`- - - x`) nest one level per dash on a single line.
  const dashes = /^[ \t]*(?:-[ \t]+){65,}/m.exec(text);
  if (dashes) return dashes.index + dashes[0].length - 1;
  let depth = 0;
  let quote: string | null = null;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (comment) {
      if (c === '\n') comment = false;
      continue;
    }
    if (quote !== null) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    const prev = i === 0 ? '\n' : (text[i - 1] as string);
    if (c === '#' && /\s/.test(prev)) comment = true;
    else if ((c === '"' || c === "'") && /[\s[{,:]/.test(prev)) quote = c;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth > MAX_NESTING) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return null;
}

/** Nesting of block YAML: the deepest node in a parsed document, walked without recursion. */
function documentTooDeep(doc: Document): { node: { range?: [number, number, number] | null } } | null {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (isMap(node) || isSeq(node)) {
      if (depth > MAX_NESTING) return { node: node as { range?: [number, number, number] } };
      for (const item of node.items) {
        if (isPair(item)) {
          stack.push({ node: item.value, depth: depth + 1 });
          stack.push({ node: item.key, depth: depth + 1 });
        } else stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return null;
}

/** Find the text position of the node at a path, or of the nearest ancestor that exists. */
function locator(doc: Document, counter: LineCounter) {
  return (at: (string | number)[], atKey = false): TextPosition | undefined => {
    let node: unknown = doc.contents;
    let found: unknown = node;
    for (let i = 0; i < at.length; i++) {
      const key = at[i];
      const isLast = i === at.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        node = isLast && atKey ? pair.key : pair.value;
        found = node ?? pair.key;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        if (node === undefined) break;
        found = node;
      } else break;
    }
    const range = (found as { range?: [number, number, number] | null } | null)?.range;
    if (!range) return undefined;
    const pos = counter.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  };
}

/** Read lab text (YAML; JSON when it starts with `{` or `json` is set). Never throws. */
export function readLabText(text: string, opts: { json?: boolean } = {}): ReadResult {
  // Binary first: junk read as UTF-8 grows (each bad byte becomes a 3-byte U+FFFD), so a
  // small binary file would otherwise be reported as too large.
  if (looksBinary(text)) {
    return { ok: false, issues: [{ at: [], message: 'not a text lab file (it contains binary data)', fix: 'open a .yaml or .json lab file', code: 'binary' }] };
  }
  if (text.length > MAX_LAB_BYTES / 4 && utf8Bytes(text) > MAX_LAB_BYTES) {
    const mb = (utf8Bytes(text) / (1024 * 1024)).toFixed(1);
    return { ok: false, issues: [{ at: [], message: `lab file is ${mb} MB; the limit is 5 MB`, fix: 'a lab file is a few kilobytes of YAML: check that this is the right file', code: 'too-big' }] };
  }
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    return { ok: false, issues: [{ at: [], message: 'the lab file is empty', fix: 'start with "version: 1", a name and hosts (see src/content/labs/starter.yaml)', code: 'empty' }] };
  }
  const deepAt = flowNestingTooDeep(body);
  if (deepAt !== null) {
    return { ok: false, issues: [{ at: [], message: `nesting is deeper than ${MAX_NESTING} levels`, ...positionOf(body, deepAt), code: 'too-deep' }] };
  }
  const counter = new LineCounter();
  const isJson = opts.json === true || body.trimStart().startsWith('{');
  let value: unknown;
  if (isJson) {
    try {
      value = JSON.parse(body);
    } catch (error) {
      const reason = String((error as Error).message ?? error).replace(/[\x00-\x1f]/g, ' ');
      const m = /position (\d+)/.exec(reason);
      const where = m ? positionOf(body, Number(m[1])) : {};
      const short = reason
        .replace(/\s*\(line \d+ column \d+\)/, '')
        .replace(/ in JSON at position \d+/, '')
        .replace(/, ".*" is not valid JSON$/, '')
        .slice(0, 120);
      return { ok: false, issues: [{ at: [], message: `not valid JSON: ${short}`, fix: 'check for a missing comma, quote or bracket there', ...where, code: 'syntax' }] };
    }
  }
  let doc: Document;
  try {
    doc = parseDocument(body, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  } catch {
    return { ok: false, issues: [{ at: [], message: `nesting is deeper than ${MAX_NESTING} levels`, code: 'too-deep' }] };
  }
  if (!isJson) {
    if (doc.errors.length > 0) {
      // yaml turns a stack overflow on absurd nesting into one error per level: keep the first.
      const deepError = doc.errors.find((e) => /call stack/i.test(e.message));
      const errors = deepError ? [deepError] : doc.errors.slice(0, 10);
      return {
        ok: false,
        issues: errors.map((e) => {
          const pos = e.linePos?.[0];
          const deep = /call stack/i.test(e.message);
          const first = deep ? `nesting is deeper than ${MAX_NESTING} levels` : `YAML syntax error: ${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`;
          return { at: [], message: first, ...(pos ? { line: pos.line, column: pos.col } : {}), code: deep ? 'too-deep' : 'syntax' };
        }),
      };
    }
    const deep = documentTooDeep(doc);
    if (deep) {
      const offset = deep.node.range?.[0];
      const pos = offset !== undefined ? counter.linePos(offset) : undefined;
      return { ok: false, issues: [{ at: [], message: `nesting is deeper than ${MAX_NESTING} levels`, ...(pos ? { line: pos.line, column: pos.col } : {}), code: 'too-deep' }] };
    }
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      const alias = /alias/i.test(String(error));
      return { ok: false, issues: [{ at: [], message: alias ? 'too many YAML aliases (a resource exhaustion attack?)' : 'the YAML could not be read', code: alias ? 'aliases' : 'syntax' }] };
    }
  }
  if (value === null || value === undefined) {
    return { ok: false, issues: [{ at: [], message: 'the lab file is empty', fix: 'start with "version: 1", a name and hosts (see src/content/labs/starter.yaml)', code: 'empty' }] };
  }
  const nesting = valueNestingProblem(value);
  if (nesting) return { ok: false, issues: [{ ...nesting, code: nesting.message.includes('cycle') ? 'cycle' : 'too-deep' }] };
  // JSON positions come from the YAML parse of the same text (JSON is YAML 1.2 flow style).
  const usable = doc.errors.length === 0;
  return { ok: true, value, locate: usable ? locator(doc, counter) : () => undefined };
}
