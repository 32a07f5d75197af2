import { describe, expect, it } from 'vitest';
import type { CommandSpec } from '../../../src/simulator/shell/command-spec';
import { parseOptions } from '../../../src/simulator/shell/options';

const spec: CommandSpec = {
  name: 'ls',
  summary: '',
  usage: 'ls [OPTION]... [FILE]...',
  description: '',
  options: [
    { key: 'all', short: 'a', long: 'all', help: '' },
    { key: 'almostAll', short: 'A', long: 'almost-all', help: '' },
    { key: 'long', short: 'l', help: '' },
    { key: 'lines', short: 'n', long: 'lines', value: 'NUM', help: '' },
  ],
  arguments: 'gnu',
  usageStatus: 2,
  imitates: 'test',
};
const builtin: CommandSpec = { ...spec, name: 'cd', usage: 'cd [-L|-P] [dir]', arguments: 'builtin' };

function stderr(argv: string[], s: CommandSpec = spec, flavor: 'bash' | 'zsh' = 'bash'): string {
  const r = parseOptions(s, argv, flavor);
  return r.ok ? 'ok' : `${r.result.exitCode}:${r.result.stderr}`;
}

describe('parseOptions (GNU getopt_long)', () => {
  it('reads bundled flags, attached and separate values, and permutes operands', () => {
    const r = parseOptions(spec, ['-la', 'x', '-n5', '--lines', '7', 'y', '--', '-a'], 'bash');
    expect(r.ok && !r.help && r.opts).toEqual({ flags: { long: true, all: true, lines: '7' }, all: { lines: ['5', '7'] }, order: ['long', 'all', 'lines', 'lines'], operands: ['x', 'y', '-a'] });
  });

  it('accepts unambiguous long prefixes and --opt=value', () => {
    const r = parseOptions(spec, ['--alm', '--li=3'], 'bash');
    expect(r.ok && !r.help && r.opts.flags).toEqual({ almostAll: true, lines: '3' });
  });

  it('recognises --help anywhere', () => {
    expect(parseOptions(spec, ['x', '--help'], 'bash')).toEqual({ ok: true, help: true });
  });

  it('words errors like glibc getopt and coreutils', () => {
    expect(stderr(['-z'])).toMatchInlineSnapshot(`
      "2:ls: invalid option -- 'z'
      Try 'ls --help' for more information.
      "
    `);
    expect(stderr(['--zzz'])).toMatchInlineSnapshot(`
      "2:ls: unrecognized option '--zzz'
      Try 'ls --help' for more information.
      "
    `);
    expect(stderr(['--al'])).toMatchInlineSnapshot(`
      "2:ls: option '--al' is ambiguous; possibilities: '--all' '--almost-all'
      Try 'ls --help' for more information.
      "
    `);
    expect(stderr(['-n'])).toMatchInlineSnapshot(`
      "2:ls: option requires an argument -- 'n'
      Try 'ls --help' for more information.
      "
    `);
    expect(stderr(['--lines'])).toMatchInlineSnapshot(`
      "2:ls: option '--lines' requires an argument
      Try 'ls --help' for more information.
      "
    `);
    expect(stderr(['--all=1'])).toMatchInlineSnapshot(`
      "2:ls: option '--all' doesn't allow an argument
      Try 'ls --help' for more information.
      "
    `);
  });
});

describe('parseOptions (bash builtins)', () => {
  it('stops at the first operand', () => {
    const r = parseOptions(builtin, ['-l', 'dir', '-a'], 'bash');
    expect(r.ok && !r.help && r.opts.operands).toEqual(['dir', '-a']);
  });

  it('words errors like bash and zsh', () => {
    expect(stderr(['-z'], builtin)).toMatchInlineSnapshot(`
      "2:bash: cd: -z: invalid option
      cd: usage: cd [-L|-P] [dir]
      "
    `);
    expect(stderr(['-z'], builtin, 'zsh')).toMatchInlineSnapshot(`
      "1:cd: bad option: -z
      "
    `);
  });
});
