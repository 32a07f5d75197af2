import { describe, expect, it } from 'vitest';
import { promptFor } from '../../../../src/simulator/shell';
import { boot, run, sh } from '../sim-fixture';

describe('ssh', () => {
  it('logs in by name, hostname, address or user@host', () => {
    for (const target of ['truenas', 'TRUENAS', '192.168.5.142', 'root@truenas']) {
      const state = boot();
      expect(run(state, `ssh ${target}`).exitCode).toBe(0);
      expect(promptFor(state)).toBe('root@truenas[~]# ');
    }
  });

  it('runs a command remotely and returns its status', () => {
    expect(sh('ssh truenas hostname')).toMatchObject({ stdout: 'truenas\n', exitCode: 0 });
    expect(sh('ssh truenas cat /nope')).toMatchObject({ stderr: 'cat: /nope: No such file or directory\n', exitCode: 1 });
    expect(sh('ssh -p 22 -o BatchMode=yes truenas ls /mnt').exitCode).toBe(0);
  });

  it('prints one name per line remotely (no terminal)', () => {
    expect(sh('ssh truenas ls /').stdout.split('\n').length).toBeGreaterThan(10);
  });

  it('words errors like OpenSSH, status 255', () => {
    expect(sh('ssh nas')).toMatchObject({ stderr: 'ssh: Could not resolve hostname nas: Name or service not known\n', exitCode: 255 });
    expect(sh('ssh NAS').stderr).toBe('ssh: Could not resolve hostname nas: Name or service not known\n');
    expect(sh('ssh -Z truenas').stderr.split('\n')[0]).toBe('ssh: unknown option -- Z');
    expect(sh('ssh').stderr).toMatch(/^usage: ssh \[-46AaCfGgKkMNnqsTtVvXxYy\]/);
    expect(sh('ssh alice@truenas').stderr).toBe('ssh: logging in as "alice" is not simulated; use root@truenas\n');
  });

  it('guards against ssh loops', () => {
    const line = 'ssh truenas '.repeat(20) + 'hostname';
    expect(sh(line)).toMatchObject({ exitCode: 255 });
  });
});
