import { describe, expect, it } from 'vitest';
import { boot, run } from '../sim-fixture';

describe('pveam', () => {
  it('lists the index by section, the storage\'s templates, downloads and removes one', () => {
    const s = boot();
    expect(run(s, 'pveam update').stdout).toBe('update successful\n');
    expect(run(s, 'pveam available --section system').stdout).toContain('system          debian-13-standard_13.1-2_amd64.tar.zst\n');
    expect(run(s, 'pveam list local').stdout).toBe(`${'NAME'.padEnd(60)} SIZE\n${'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst'.padEnd(60)} 120.28MB\n`);
    const d = run(s, 'pveam download local debian-13-standard_13.1-2_amd64.tar.zst');
    expect(d.stdout.split('\n')[0]).toBe('downloading http://download.proxmox.com/images/system/debian-13-standard_13.1-2_amd64.tar.zst to /var/lib/vz/template/cache/debian-13-standard_13.1-2_amd64.tar.zst');
    expect(run(s, 'stat -c %s /var/lib/vz/template/cache/debian-13-standard_13.1-2_amd64.tar.zst').stdout).toBe('129930000\n');
    expect(run(s, 'pveam remove local:vztmpl/debian-13-standard_13.1-2_amd64.tar.zst').exitCode).toBe(0);
    expect(run(s, 'ls /var/lib/vz/template/cache').stdout).toBe('');
    expect(run(s, 'pveam download local nothing.tar.zst')).toMatchObject({ stderr: '400 Parameter verification failed.\ntemplate: no such template\n\npveam download <storage> <template>\n', exitCode: 255 });
    expect(run(s, 'pveam download local-zfs debian-12-standard_12.7-1_amd64.tar.zst').stderr).toBe("storage 'local-zfs' does not support templates\n");
  });
});

describe('qm', () => {
  it('lists and starts the lab\'s VMs as configuration (a kvm process while running)', () => {
    const s = boot();
    expect(run(s, 'qm list').stdout).toBe('');
    expect(run(s, 'qm status 200').stderr).toBe("Configuration file 'nodes/pve/qemu-server/200.conf' does not exist\n");
  });
});
