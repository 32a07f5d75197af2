import { describe, expect, it } from 'vitest';
import { expandWords, formatExpansionIssue, type ExpansionContext } from '../../../src/simulator/shell/expand';
import type { ShellFlavor } from '../../../src/simulator/shell/shell-flavor';
import { tokenize } from '../../../src/simulator/shell/tokenize';

const VARS: Record<string, string> = { HOME: '/root', X: 'a  b', EMPTY: '', STAR: '*.conf', '?': '3' };
const TREE: Record<string, string[]> = { '/': ['etc', 'root'], '/etc': ['hosts', 'hostname', '.hidden', 'pve'], '/etc/pve': ['storage.cfg', 'lxc'], '/etc/pve/lxc': ['101.conf', '102.conf'], '/root': [] };

function ctx(flavor: ShellFlavor = 'bash', cwd = '/'): ExpansionContext {
  return {
    flavor,
    cwd,
    lookup: (n) => VARS[n],
    home: (u) => (u === '' ? '/root' : u === 'root' ? '/root' : undefined),
    listDir: (d) => TREE[d] ?? null,
  };
}

function expand(line: string, flavor: ShellFlavor = 'bash', cwd = '/'): string[] | string {
  const t = tokenize(line);
  if (!t.ok) throw new Error('tokenize failed');
  const r = expandWords(t.tokens.filter((x) => x.kind === 'word'), ctx(flavor, cwd));
  return r.ok ? r.fields : formatExpansionIssue(r.error, flavor);
}

describe('expand', () => {
  it('expands $VAR, ${VAR} and $? and removes quotes', () => {
    expect(expand('echo $HOME ${HOME}/x "$?" \'$HOME\'')).toEqual(['echo', '/root', '/root/x', '3', '$HOME']);
  });

  it('splits unquoted expansions in bash, not in zsh, and drops empty ones', () => {
    expect(expand('echo $X "$X" $EMPTY "$EMPTY"')).toEqual(['echo', 'a', 'b', 'a  b', '']);
    expect(expand('echo $X $EMPTY', 'zsh')).toEqual(['echo', 'a  b']);
  });

  it('expands ~ and ~user at the start of a word only', () => {
    expect(expand('ls ~ ~/x ~root a~ "~" ~nobody')).toEqual(['ls', '/root', '/root/x', '/root', 'a~', '~', '~nobody']);
  });

  it('globs against the directory listing, sorted, hiding dot files', () => {
    expect(expand('ls /etc/h*')).toEqual(['ls', '/etc/hostname', '/etc/hosts']);
    expect(expand('ls /etc/pve/lxc/*.conf')).toEqual(['ls', '/etc/pve/lxc/101.conf', '/etc/pve/lxc/102.conf']);
    expect(expand('ls /etc/*')).toEqual(['ls', '/etc/hostname', '/etc/hosts', '/etc/pve']);
    expect(expand('ls /etc/.h*')).toEqual(['ls', '/etc/.hidden']);
    expect(expand('ls lxc/10[12].conf', 'bash', '/etc/pve')).toEqual(['ls', 'lxc/101.conf', 'lxc/102.conf']);
    expect(expand('ls /*/pve')).toEqual(['ls', '/etc/pve']);
  });

  it('leaves quoted or unmatched patterns alone in bash', () => {
    expect(expand('echo "/etc/h*" /etc/h\\* /nope/*')).toEqual(['echo', '/etc/h*', '/etc/h*', '/nope/*']);
  });

  it('fails an unmatched glob in zsh (NOMATCH)', () => {
    expect(expand('ls /nope/*', 'zsh')).toMatchInlineSnapshot(`"zsh: no matches found: /nope/*"`);
  });

  it('refuses command substitution and unsupported ${...} forms clearly', () => {
    expect(expand('echo $(hostname)')).toMatchInlineSnapshot(`"bash: $(hostname): command substitution is not simulated here; run the command on its own"`);
    expect(expand('echo `hostname`')).toMatchInlineSnapshot(`"bash: \`hostname\`: command substitution is not simulated here; run the command on its own"`);
    expect(expand('echo ${X:-y}')).toMatchInlineSnapshot(`"bash: \${X:-y}: bad substitution"`);
  });
});
