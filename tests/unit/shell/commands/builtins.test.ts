import { describe, expect, it } from 'vitest';
import { promptFor } from '../../../../src/simulator/shell';
import { boot, run, sh } from '../sim-fixture';

describe('exit', () => {
  it('takes a status, modulo 256, and complains about non-numbers', () => {
    const state = boot();
    run(state, 'ssh truenas');
    expect(run(state, 'exit 257').exitCode).toBe(1);
    run(state, 'ssh pve');
    // "logout" goes to stderr, before the argument is checked (bash 5.2 exit.def; tests/real/shell).
    expect(run(state, 'exit abc')).toMatchObject({ stdout: '', stderr: 'logout\nbash: exit: abc: numeric argument required\nConnection to pve closed.\n', exitCode: 2 });
    expect(promptFor(state)).toBe('root@pve:~# ');
  });

  it('has help', () => {
    expect(sh('exit --help').stdout.split('\n')[0]).toBe('exit: exit [n]');
  });
});

describe('cd and pwd', () => {
  it('goes home without an argument and refuses files and extra arguments', () => {
    const state = boot();
    expect(run(state, 'cd /etc; cd; pwd').stdout).toBe('/root\n');
    expect(run(state, 'cd /etc/hostname').stderr).toBe('bash: cd: /etc/hostname: Not a directory\n');
    expect(run(state, 'cd /a /b').stderr).toBe('bash: cd: too many arguments\n');
    expect(run(state, 'cd ..; pwd; cd ../../..; pwd').stdout).toBe('/\n/\n');
    // bash 5.2's own synopsis for cd (checked against the real bash, tests/real/shell).
    expect(run(state, 'cd -z').stderr).toBe('bash: cd: -z: invalid option\ncd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n');
  });
});

describe('export', () => {
  it('sets and lists variables like bash', () => {
    const state = boot();
    run(state, 'export GREETING="hi \\"there\\""');
    expect(run(state, 'export | grep GREETING').stdout).toBe('declare -x GREETING="hi \\"there\\""\n');
    expect(run(state, 'export 1A=b')).toMatchObject({ stderr: "bash: export: `1A=b': not a valid identifier\n", exitCode: 1 });
  });
});

describe('history', () => {
  it('shows the last N lines and clears with -c', () => {
    const state = boot();
    run(state, 'hostname');
    run(state, 'pwd');
    expect(run(state, 'history 2').stdout).toBe('    2  pwd\n    3  history 2\n');
    run(state, 'history -c');
    expect(run(state, 'history').stdout).toBe('    1  history\n');
    expect(run(state, 'history x').stderr).toBe('bash: history: x: numeric argument required\n');
  });
});

describe('true, false, clear', () => {
  it('return 0 and 1, ignoring arguments', () => {
    expect(sh('true --help')).toMatchObject({ stdout: '', exitCode: 0 });
    expect(sh('false x')).toMatchObject({ stdout: '', exitCode: 1 });
    expect(sh('clear')).toMatchObject({ clear: true, exitCode: 0 });
  });
});

describe('help', () => {
  it('lists every command with what it imitates', () => {
    const out = sh('help').stdout;
    for (const name of ['cat', 'cd', 'echo', 'grep', 'head', 'hostname', 'ip', 'ls', 'ssh', 'tail', 'wc']) expect(out).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(out).toMatch(/wc +count lines, words and bytes +\[GNU coreutils 9\.1 wc\]/);
  });

  it('shows one command\'s help, or bash\'s message for unknown topics', () => {
    expect(sh('help wc').stdout).toBe(sh('wc --help').stdout);
    expect(sh('help lvs')).toMatchObject({ stderr: "bash: help: no help topics match `lvs'.  Try `help help' or `man -k lvs' or `info lvs'.\n", exitCode: 1 });
    expect(sh('cd --help').stdout).toMatchInlineSnapshot(`
      "cd: cd [-L|[-P [-e]] [-@]] [dir]
          Change the shell working directory.
          
          Change the current directory to DIR.  The default DIR is the value of the
          HOME shell variable. If DIR is "-", it is converted to $OLDPWD.
          
          Options:
            -L	force symbolic links to be followed
            -P	use the physical directory structure
            -e	with -P, fail if the current directory cannot be determined
            -@	present a file with extended attributes as a directory

      Simulated by hlab: imitates bash 5.2 builtin cd.
      "
    `);
  });
});

describe('zsh builtins (TrueNAS)', () => {
  // zsh 5.9 (tests/real/shell/zsh.test.ts).
  it('cd OLD NEW replaces part of the directory; an unknown option is a directory name', () => {
    const state = boot({ host: 'truenas' });
    expect(run(state, 'cd root tmp')).toMatchObject({ stdout: '/tmp\n', exitCode: 0 });
    expect(run(state, 'cd %% b').stderr).toBe('cd: string not in pwd: %%\n');
    expect(run(state, 'cd a b c').stderr).toBe('cd: too many arguments\n');
    expect(run(state, 'cd -z').stderr).toBe('cd: no such file or directory: -z\n');
  });

  it('exit evaluates its argument: a name is its value, a bad expression still exits with 0', () => {
    const state = boot({ host: 'truenas' });
    expect(run(state, 'X=7; exit X')).toMatchObject({ stderr: '', exitCode: 7 });
    const other = boot({ host: 'truenas' });
    expect(run(other, 'exit 1x')).toMatchObject({ stderr: "zsh: bad math expression: operator expected at `x'\n", exitCode: 0 });
    expect(other.shell.exited).toBe(true);
  });
});
