/**
 * A linear-time matcher for grep patterns: a Thompson NFA run Pike-VM style (one set of
 * states per input position), so no pattern can backtrack catastrophically (`(a+)+$`).
 * GNU grep 3.8 likewise answers patterns without back-references with its DFA (dfa.c) and
 * reports the LEFTMOST-LONGEST match (POSIX XBD §9.1), which this matcher returns too.
 *
 * It reads the JavaScript regex source that grep-pattern.ts emits — literals and escapes,
 * `.`, bracket classes, `\w \W \s \S`, `( )`, `(?: )`, `|`, `* + ? {n} {n,} {n,m}`, `^ $`,
 * `\b \B` and lookarounds of one character (`(?<![A-Za-z0-9_])` for -w, `\<`, `\>`) — and
 * returns null for anything else (back-references above all), and the caller then keeps
 * the backtracking RegExp, as GNU grep falls back to regexec for back-references.
 * Each one-character atom is tested by a one-character RegExp with the same flags, so
 * classes, `\s` and case folding under `iu` mean exactly what they mean in JavaScript.
 */

/** One match in a line: UTF-16 offsets, end exclusive. */
export type MatchSpan = { start: number; end: number };

/** What grep needs of a compiled pattern. */
export interface Matcher {
  /** Whether the line holds a match. */
  test(line: string): boolean;
  /** Successive matches, as grep -o reads them (an empty match moves on by one character). */
  matches(line: string): MatchSpan[];
}

/** Past this many NFA instructions (counted repetitions expand) the caller keeps the RegExp. */
const MAX_INSTRUCTIONS = 20000;

type Pred = (ch: string) => boolean;
/** A zero-width test at a position: the characters before and after it (undefined at the ends). */
type Check = (prev: string | undefined, next: string | undefined) => boolean;
type Node =
  | { t: 'char'; pred: Pred }
  | { t: 'assert'; check: Check }
  | { t: 'cat'; items: Node[] }
  | { t: 'alt'; items: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number };

type Inst =
  | { op: 'char'; pred: Pred; next: number }
  | { op: 'assert'; check: Check; next: number }
  | { op: 'split'; a: number; b: number }
  | { op: 'match' };

/** Thrown inside the parser for a construct it does not handle. */
class Unsupported extends Error {}

/** A predicate for one code point, by a one-character JavaScript RegExp (memoised). */
function predicate(atom: string, flags: string): Pred {
  const re = new RegExp(`^(?:${atom})$`, flags);
  const seen = new Map<string, boolean>();
  return (ch) => {
    let v = seen.get(ch);
    if (v === undefined) {
      v = re.test(ch);
      seen.set(ch, v);
    }
    return v;
  };
}

/** Parses the emitted source into a tree; throws Unsupported for what it does not know. */
function parse(src: string, flags: string): Node {
  let i = 0;
  const word = predicate('\\w', flags);
  const isWord = (c: string | undefined): boolean => c !== undefined && word(c);

  const classEnd = (from: number): number => {
    let j = from + 1;
    if (src[j] === '^') j++;
    for (;;) {
      const c = src[j];
      if (c === undefined) throw new Unsupported();
      if (c === '\\') j += 2;
      else if (c === ']') return j + 1;
      else j++;
    }
  };
  const alt = (): Node => {
    const items = [seq()];
    while (src[i] === '|') {
      i++;
      items.push(seq());
    }
    return items.length === 1 ? (items[0] as Node) : { t: 'alt', items };
  };
  const seq = (): Node => {
    const items: Node[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') items.push(quantified());
    return { t: 'cat', items };
  };
  const quantified = (): Node => {
    let node = atom();
    for (;;) {
      const c = src[i];
      let min: number;
      let max: number;
      if (c === '*' || c === '+' || c === '?') {
        [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
        i++;
      } else if (c === '{') {
        const m = /^\{([0-9]+)(,([0-9]*))?\}/.exec(src.slice(i));
        if (m === null) throw new Unsupported();
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        i += m[0].length;
      } else return node;
      if (node.t === 'assert' || src[i] === '?') throw new Unsupported(); // lazy quantifiers are never emitted
      node = { t: 'rep', node, min, max };
    }
  };
  const atom = (): Node => {
    const c = src[i] as string;
    if (c === '(') {
      const look = /^\(\?(<?[=!])/.exec(src.slice(i));
      if (look !== null) {
        // A lookaround of one character: the character before (behind) or after (ahead).
        i += look[0].length;
        const inner = atom();
        if (inner.t !== 'char' || src[i] !== ')') throw new Unsupported();
        i++;
        const kind = look[1] as string;
        const negate = kind.endsWith('!');
        const behind = kind.startsWith('<');
        return { t: 'assert', check: (p, n) => {
          const ch = behind ? p : n;
          return (ch !== undefined && inner.pred(ch)) !== negate;
        } };
      }
      i += src.startsWith('(?:', i) ? 3 : 1;
      if (src[i - 1] === '?') throw new Unsupported();
      const node = alt();
      if (src[i] !== ')') throw new Unsupported();
      i++;
      return node;
    }
    if (c === '[') {
      const end = classEnd(i);
      const node: Node = { t: 'char', pred: predicate(src.slice(i, end), flags) };
      i = end;
      return node;
    }
    if (c === '\\') {
      const e = src[i + 1];
      if (e === undefined) throw new Unsupported();
      i += 2;
      if (e === 'b') return { t: 'assert', check: (p, n) => isWord(p) !== isWord(n) };
      if (e === 'B') return { t: 'assert', check: (p, n) => isWord(p) === isWord(n) };
      // Back-references (`\1`) and escapes grep-pattern.ts never emits stay with the RegExp.
      if (!/[wWsS]/.test(e) && /[0-9A-Za-z]/.test(e)) throw new Unsupported();
      return { t: 'char', pred: predicate('\\' + e, flags) };
    }
    if (c === '^') {
      i++;
      return { t: 'assert', check: (p) => p === undefined };
    }
    if (c === '$') {
      i++;
      return { t: 'assert', check: (_p, n) => n === undefined };
    }
    if ('*+?{}])'.includes(c)) throw new Unsupported();
    const ch = String.fromCodePoint(src.codePointAt(i) as number);
    i += ch.length;
    return { t: 'char', pred: predicate(ch, flags) };
  };

  const tree = alt();
  if (i !== src.length) throw new Unsupported();
  return tree;
}

/** Compiles the tree to Thompson NFA instructions; instruction 0 is the start. */
function compile(tree: Node): Inst[] {
  const prog: Inst[] = [];
  const emit = (inst: Inst): number => {
    if (prog.length >= MAX_INSTRUCTIONS) throw new Unsupported();
    prog.push(inst);
    return prog.length - 1;
  };
  /** Emits `node`; its dangling exits jump to the instruction after it. */
  const gen = (node: Node): void => {
    switch (node.t) {
      case 'char':
      case 'assert': {
        const at = prog.length;
        emit(node.t === 'char' ? { op: 'char', pred: node.pred, next: at + 1 } : { op: 'assert', check: node.check, next: at + 1 });
        return;
      }
      case 'cat':
        for (const n of node.items) gen(n);
        return;
      case 'alt': {
        // split(first, rest); first; jump to the end — the jumps are patched once it is known.
        const jumps: number[] = [];
        node.items.forEach((n, k) => {
          const last = k === node.items.length - 1;
          const split = last ? -1 : emit({ op: 'split', a: prog.length + 1, b: -1 });
          gen(n);
          if (!last) {
            jumps.push(emit({ op: 'split', a: -1, b: -1 }));
            (prog[split] as { b: number }).b = prog.length;
          }
        });
        for (const j of jumps) prog[j] = { op: 'split', a: prog.length, b: prog.length };
        return;
      }
      case 'rep': {
        for (let k = 0; k < node.min; k++) gen(node.node);
        if (node.max === Infinity) {
          const loop = emit({ op: 'split', a: prog.length + 1, b: -1 });
          gen(node.node);
          emit({ op: 'split', a: loop, b: loop });
          (prog[loop] as { b: number }).b = prog.length;
          return;
        }
        const skips: number[] = [];
        for (let k = node.min; k < node.max; k++) {
          skips.push(emit({ op: 'split', a: prog.length + 1, b: -1 }));
          gen(node.node);
        }
        for (const s of skips) (prog[s] as { b: number }).b = prog.length;
        return;
      }
    }
  };
  gen(tree);
  emit({ op: 'match' });
  return prog;
}

/**
 * Runs the NFA over `cps` (the line's code points) from position `from`: the leftmost
 * start that matches, and for it the longest end (positions count code points). With
 * `first`, any match will do (for test()).
 */
function run(prog: Inst[], cps: string[], from: number, first: boolean): { start: number; end: number } | null {
  const mark = new Int32Array(prog.length).fill(-1);
  let gen = 0;
  const found: { best: { start: number; end: number } | null } = { best: null };
  /** Adds the thread (pc, start) and everything reachable without reading, at position k. */
  const add = (pcs: number[], starts: number[], pc0: number, start: number, k: number): void => {
    const stack = [pc0];
    const prev = cps[k - 1];
    const next = cps[k];
    while (stack.length > 0) {
      const pc = stack.pop() as number;
      if (mark[pc] === gen) continue; // an earlier start already holds this state: it wins
      mark[pc] = gen;
      const inst = prog[pc] as Inst;
      if (inst.op === 'split') stack.push(inst.b, inst.a);
      else if (inst.op === 'assert') {
        if (inst.check(prev, next)) stack.push(inst.next);
      } else if (inst.op === 'match') {
        const b = found.best;
        if (b === null || start < b.start || (start === b.start && k > b.end)) found.best = { start, end: k };
      } else {
        pcs.push(pc);
        starts.push(start);
      }
    }
  };
  let pcs: number[] = [];
  let starts: number[] = [];
  for (let k = from; k <= cps.length; k++) {
    // Threads are kept in order of start, so a new start goes last.
    if (found.best === null) add(pcs, starts, 0, k, k);
    if (found.best !== null && first) return found.best;
    if (k === cps.length || (pcs.length === 0 && found.best !== null)) break;
    const ch = cps[k] as string;
    gen++;
    const np: number[] = [];
    const ns: number[] = [];
    for (let t = 0; t < pcs.length; t++) {
      const start = starts[t] as number;
      if (found.best !== null && start > found.best.start) break;
      const inst = prog[pcs[t] as number] as Inst & { op: 'char' };
      if (inst.pred(ch)) add(np, ns, inst.next, start, k + 1);
    }
    pcs = np;
    starts = ns; // the next start is seeded into this same generation
  }
  return found.best;
}

/**
 * Compiles a regex source as emitted by grep-pattern.ts (flags `u` or `iu`) into a
 * linear-time matcher, or null when the source needs the backtracking RegExp
 * (back-references) or would expand into too many states.
 */
export function compileNfa(source: string, flags: string): Matcher | null {
  let prog: Inst[];
  try {
    prog = compile(parse(source, flags));
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  return {
    test: (line) => run(prog, [...line], 0, true) !== null,
    matches(line) {
      const cps = [...line];
      const offsets = [0];
      for (const c of cps) offsets.push((offsets[offsets.length - 1] as number) + c.length);
      const out: MatchSpan[] = [];
      for (let k = 0; k <= cps.length; ) {
        const m = run(prog, cps, k, false);
        if (m === null) break;
        if (m.end > m.start) out.push({ start: offsets[m.start] as number, end: offsets[m.end] as number });
        // grep -o, like String.prototype.matchAll: after an empty match, move on one character.
        k = m.end > m.start ? m.end : m.start + 1;
      }
      return out;
    },
  };
}
