import { describe, expect, it } from 'vitest';
import { everyFieldLab, sh } from '../sim-fixture';

describe('hostname', () => {
  it('prints the name, short name, domain and addresses', () => {
    // Without a domain, -d prints nothing at all, not an empty line (the real hostname 3.23, tests/real/shell).
    expect(sh('hostname; hostname -s; hostname -f; hostname -d').stdout).toBe('pve\npve\npve\n');
    expect(sh('hostname -i').stdout).toBe('192.168.5.146\n');
    // hostname(1): -I prints every address, each followed by a space.
    expect(sh('hostname -I', {}, everyFieldLab).stdout).toBe('192.168.5.146 100.64.0.2 \n');
  });

  it('refuses to set the name, pointing at the lab file', () => {
    expect(sh('hostname newname')).toMatchObject({ stderr: 'hostname: setting the host name is not simulated; change "hostname:" for pve in the lab file\n', exitCode: 1 });
  });

  // Debian hostname 3.23 (tests/real/shell): usage on stdout and status 255 for a bad option.
  it('words usage errors, -V and -y like Debian hostname', () => {
    const bad = sh('hostname -z');
    expect(bad.stderr).toBe("hostname: invalid option -- 'z'\n");
    expect(bad.stdout.split('\n')[0]).toBe('Usage: hostname [-b] {hostname|-F file}         set host name (from file)');
    expect(bad.exitCode).toBe(255);
    expect(sh('hostname --help').exitCode).toBe(255);
    expect(sh('hostname -V')).toMatchObject({ stdout: 'hostname 3.23\n', exitCode: 0 });
    expect(sh('hostname -y')).toMatchObject({ stdout: 'hostname: Local domain name not set\n', exitCode: 1 });
    expect(sh('hostname -a; hostname -A').stdout).toBe('\npve \n');
  });
});
