import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulator, DEFAULT_CLOCK, promptFor, runLine } from '../../../src/simulator/shell';
import { boot, everyFieldLab, run, starterLab } from './sim-fixture';

describe('createSimulator', () => {
  it('starts as root in /root on the first Proxmox host, as plain JSON', () => {
    const state = boot();
    expect(state.shell.logins.map((l) => l.host)).toEqual(['pve']);
    expect(promptFor(state)).toBe('root@pve:~# ');
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state.world.clock).toBe(DEFAULT_CLOCK);
    // The login shell is a process: -bash under OpenSSH's sshd-session, and $$ is its PID.
    const pid = state.shell.logins[0]?.pid;
    expect(run(state, 'echo $$').stdout).toBe(`${pid}\n`);
    expect(run(state, 'cat /proc/self/cmdline /proc/self/comm').stdout).toBe('-bash\0bash\n');
  });

  it('starts on the host asked for, by name or address', () => {
    expect(promptFor(boot({ host: 'truenas' }))).toBe('root@truenas[~]# ');
    expect(promptFor(boot({ host: '192.168.5.142' }))).toBe('root@truenas[~]# ');
  });

  it('refuses an unknown host as a programming error', () => {
    expect(() => createSimulator(starterLab, { host: 'nas' })).toThrowErrorMatchingInlineSnapshot(`[RangeError: no host "nas" in the lab (hosts: pve, truenas)]`);
  });
});

describe('runLine', () => {
  it('switches host with ssh for the rest of the line and the lines after', () => {
    const state = boot();
    expect(run(state, 'hostname; ssh truenas; hostname').stdout).toBe('pve\ntruenas\n');
    expect(promptFor(state)).toBe('root@truenas[~]# ');
    expect(run(state, 'hostname').stdout).toBe('truenas\n');
  });

  it('comes back with exit: zsh prints no logout, OpenSSH closes the connection', () => {
    const state = boot();
    run(state, 'ssh root@192.168.5.142');
    const r = run(state, 'exit 3');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', 'Connection to 192.168.5.142 closed.\n', 3]);
    expect(promptFor(state)).toBe('root@pve:~# ');
    expect(run(state, 'echo $?').stdout).toBe('3\n');
  });

  it('prints logout when leaving a bash host, and ends the session on the first host', () => {
    const state = boot({}, everyFieldLab);
    run(state, 'ssh vps');
    // bash exit.def prints "logout" on stderr (checked against the real bash 5.2, tests/real/shell).
    expect(run(state, 'exit')).toMatchObject({ stdout: '', stderr: 'logout\nConnection to vps closed.\n' });
    const last = run(state, 'exit; echo never');
    expect(last).toMatchObject({ stdout: '', stderr: 'logout\n' });
    expect(state.shell.exited).toBe(true);
    expect(run(state, 'hostname')).toMatchObject({ stdout: '', stderr: 'hlab: this session has ended (exit); start a new one\n' });
  });

  it('runs `ssh HOST CMD` there and returns its output and status, staying put', () => {
    const state = boot();
    const r = run(state, 'ssh truenas "hostname; exit 4; hostname"');
    expect([r.stdout, r.exitCode]).toEqual(['truenas\n', 4]);
    expect(promptFor(state)).toBe('root@pve:~# ');
  });

  it('follows && || ; and $? like POSIX', () => {
    const state = boot();
    expect(run(state, 'false && echo no || echo yes; echo $?').stdout).toBe('yes\n0\n');
    expect(run(state, 'false; echo $?').stdout).toBe('1\n');
    expect(run(state, '! false && echo negated').stdout).toBe('negated\n');
  });

  it('pipes stdout into stdin and keeps stderr on the terminal', () => {
    const r = run(boot(), 'cat /etc/hostname /nope | wc -l');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['1\n', 'cat: /nope: No such file or directory\n', 0]);
    expect(run(boot(), 'cat /nope 2>&1 | wc -l').stdout).toBe('1\n');
  });

  it('writes > and >> into the host\'s own files, and 2> and /dev/null', () => {
    const state = boot();
    run(state, 'echo one > /tmp/f; echo two >> /tmp/f; cat /nope 2> /root/err; echo hidden > /dev/null');
    expect(run(state, 'cat /tmp/f /root/err').stdout).toBe('one\ntwo\ncat: /nope: No such file or directory\n');
    // files belong to their host
    expect(run(state, 'ssh truenas cat /tmp/f').stderr).toBe('cat: /tmp/f: No such file or directory\n');
  });

  it('refuses to overwrite files derived from the lab, in each shell\'s words', () => {
    expect(run(boot(), 'echo x > /etc/hostname')).toMatchObject({ stderr: 'bash: /etc/hostname: Read-only file system\n', exitCode: 1 });
    expect(run(boot(), 'echo x > /nope/f').stderr).toBe('bash: /nope/f: No such file or directory\n');
    expect(run(boot(), 'echo x > /etc').stderr).toBe('bash: /etc: Is a directory\n');
    expect(run(boot({ host: 'truenas' }), 'echo x > /etc/hostname').stderr).toBe('zsh: read-only file system: /etc/hostname\n');
  });

  it('reads < files and <<< strings as stdin', () => {
    expect(run(boot(), 'wc -l < /etc/hostname').stdout).toBe('1\n');
    expect(run(boot(), 'grep -c o <<< "foo bar"').stdout).toBe('1\n');
  });

  it('says command not found in the host shell\'s words, status 127', () => {
    // lvs (lvm2) is not simulated; zfs is, since the ZFS engine.
    expect(run(boot(), 'lvs -a')).toMatchObject({ stderr: 'bash: lvs: command not found\n', exitCode: 127 });
    expect(run(boot({ host: 'truenas' }), 'lvs -a')).toMatchObject({ stderr: 'zsh: command not found: lvs\n', exitCode: 127 });
    expect(run(boot(), '/usr/bin/hostname').stdout).toBe('pve\n');
    expect(run(boot(), '/etc/hostname')).toMatchObject({ stderr: 'bash: /etc/hostname: Permission denied\n', exitCode: 126 });
    expect(run(boot(), './nope')).toMatchObject({ stderr: 'bash: ./nope: No such file or directory\n', exitCode: 127 });
  });

  it('keeps variables per login shell: NAME=value, export, temporary assignments', () => {
    const state = boot();
    expect(run(state, 'A=1; export B="two words"; echo $A "$B"; C=3 echo $C').stdout).toBe('1 two words\n\n');
    expect(run(state, 'ssh truenas; echo "[$A]"; A=2; exit').stdout).toBe('[]\n');
    expect(run(state, 'echo $A').stdout).toBe('1\n');
    // A new login is a new shell: what the last one set is gone.
    expect(run(state, 'ssh truenas; echo "[$A]"; exit').stdout).toBe('[]\n');
  });

  it('changes directory, with cd - and the prompt following', () => {
    const state = boot();
    expect(run(state, 'cd /etc/pve; pwd').stdout).toBe('/etc/pve\n');
    expect(promptFor(state)).toBe('root@pve:/etc/pve# ');
    expect(run(state, 'cd -').stdout).toBe('/root\n');
    expect(run(state, 'cd /nope').stderr).toBe('bash: cd: /nope: No such file or directory\n');
    expect(run(boot({ host: 'truenas' }), 'cd /nope').stderr).toBe('cd: no such file or directory: /nope\n');
  });

  it('records history before running, so history lists itself', () => {
    const state = boot();
    run(state, 'hostname');
    run(state, '   ');
    expect(run(state, 'history').stdout).toBe('    1  hostname\n    2  history\n');
  });

  it('asks the terminal to clear with clear', () => {
    expect(run(boot(), 'clear')).toMatchObject({ clear: true, stdout: '' });
  });

  it('reports syntax errors with status 2', () => {
    expect(run(boot(), 'ls ;; ls')).toMatchObject({ stderr: "bash: syntax error near unexpected token `;;'\n", exitCode: 2 });
  });

  it('never throws and the state stays JSON on any input', () => {
    const alphabet = fc.constantFrom(...'ab $?~*/"\'\\;|&<>()#\n\t-=.'.split(''), 'ssh truenas', 'exit', 'cd /etc', 'echo', 'ls', 'cat', '>/tmp/x', 'grep', 'wc', 'ip a', 'history', '2>&1', '${', '$(');
    fc.assert(
      fc.property(fc.array(fc.array(alphabet, { maxLength: 12 }).map((a) => a.join('')), { minLength: 1, maxLength: 4 }), (lines) => {
        const state = boot();
        for (const line of lines) {
          const r = runLine(state, line);
          expect(typeof r.exitCode).toBe('number');
        }
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (line) => {
        const state = boot();
        expect(() => runLine(state, line)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
