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
});
