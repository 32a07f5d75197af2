import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  applyCompletion,
  applyKey,
  createEditor,
  decodeKeys,
  eraseLine,
  formatChoices,
  renderFinal,
  renderLine,
  renderList,
  type Effect,
  type EditorState,
  type Key,
} from '../../../src/simulator/shell/line-editor';
import { cellWidth } from '../../../src/simulator/shell/line-render';

/** Feeds xterm's onData strings through decodeKeys and applyKey; returns the last state and every effect. */
function type(state: EditorState, ...data: string[]): { state: EditorState; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const d of data) {
    for (const key of decodeKeys(d)) {
      const r = applyKey(state, key);
      state = r.state;
      effects.push(r.effect);
    }
  }
  return { state, effects };
}

/** The line with `|` at the cursor. */
const show = (s: EditorState): string => `${s.line.slice(0, s.cursor)}|${s.line.slice(s.cursor)}`;
const at = (line: string, cursor = line.length, history: string[] = []): EditorState => ({ ...createEditor(history), line, cursor });

describe('decodeKeys', () => {
  test.each<[string, Key[]]>([
    ['ls -l', [{ type: 'char', text: 'ls -l' }]],
    ['\r', [{ type: 'enter' }]],
    ['\x7f', [{ type: 'backspace' }]],
    ['\x1b[D\x1b[C\x1b[A\x1b[B', [{ type: 'left' }, { type: 'right' }, { type: 'up' }, { type: 'down' }]],
    ['\x1b[H\x1b[F\x1bOH\x1bOF\x1b[1~\x1b[4~', [{ type: 'home' }, { type: 'end' }, { type: 'home' }, { type: 'end' }, { type: 'home' }, { type: 'end' }]],
    ['\x1bOD\x1bOC', [{ type: 'left' }, { type: 'right' }]],
    ['\x1b[3~', [{ type: 'delete' }]],
    ['\x1b[1;5D\x1b[1;5C\x1b[1;3D\x1b[1;3C', [{ type: 'alt-b' }, { type: 'alt-f' }, { type: 'alt-b' }, { type: 'alt-f' }]],
    ['\x1bb\x1bf\x1bd\x1b\x7f\x1b.\x1b_', [{ type: 'alt-b' }, { type: 'alt-f' }, { type: 'alt-d' }, { type: 'alt-backspace' }, { type: 'alt-.' }, { type: 'alt-.' }]],
    ['\x01\x05\x15\x0b\x17\x19\x12\x03\x0c\x07\x04\t', ['ctrl-a', 'ctrl-e', 'ctrl-u', 'ctrl-k', 'ctrl-w', 'ctrl-y', 'ctrl-r', 'ctrl-c', 'ctrl-l', 'ctrl-g', 'ctrl-d', 'tab'].map((type) => ({ type }) as Key)],
    ['\x02\x06\x10\x0e\x08', [{ type: 'left' }, { type: 'right' }, { type: 'up' }, { type: 'down' }, { type: 'backspace' }]],
    ['\x1b', [{ type: 'escape' }]],
    ['\x1b[200~echo a\r\necho b\x1b[201~', [{ type: 'paste', text: 'echo a\r\necho b' }]],
    ['ab\x1b[200~x\x1b[201~\r', [{ type: 'char', text: 'ab' }, { type: 'paste', text: 'x' }, { type: 'enter' }]],
    ['echo one\recho two\r', [{ type: 'paste', text: 'echo one\recho two\r' }]],
    // Unbound sequences and control bytes are dropped, never inserted.
    ['a\x1b[15~b\x1b[Ic\x1b[?1;2cd\x00\x1ce\x9bf', [{ type: 'char', text: 'a' }, { type: 'char', text: 'b' }, { type: 'char', text: 'c' }, { type: 'char', text: 'def' }]],
    ['\x1b[1;5', []],
    ['héllo 日本 😀', [{ type: 'char', text: 'héllo 日本 😀' }]],
  ])('%j', (data, keys) => {
    expect(decodeKeys(data)).toEqual(keys);
  });
});

describe('applyKey: editing', () => {
  test('typing, moving and deleting', () => {
    let { state } = type(createEditor(), 'echo hllo', '\x1b[D\x1b[D\x1b[D', 'e');
    expect(show(state)).toBe('echo he|llo');
    state = type(state, '\x01').state;
    expect(show(state)).toBe('|echo hello');
    state = type(state, '\x1b[3~', '\x05', '\x7f').state;
    expect(show(state)).toBe('cho hell|');
    expect(applyKey(at('x', 0), { type: 'left' }).effect).toEqual({ type: 'bell' });
    expect(applyKey(at('x', 0), { type: 'backspace' }).effect).toEqual({ type: 'bell' });
    expect(applyKey(at('x'), { type: 'delete' }).effect).toEqual({ type: 'bell' });
    expect(applyKey(at('x'), { type: 'end' }).effect).toEqual({ type: 'none' });
  });

  test('characters outside the BMP and combining marks move and delete as one', () => {
    const s = at('a😀e\u0301z');
    const left = type(s, '\x1b[D', '\x1b[D').state;
    expect(left.cursor).toBe(3); // before the e + combining acute
    expect(show(type(left, '\x7f').state)).toBe('a|e\u0301z');
    expect(show(type(left, '\x1b[3~').state)).toBe('a😀|z');
  });

  test('Alt-B/F move over alphanumeric words; Ctrl-W kills a whitespace-delimited word', () => {
    const s = at('cp /etc/pve/storage.cfg  backup-1');
    const back = type(s, '\x1bb');
    expect(show(back.state)).toBe('cp /etc/pve/storage.cfg  backup-|1');
    expect(show(type(s, '\x1bb', '\x1bb', '\x1bb').state)).toBe('cp /etc/pve/storage.|cfg  backup-1');
    expect(show(type(at(s.line, 0), '\x1bf', '\x1bf').state)).toBe('cp /etc|/pve/storage.cfg  backup-1');
    expect(show(type(s, '\x17').state)).toBe('cp /etc/pve/storage.cfg  |');
    expect(show(type(s, '\x17', '\x17').state)).toBe('cp |');
    expect(show(type(s, '\x1b\x7f').state)).toBe('cp /etc/pve/storage.cfg  backup-|');
    expect(show(type(at(s.line, 3), '\x1bd').state)).toBe('cp |/pve/storage.cfg  backup-1');
  });

  test('kills go to the kill ring; consecutive kills join; Ctrl-Y yanks', () => {
    const s = at('zfs create tank/media', 10);
    const killed = type(s, '\x0b');
    expect(show(killed.state)).toBe('zfs create|');
    expect(killed.state.killRing).toEqual([' tank/media']);
    const joined = type(at('one two three'), '\x17', '\x17');
    expect(joined.state.killRing).toEqual(['two three']);
    const apart = type(at('one two three'), '\x17', '\x1b[D', '\x17');
    expect(apart.state.killRing).toEqual(['three', 'two']);
    expect(show(type(at('abc def', 4), '\x15', '\x05', '\x19').state)).toBe('defabc |');
    expect(applyKey(createEditor(), { type: 'ctrl-y' }).effect).toEqual({ type: 'bell' });
  });

  test('Ctrl-T swaps characters; Alt-U/L/C change the case to the end of the word', () => {
    expect(show(type(at('abc'), '\x14').state)).toBe('acb|');
    expect(show(type(at('abc', 1), '\x14').state)).toBe('ba|c');
    expect(applyKey(at('abc', 0), { type: 'ctrl-t' }).effect).toEqual({ type: 'bell' });
    expect(show(type(at('zfs set x', 0), '\x1bu').state)).toBe('ZFS| set x');
    expect(show(type(at('ZFS SET', 1), '\x1bl', '\x1bl').state)).toBe('Zfs set|');
    expect(show(type(at('hello wORLD-x9y', 0), '\x1bc', '\x1bc', '\x1bc').state)).toBe('Hello World-X9y|');
    expect(decodeKeys('\x14\x1bu\x1bl\x1bc')).toEqual([{ type: 'ctrl-t' }, { type: 'alt-u' }, { type: 'alt-l' }, { type: 'alt-c' }]);
  });

  test('Alt-. yanks the last word of earlier lines, one line further back each time', () => {
    const s = createEditor(['zfs create tank/media', '# a comment', 'ls -l /etc >out']);
    expect(show(type(s, 'cat ', '\x1b.').state)).toBe('cat out|');
    const twice = type(s, 'cat ', '\x1b.', '\x1b.');
    expect(show(twice.state)).toBe('cat |');
    expect(twice.effects.at(-1)).toEqual({ type: 'redraw' });
    expect(show(type(s, 'cat ', '\x1b.', '\x1b.', '\x1b.').state)).toBe('cat tank/media|');
    expect(type(s, '\x1b.', '\x1b.', '\x1b.', '\x1b.', '\x1b.').effects.at(-1)).toEqual({ type: 'bell' });
    expect(show(type(s, 'cat ', '\x1b.', 'x', '\x1b.').state)).toBe('cat outxout|');
  });

  test('Enter submits and records history; blank lines are not recorded', () => {
    const r = type(createEditor(), 'ls', '\r', '   ', '\r');
    expect(r.effects.filter((e) => e.type === 'submit')).toEqual([
      { type: 'submit', lines: ['ls'] },
      { type: 'submit', lines: ['   '] },
    ]);
    expect(r.state.history).toEqual(['ls']);
    expect(show(r.state)).toBe('|');
  });

  test('Up and Down walk the history and bring the typed line back', () => {
    let { state } = type(createEditor(['first', 'second']), 'draft');
    state = type(state, '\x1b[A').state;
    expect(show(state)).toBe('second|');
    state = type(state, '\x1b[A').state;
    expect(show(state)).toBe('first|');
    expect(applyKey(state, { type: 'up' }).effect).toEqual({ type: 'bell' });
    state = type(state, '\x1b[B', '\x1b[B').state;
    expect(show(state)).toBe('draft|');
    expect(applyKey(state, { type: 'down' }).effect).toEqual({ type: 'bell' });
    // Running a recalled line records it again.
    const again = type(createEditor(['zpool status']), '\x1b[A', '\r');
    expect(again.effects.at(-1)).toEqual({ type: 'submit', lines: ['zpool status'] });
    expect(again.state.history).toEqual(['zpool status', 'zpool status']);
  });

  test('Ctrl-C abandons the line; Ctrl-L clears; Ctrl-D exits on an empty line only', () => {
    const c = type(createEditor(['x']), 'rm -rf /tmp/a', '\x1b[A', '\x03');
    expect(c.effects.at(-1)).toEqual({ type: 'interrupt', line: 'x' });
    expect(c.state).toMatchObject({ line: '', cursor: 0, historyIndex: 1 });
    expect(applyKey(at('ls'), { type: 'ctrl-l' })).toMatchObject({ state: { line: 'ls', cursor: 2 }, effect: { type: 'clear' } });
    expect(applyKey(createEditor(), { type: 'ctrl-d' }).effect).toEqual({ type: 'submit', lines: ['exit'] });
    expect(show(applyKey(at('ab', 0), { type: 'ctrl-d' }).state)).toBe('|b');
  });

  test('a paste inserts its text and submits each complete line in order', () => {
    const r = applyKey(at('echo X', 5), { type: 'paste', text: 'a\r\nhostname\nls /et' });
    expect(r.effect).toEqual({ type: 'submit', lines: ['echo a', 'hostname'] });
    expect(show(r.state)).toBe('ls /et|X');
    expect(r.state.history).toEqual(['echo a', 'hostname']);
    const one = applyKey(at('ls '), { type: 'paste', text: '/etc\t' });
    expect(one.effect).toEqual({ type: 'redraw' });
    expect(show(one.state)).toBe('ls /etc\t|');
  });
});

describe('applyKey: reverse-i-search', () => {
  const history = ['zpool create tank mirror sda sdb', 'zfs list', 'zpool status', 'ls /tank'];

  test('finds the newest match as the query grows, older ones with Ctrl-R, and Enter runs it', () => {
    let r = type(createEditor(history), '\x12');
    expect(r.state.search?.query).toBe('');
    r = type(r.state, 'zp');
    expect(show(r.state)).toBe('|zpool status');
    expect(r.state.search).toMatchObject({ query: 'zp', failed: false });
    r = type(r.state, '\x12');
    expect(show(r.state)).toBe('|zpool create tank mirror sda sdb');
    // Backspace only shortens the query; the search goes on from where it is (isearch.c), so
    // "st" is looked for from the oldest match on, and fails.
    r = type(r.state, '\x7f', 'st');
    expect(r.state.search).toMatchObject({ query: 'zst', failed: true });
    r = type(r.state, '\x7f', '\x7f', '\x7f', 'st');
    expect(r.state.search).toMatchObject({ query: 'st', failed: true });
    expect(show(r.state)).toBe('|zpool create tank mirror sda sdb');
    r = type(r.state, '\r');
    expect(r.effects.at(-1)).toEqual({ type: 'submit', lines: ['zpool create tank mirror sda sdb'] });
    expect(r.state.search).toBeUndefined();
  });

  test('a failed search says so and keeps the last match; Ctrl-G restores the line', () => {
    let r = type(createEditor(history), 'typed', '\x12', 'tank');
    expect(show(r.state)).toBe('ls /|tank');
    r = type(r.state, 'x');
    expect(r.state.search).toMatchObject({ query: 'tankx', failed: true });
    expect(show(r.state)).toBe('ls /|tank');
    expect(renderLine('root@pve:~# ', r.state, 80)).toContain("(failed reverse-i-search)`tankx': ls /tank");
    r = type(r.state, '\x07');
    expect(show(r.state)).toBe('typed|');
    expect(r.state.search).toBeUndefined();
  });

  test('several matches in one line, identical lines skipped, and the last query reused', () => {
    let r = type(createEditor(['echo a; echo b', 'echo c', 'echo c', 'true']), '\x12', 'echo');
    expect(show(r.state)).toBe('|echo c');
    r = type(r.state, '\x12');
    expect(show(r.state)).toBe('echo a; |echo b'); // the duplicate "echo c" is passed over
    r = type(r.state, '\x12');
    expect(show(r.state)).toBe('|echo a; echo b');
    r = type(r.state, '\x1b'); // Escape leaves the search with the match
    expect(r.state.search).toBeUndefined();
    expect(show(r.state)).toBe('|echo a; echo b');
    r = type(r.state, '\x03', '\x12', '\x12');
    expect(show(r.state)).toBe('|echo c');
  });

  test('an edited history line stays edited until it is run', () => {
    let r = type(createEditor(history), '\x1b[A', 'X', '\x1b[B', 'new', '\r', '\x1b[A', '\x1b[A');
    expect(show(r.state)).toBe('ls /tankX|');
    r = type(r.state, '\r', '\x1b[A', '\x1b[A');
    expect(r.state.history.slice(-2)).toEqual(['new', 'ls /tankX']);
    expect(show(r.state)).toBe('new|');
    expect(show(type(r.state, '\x1b[A').state)).toBe('ls /tank|');
  });

  test('a motion key ends the search and acts on the match; Up continues from it', () => {
    const r = type(createEditor(history), '\x12', 'list', '\x05');
    expect(r.state.search).toBeUndefined();
    expect(show(r.state)).toBe('zfs list|');
    expect(show(type(r.state, '\x1b[A').state)).toBe('zpool create tank mirror sda sdb|');
  });

  test('the search prompt is drawn in place of the shell prompt', () => {
    const { state } = type(createEditor(history), '\x12', 'sta');
    expect(renderLine('root@pve:~# ', state, 80)).toBe("\r\x1b[J(reverse-i-search)`sta': zpool status\r\x1b[31C");
  });
});

describe('completion', () => {
  test('one Tab asks, a changed line is redrawn, a second Tab lists the choices', () => {
    const first = applyKey(at('ls /etc/p'), { type: 'tab' });
    expect(first.effect).toEqual({ type: 'complete', line: 'ls /etc/p', cursor: 9 });
    const reply = { line: 'ls /etc/p', cursor: 9, choices: ['passwd', 'pve/'] };
    const bell = applyCompletion(first.state, first.effect as { line: string; cursor: number }, reply);
    expect(bell.effect).toEqual({ type: 'bell' });
    const second = applyKey(bell.state, { type: 'tab' });
    expect(applyCompletion(second.state, { line: 'ls /etc/p', cursor: 9 }, reply).effect).toEqual({ type: 'list', choices: ['passwd', 'pve/'] });
    const done = applyCompletion(applyKey(at('zpo'), { type: 'tab' }).state, { line: 'zpo', cursor: 3 }, { line: 'zpool ', cursor: 6, choices: [] });
    expect(done.effect).toEqual({ type: 'redraw' });
    expect(show(done.state)).toBe('zpool |');
    // The reader typed on while the worker answered: the reply is dropped.
    expect(applyCompletion(at('zpoo'), { line: 'zpo', cursor: 3 }, { line: 'zpool ', cursor: 6, choices: [] }).effect).toEqual({ type: 'none' });
  });

  test('choices are listed in columns, top to bottom', () => {
    expect(formatChoices(['a', 'bb', 'ccc', 'dddd', 'e'], 20)).toBe('a     ccc   e\r\nbb    dddd\r\n');
    expect(formatChoices(['a', 'bb', 'ccc', 'dddd', 'e'], 18)).toBe('a     dddd\r\nbb    e\r\nccc\r\n');
    expect(formatChoices(['one'], 2)).toBe('one\r\n');
    expect(formatChoices([], 80)).toBe('');
  });
});

/** A tiny VT100 screen: the sequences renderLine writes (text with auto-wrap, CR, LF, CUU, CUF, ED 0, EL 0). */
class Screen {
  rows: string[][] = [];
  row = 0;
  col = 0;
  pending = false;
  constructor(readonly cols: number) {}
  private cell(r: number): string[] {
    while (this.rows.length <= r) this.rows.push([]);
    return this.rows[r] as string[];
  }
  write(data: string): void {
    for (let i = 0; i < data.length; ) {
      const csi = /^\x1b\[(\d*)([ACJK])/.exec(data.slice(i));
      if (csi) {
        const n = Number(csi[1] || 1);
        if (csi[2] === 'A') this.row = Math.max(0, this.row - n);
        if (csi[2] === 'C') this.col = Math.min(this.cols - 1, this.col + n);
        if (csi[2] === 'J') {
          this.cell(this.row).length = Math.min(this.cell(this.row).length, this.col);
          this.rows.length = this.row + 1;
        }
        if (csi[2] === 'K') this.cell(this.row).length = Math.min(this.cell(this.row).length, this.col);
        this.pending = false;
        i += csi[0].length;
        continue;
      }
      const ch = String.fromCodePoint(data.codePointAt(i) as number);
      i += ch.length;
      if (ch === '\r') {
        this.col = 0;
        this.pending = false;
      } else if (ch === '\n') {
        this.row++;
        this.pending = false;
      } else {
        const w = cellWidth(ch.codePointAt(0) as number);
        if (w === 0) continue;
        if (this.pending || this.col + w > this.cols) {
          this.row++;
          this.col = 0;
          this.pending = false;
        }
        const line = this.cell(this.row);
        while (line.length < this.col) line.push(' ');
        line[this.col] = ch;
        if (w === 2) line[this.col + 1] = '';
        this.col += w;
        if (this.col >= this.cols) {
          this.col = this.cols - 1;
          this.pending = true;
        }
      }
    }
  }
  text(): string {
    return this.rows.map((r) => r.join('')).join('\n');
  }
}

describe('renderLine', () => {
  test('draws the prompt and the line and puts the cursor back', () => {
    expect(renderLine('root@pve:~# ', at('ls -l'), 80)).toBe('\r\x1b[Jroot@pve:~# ls -l');
    expect(renderLine('$ ', at('ls -l', 2), 80)).toBe('\r\x1b[J$ ls -l\r\x1b[4C');
    expect(renderLine('$ ', at('ab\x01'), 80)).toBe('\r\x1b[J$ ab^A');
  });

  test('a line longer than the terminal wraps, and redrawing it goes back to its first row', () => {
    const before = at('x'.repeat(25), 3);
    const screen = new Screen(10);
    screen.write(renderLine('$ ', before, 10));
    expect(screen.text()).toBe('$ xxxxxxxx\nxxxxxxxxxx\nxxxxxxx');
    expect([screen.row, screen.col]).toEqual([0, 5]);
    screen.write(renderLine('$ ', at('yy', 2), 10, before));
    expect(screen.text()).toBe('$ yy');
    expect([screen.row, screen.col]).toEqual([0, 4]);
    // Ending exactly at the margin: the cursor goes to the next row.
    const exact = new Screen(10);
    exact.write(renderLine('$ ', at('12345678'), 10));
    expect([exact.row, exact.col]).toEqual([1, 0]);
    exact.write(renderFinal('$ ', at('12345678'), '12345678', 10));
    expect([exact.row, exact.col]).toEqual([1, 0]);
  });

  test('any edits on any width redraw to exactly the prompt and line, the cursor in its place (property)', () => {
    const keyArb = fc.oneof(
      fc.constantFrom<Key>(...(['left', 'right', 'home', 'end', 'backspace', 'delete', 'ctrl-u', 'ctrl-k', 'ctrl-w', 'alt-b', 'alt-f', 'ctrl-y', 'up', 'down', 'ctrl-r', 'escape', 'ctrl-g', 'alt-.', 'ctrl-t', 'alt-u', 'alt-c'] as const).map((type) => ({ type }))),
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', '/', '日', '😀', '\u0301', '\x01', 'é'), minLength: 1, maxLength: 12 }).map((text): Key => ({ type: 'char', text })),
    );
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 30 }), fc.array(keyArb, { maxLength: 40 }), (cols, keys) => {
        const prompt = 'root@pve:~# ';
        const screen = new Screen(cols);
        let state = createEditor(['zpool status', 'ls /tank', 'a😀b']);
        screen.write(renderLine(prompt, state, cols));
        for (const key of keys) {
          const next = applyKey(state, key).state;
          screen.write(renderLine(prompt, next, cols, state));
          state = next;
        }
        const expected = new Screen(cols);
        const shown = state.search ? renderLine(prompt, state, cols).replace(/\r\x1b\[\d+C$|\x1b\[\d+A.*$/s, '') : '';
        expected.write(state.search ? shown : `${prompt}${state.line}`.replace(/[\x00-\x1f]/g, (c) => `^${String.fromCharCode(c.charCodeAt(0) + 64)}`));
        const tidy = (t: string): string => t.replace(/ +$/gm, '').replace(/\n+$/, '');
        expect(tidy(screen.text())).toBe(tidy(expected.text()));
        // The cursor is where the characters before it end.
        const probe = new Screen(cols);
        probe.write(renderLine(prompt, { ...state, line: state.line.slice(0, state.cursor), cursor: state.cursor }, cols));
        // …or, before a wide character that does not fit the row, at the start of the next row.
        const next = [...state.line.slice(state.cursor)].map((c) => c.codePointAt(0) as number).find((c) => cellWidth(c) > 0); // a mark goes with the character before it
        const wraps = next !== undefined && next >= 0xa0 && cellWidth(next) === 2 && probe.col + 2 > cols; // (a caret pair may part)
        expect([screen.row, screen.col]).toEqual(wraps ? [probe.row + 1, 0] : [probe.row, probe.col]);
      }),
      { numRuns: 300, seed: 10 },
    );
  });

  test('eraseLine rubs out a wrapped line and leaves the cursor where it started', () => {
    const screen = new Screen(10);
    screen.write('out\r\n');
    const state = at('x'.repeat(20), 4);
    screen.write(renderLine('$ ', state, 10));
    screen.write(eraseLine('$ ', state, 10));
    expect(screen.text()).toBe('out\n');
    expect([screen.row, screen.col]).toEqual([1, 0]);
  });

  test('a double Tab lists the choices under the line and draws it again', () => {
    const screen = new Screen(20);
    const state = at('ls /etc/p');
    screen.write(renderLine('$ ', state, 20));
    screen.write(renderList('$ ', state, 20, ['passwd', 'pve/']));
    expect(screen.text()).toBe('$ ls /etc/p\npasswd  pve/\n$ ls /etc/p');
  });
});
