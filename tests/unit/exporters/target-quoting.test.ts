/**
 * No lab string reaches a target-side script unquoted: a lab full of shell metacharacters
 * (tests/fixtures/labs/hostile-target.yaml) is exported, and every occurrence of each
 * dangerous value must lie inside single quotes, where bash expands nothing (bash(1)
 * QUOTING). Values the model refuses (newlines, backticks in IQNs) never get that far.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS } from '../../../src/simulator/exporters/bundle-types';
import { TARGET_EXPORTERS } from '../../../src/simulator/exporters/target-bundle';
import { parseLab } from '../../../src/simulator/model';

const HOSTILE = join(import.meta.dirname, '..', '..', 'fixtures', 'labs', 'hostile-target.yaml');

/**
 * For each character of a bash script: inside single quotes ('s'), double quotes ('d'), a
 * comment ('#') or plain ('.'). Command substitutions `$(…)` start a plain context again,
 * inside double quotes too (bash(1) "Command Substitution").
 */
function quoteStates(script: string): string {
  const stack: { kind: 'plain' | 'dq'; depth: number }[] = [{ kind: 'plain', depth: 0 }];
  let single = false;
  let comment = false;
  let out = '';
  for (let i = 0; i < script.length; i++) {
    const c = script[i] as string;
    const top = stack[stack.length - 1] as { kind: 'plain' | 'dq'; depth: number };
    if (single) {
      single = c !== "'";
      out += single ? 's' : '.';
    } else if (comment) {
      comment = c !== '\n';
      out += comment ? '#' : '.';
    } else if (c === '\\') {
      out += top.kind === 'dq' ? 'dd' : '..';
      i++;
    } else if (c === '$' && script[i + 1] === '(') {
      stack.push({ kind: 'plain', depth: 0 });
      out += top.kind === 'dq' ? 'dd' : '..';
      i++;
    } else if (top.kind === 'dq') {
      if (c === '"') stack.pop();
      out += 'd';
    } else if (c === "'") {
      single = true;
      out += '.';
    } else if (c === '"') {
      stack.push({ kind: 'dq', depth: 0 });
      out += 'd';
    } else if (c === '#' && (i === 0 || /[\s;(]/.test(script[i - 1] as string))) {
      comment = true;
      out += '#';
    } else {
      if (c === '(') top.depth++;
      else if (c === ')' && stack.length > 1) {
        if (top.depth === 0) stack.pop();
        else top.depth--;
      }
      out += '.';
    }
  }
  return out;
}

/** Dangerous parts of the hostile lab's values. */
const MARKERS = ['My Pool', '$(touch /tmp/pwned)', '`touch /tmp/pwned`', '$(touch /tmp/p)', '; touch x;', '$HOME', '${IFS}'];

describe('target-side scripts quote every lab value', () => {
  const parsed = parseLab(readFileSync(HOSTILE, 'utf8'));
  if (!parsed.ok) throw new Error('hostile-target.yaml must validate');
  const files = TARGET_EXPORTERS.flatMap((e) => e(parsed.lab, DEFAULT_EXPORT_OPTIONS)).filter((f) => f.path.endsWith('.sh'));

  it('exports every script for the hostile lab', () => {
    expect(files.map((f) => f.path).sort()).toEqual(['pve/preflight.sh', 'truenas/preflight.sh', 'truenas/targetcli-iscsi.sh', 'truenas/tgtadm-iscsi.sh', 'truenas/truenas-iscsi.sh']);
  });

  it.each(files.map((f) => ({ name: f.path, content: f.content })))('$name: each dangerous value only inside single quotes (or a comment)', ({ content }) => {
    const states = quoteStates(content);
    let found = 0;
    for (const marker of MARKERS) {
      for (let at = content.indexOf(marker); at >= 0; at = content.indexOf(marker, at + 1)) {
        found++;
        expect(states.slice(at, at + marker.length), `${marker} at ${at}: ${content.slice(Math.max(0, at - 40), at + 40)}`).toMatch(/^[s#]+$/);
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it('the lexer sees through the usual quoting forms', () => {
    expect(quoteStates(`a 'b' "c" # d\n'e'\\''f'`)).toBe(`...s..ddd.###..s....s.`);
    expect(quoteStates(`x="$(f '$y' "$z")" 'w'`)).toBe(`..ddd...ss..dddd.d..s.`);
  });
});

describe('values that cannot be written safely are refused by the model', () => {
  const base = readFileSync(HOSTILE, 'utf8');
  it.each([
    ['a newline in an extent name', base.replace('name: "$(touch /tmp/pwned)", type: DISK', 'name: "two\\nlines", type: DISK')],
    ['a backtick in a target name', base.replace('name: "it.s-odd", alias', 'name: "x`id`", alias')],
    ['a quote in a target alias', base.replace(`alias: "it's $(touch /tmp/pwned)"`, `alias: "say \\"hi\\""`)],
    ['a dollar sign in a pool name', base.replace('- name: "My Pool"', '- name: "My $(Pool)"')],
    ['a command in an initiator IQN', base.replace('"192.168.5.146"]', '"$(touch /tmp/x)"]')],
  ])('%s', (_what, text) => {
    expect(parseLab(text).ok).toBe(false);
  });
});
