/**
 * The line editor against real bash 5.2's readline: each case types keys (as xterm sends
 * them) on a pseudo-terminal into an interactive bash with a few lines of history, presses
 * Enter, and compares the line bash ran (from its history file) with the line the
 * simulator's editor submits for the same keys (decodeKeys → applyKey).
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { applyKey, createEditor, decodeKeys } from '../../../src/simulator/shell/line-editor';
import { requireTool } from '../support/tools';

/** Lines that do nothing when run again (`:` and comments; `>out` writes in the case's own directory). */
const HISTORY = [': cp /etc/hosts "/root/my backup"', ': ls>out', '#zpool status tank', ': zfs list -t snapshot', ': ls /mnt/tank'];

/** [what it shows, the keys typed before Enter]. */
const CASES: [string, string][] = [
  ['Ctrl-W kills a whitespace-delimited word', 'alpha beta gamma\x17'],
  ['two Ctrl-W', 'alpha beta gamma\x17\x17'],
  ['Ctrl-W takes a path with its punctuation', 'cp /etc/pve/storage.cfg  /root/backup-1\x17'],
  ['Ctrl-W over trailing blanks', 'a  b   \x17'],
  ['Alt-B moves over alphanumeric words', 'cp /etc/pve/storage.cfg backup-1\x1bb\x1bb\x1bbX'],
  ['Alt-F from the start', 'cp /etc/pve/storage.cfg\x01\x1bf\x1bfX'],
  ['Ctrl-Left and Ctrl-Right', 'alpha beta gamma\x1b[1;5D\x1b[1;5DX\x1b[1;5CY'],
  ['Alt-Backspace kills an alphanumeric word', 'one two-three\x1b\x7f'],
  ['Alt-D kills the next word', 'one two three\x01\x1bd'],
  ['two kills join, Ctrl-Y yanks them', 'one two three\x01\x1bd\x1bd\x05 \x19'],
  ['Ctrl-Y twice', 'one two\x17\x19\x19'],
  ['Ctrl-K then Ctrl-Y', 'abc def\x1b[D\x1b[D\x0bX\x19'],
  ['Ctrl-U then Ctrl-Y at the end', 'abc def ghi\x1b[D\x1b[D\x15\x05 \x19'],
  ['Home and End keys', 'middle\x1b[HA\x1b[FZ\x1b[1~B\x1b[4~Y\x1bOHC\x1bOFX'],
  ['Ctrl-A, Ctrl-E, Ctrl-B, Ctrl-F', 'bcd\x01a\x05e\x02\x02X\x06Y'],
  ['Delete and Backspace', 'abcdef\x1b[D\x1b[D\x1b[3~\x7f'],
  ['Ctrl-D deletes under the cursor', 'a#bc\x01\x04'],
  ['Up recalls the last line', '\x1b[A'],
  ['Up, Up, Down', '\x1b[A\x1b[A\x1b[B'],
  ['Ctrl-P twice then edit', '\x10\x10 -H'],
  ['the typed line comes back after Up and Down', 'draft\x1b[A\x1b[A\x1b[B\x1b[B'],
  ['Ctrl-R finds the newest match', '\x12zfs'],
  ['Ctrl-R again finds an older one', '\x12tank\x12'],
  ['Ctrl-R over several matches in a line', '\x12s\x12\x12'],
  ['Ctrl-E ends the search and edits the match', '\x12tank\x05X'],
  ['Ctrl-G gives the typed line back', 'typed\x12tank\x07'],
  ['Backspace in the search', '\x12zfs\x7f\x7fp'],
  ['a failed search and Enter', 'abc\x12zzz'],
  ['the last search again after Ctrl-G', 'x\x12zfs\x07\x12\x12'],
  ['the last search again after Enter', '\x12tank\r\x12\x12'],
  ['Up after a search goes on from the match', '\x12zfs\x1b[A'],
  ['a search that fails, then Backspace', '\x12tanq\x7fk'],
  ['Ctrl-R past the oldest match', '\x12tank\x12\x12\x12'],
  ['an edited history line is kept while browsing', '\x1b[AX\x1b[B\x1b[A'],
  ['an edited history line after it was run', '\x1b[AX\r\x1b[A\x1b[A'],
  ['an edited, not run history line, later', '\x1b[AX\x1b[B#new\r\x1b[A\x1b[A'],
  ['two edited history lines, one run', '\x1b[A\x1b[AY\x1b[AX\r\x1b[A\x1b[A\x1b[A'],
  ['Ctrl-W in the search takes the next word', '\x12ta\x17'],
  ['Ctrl-Y in the search takes the rest of the line', '\x12st\x19'],
  ['a failed search leaves the cursor at the start', '\x12zzq\x05X'],
  ['Backspace to an empty query fails', '\x12zf\x7f\x7fX'],
  ['a search from a history line', '\x1b[A\x1b[A\x12s'],
  ['a search from an edited history line', '\x1b[AQ\x12Q'],
  ['Ctrl-R through a duplicate line', '\x12#\x12\x12\x12'],
  ['Alt-. inserts the last word of the line before', '#x \x1b.'],
  ['Alt-. twice goes one line further back', '#x \x1b.\x1b.'],
  ['Alt-. past an operator and a quoted word', '#x \x1b.\x1b.\x1b.\x1b.\x1b.'],
  ['Alt-. past the oldest line', '#x \x1b.\x1b.\x1b.\x1b.\x1b.\x1b.\x1b.'],
  ['Alt-. in the middle of a line', '#ab\x1b[D\x1b.'],
  ['Alt-. from a history line', '\x1b[A\x1b[A \x1b.'],
  ['Alt-_ is Alt-.', '#y \x1b_'],
  ['Ctrl-T at the end swaps the last two', ': abc\x14'],
  ['Ctrl-T in the middle swaps and moves on', ': abc\x01\x06\x06\x06\x14\x14'],
  ['Ctrl-T at the start', ': abc\x01\x14'],
  ['Alt-U upcases to the end of the word', ': hello world\x01\x1bf\x1bu'],
  ['Alt-U twice', ': hello world\x01\x1bu\x1bu\x1bu'],
  ['Alt-L in the middle of a word', ': HELLO WORLD\x1bb\x1b[D\x1b[D\x1bl'],
  ['Alt-C capitalizes', ': hello wORLD-x9y\x01\x1bc\x1bc\x1bc\x1bc'],
  ['case of non-ASCII letters', ': straße café e\u0301tat\x01\x1bu\x1bu\x1bu\x1bc'],
  ['non-ASCII letters are word characters', 'naïve café crème\x1bb\x1bbX'],
  ['Ctrl-W over non-ASCII text', 'héllo wörld\x17'],
  ['wide characters', '日本 語\x1b[D\x7f'],
  ['a combining mark goes with its letter', 'e\u0301a\x1b[D\x1b[D\x1b[3~'],
];

/**
 * Random key sequences (a fixed sample): text from letters no command or builtin is named
 * after, and every editing, history and search key but Tab, Enter, Ctrl-C/D and Escape.
 * Each ends with Ctrl-E and `#z`, so the line run is never blank.
 */
const KEYS = ['\x1b.', '\x14', '\x1bu', '\x1bl', '\x1bc', 'x', 'y', 'q', 'é', '日', ' ', '/', '.', '-', 'xq y', '\x01', '\x05', '\x02', '\x06', '\x1b[D', '\x1b[C', '\x1b[H', '\x1b[F', '\x7f', '\x1b[3~', '\x15', '\x0b', '\x17', '\x19', '\x1bb', '\x1bf', '\x1bd', '\x1b\x7f', '\x1b[A', '\x1b[B', '\x10', '\x0e', '\x12', '\x12', '\x07', '\x1b[1;5D', '\x1b[1;5C'];
const RANDOM = fc.sample(fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 24 }), { seed: 20261202, numRuns: 60 }).map((keys) => `${keys.join('')}\x05#z`);

/** The line the simulator's editor submits for `keys` then Enter. */
function simulated(keys: string): string | undefined {
  let state = createEditor(HISTORY);
  let last: string | undefined;
  for (const key of [...decodeKeys(keys), { type: 'enter' as const }]) {
    const r = applyKey(state, key);
    state = r.state;
    if (r.effect.type === 'submit') last = r.effect.lines.at(-1);
  }
  return last;
}

describe('line editor against bash 5.2 readline (pty)', () => {
  const driver = fileURLToPath(new URL('./support/readline-driver.py', import.meta.url));
  // A case with Enter inside its keys runs one more line: the driver types the keys as given.
  const input = JSON.stringify({ bash: requireTool('bash'), cases: [...CASES.map(([, keys]) => keys), ...RANDOM].map((keys) => ({ history: HISTORY, keys })) });
  const run = spawnSync(requireTool('python3'), [driver], { input, encoding: 'utf8', timeout: 120_000 });
  const answers = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { line?: string; error?: string });

  test.each(CASES.map(([name, keys], i) => [name, keys, i] as const))('%s', (_name, keys, i) => {
    expect(run.status, run.stderr).toBe(0);
    const real = answers[i];
    expect(real?.error).toBeUndefined();
    expect(simulated(keys)).toBe(real?.line);
  });

  test(`${RANDOM.length} random key sequences give the line bash runs`, () => {
    expect(run.status, run.stderr).toBe(0);
    const differ = RANDOM.flatMap((keys, i) => {
      const real = answers[CASES.length + i];
      const ours = simulated(keys);
      return real?.line === ours ? [] : [{ keys, real: real?.line ?? real?.error, ours }];
    });
    expect(differ).toEqual([]);
  });
});
