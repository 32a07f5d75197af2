// The setup lines of every `<Lab setup={[…]}>` in the handbook run cleanly in the simulator
// (h-common.md: "setup lines, which must run cleanly in the simulator"). Each lab is booted
// as the page's sandbox boots it (the lab's default host, src/simulator/worker/sim-api.ts
// start()), the lines run in order, and every one must exit 0 — a typo in a setup would
// otherwise leave a reader in a half-built machine with the error scrolled out of sight.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLab, type Lab } from '../../../src/simulator/model';
import { startSession } from '../../../src/simulator/shell';
import { docPages, readSource, ROOT } from './site-files';

/** One `<Lab>` element of a page: its lab id and setup lines. */
interface LabUse {
  page: string;
  line: number;
  lab: string;
  setup: string[];
}

/**
 * The string literals of a JSX array expression body (`'a', "b", \`c\``), in order. Only
 * plain literals are expected in a setup; a template with `${…}` is returned as written.
 */
export function stringLiterals(source: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const quote = source[i];
    if (quote !== '"' && quote !== "'" && quote !== '`') continue;
    let text = '';
    let j = i + 1;
    for (; j < source.length && source[j] !== quote; j++) {
      if (source[j] === '\\' && j + 1 < source.length) {
        j += 1;
        text += source[j] === 'n' ? '\n' : source[j];
      } else text += source[j];
    }
    out.push(text);
    i = j;
  }
  return out;
}

/** The `<Lab …/>` elements of an MDX text with their `lab` and `setup` attributes. */
export function labUses(page: string, text: string): LabUse[] {
  const uses: LabUse[] = [];
  for (const match of text.matchAll(/^<Lab\b/gm)) {
    const start = match.index;
    const end = text.indexOf('/>', start);
    const element = text.slice(start, end === -1 ? undefined : end);
    const lab = /\blab="([^"]+)"/.exec(element)?.[1] ?? 'starter';
    let setup: string[] = [];
    const open = element.indexOf('setup={[');
    if (open !== -1) {
      // The array ends at the first `]}` outside a string literal.
      let k = open + 'setup={['.length;
      let quote: string | null = null;
      for (; k < element.length; k++) {
        const c = element[k] as string;
        if (quote) {
          if (c === '\\') k += 1;
          else if (c === quote) quote = null;
        } else if (c === '"' || c === "'" || c === '`') quote = c;
        else if (c === ']' && element[k + 1] === '}') break;
      }
      setup = stringLiterals(element.slice(open + 'setup={['.length, k));
    }
    uses.push({ page, line: text.slice(0, start).split('\n').length, lab, setup });
  }
  return uses;
}

const labs = new Map<string, Lab>();
function loadLab(id: string): Lab {
  if (!labs.has(id)) {
    const parsed = parseLab(readFileSync(join(ROOT, 'src/content/labs', `${id}.yaml`), 'utf8'), { filename: `${id}.yaml` });
    if (!parsed.ok) throw new Error(`src/content/labs/${id}.yaml does not validate`);
    labs.set(id, parsed.lab);
  }
  return labs.get(id) as Lab;
}

const uses = docPages()
  .filter((page) => page.endsWith('.mdx'))
  .flatMap((page) => labUses(page, readSource(page)))
  .filter((use) => use.setup.length > 0);

describe('<Lab> setup lines run cleanly in the simulator', () => {
  it('reads setups written with any quotes, including JSON inside template literals', () => {
    const text = `<Lab lab="starter" views={["iscsi"]} setup={[\n  \`midclt call x '{"a":[1]}'\`,\n  'ssh truenas',\n  "zpool list",\n]} />`;
    expect(labUses('p.mdx', text)).toEqual([{ page: 'p.mdx', line: 1, lab: 'starter', setup: [`midclt call x '{"a":[1]}'`, 'ssh truenas', 'zpool list'] }]);
  });
  it('a line that fails exits non-zero, so a broken setup is caught', () => {
    const session = startSession(loadLab('starter'), {});
    expect(session.run('zpool create tank mirror sdx sdy').exitCode).not.toBe(0);
  });
  for (const use of uses) {
    it(`${use.page}:${use.line} (lab ${use.lab}, ${use.setup.length} lines)`, () => {
      const session = startSession(loadLab(use.lab), {});
      for (const line of use.setup) {
        const result = session.run(line);
        // Exit status only: some lines report on stderr when they succeed (dd, ssh's exit).
        expect(result.exitCode, `${use.page}:${use.line}: setup line ${JSON.stringify(line)} failed: ${result.stderr}`).toBe(0);
      }
    });
  }
});
