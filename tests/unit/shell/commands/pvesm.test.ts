import { describe, expect, it } from 'vitest';
import { boot, out, run } from '../sim-fixture';
import { labWithZvol } from '../../engines/iscsi/lab-with-zvol';

const IQN = 'iqn.2005-10.org.freenas.ctl:nextcloud';

/** Runs a line and returns stdout, stderr and the status in one string. */

/** TrueNAS with an open target on the 1G zvol; its service `running` or not. */
function setUp(running: boolean) {
  const s = boot({}, labWithZvol());
  run(s, 'ssh truenas');
  for (const l of [
    `midclt call iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}]}'`,
    `midclt call iscsi.initiator.create '{"initiators":[]}'`,
    `midclt call iscsi.target.create '{"name":"nextcloud","groups":[{"portal":1,"initiator":1}]}'`,
    `midclt call iscsi.extent.create '{"name":"nextcloud","type":"DISK","disk":"zvol/tank/nextcloud"}'`,
    `midclt call iscsi.targetextent.create '{"target":1,"extent":1}'`,
    ...(running ? ['midclt call service.start iscsitarget'] : []),
  ])
    expect(run(s, l).exitCode).toBe(0);
  run(s, 'exit');
  return s;
}

const ADD = `pvesm add iscsi truenas-nextcloud --portal 192.168.5.142 --target ${IQN} --content none`;

describe('pvesm with an iSCSI storage', () => {
  it('add logs in at once (activate_storage), storage.cfg follows, status and list show the LUN', () => {
    const s = setUp(true);
    expect(out(s, ADD)).toBe(
      // stdout, then stderr (the terminal interleaves them: the warnings come first).
      `Login to [iface: default, target: ${IQN}, portal: 192.168.5.142,3260] successful.\niscsiadm: No records found\ncommand '/usr/bin/iscsiadm --mode node' failed: exit code 21\n[0]`,
    );
    expect(out(s, 'tail -n 5 /etc/pve/storage.cfg')).toBe(`iscsi: truenas-nextcloud\n\tportal 192.168.5.142\n\ttarget ${IQN}\n\tcontent none\n\n[0]`);
    expect(s.world.lab.hosts.find((h) => h.name === 'pve')?.proxmox?.storage?.map((x) => x.id)).toEqual(['local', 'local-zfs', 'truenas-nextcloud']);
    expect(out(s, 'lsblk -dno NAME,SIZE,TRAN /dev/sdb')).toBe('sdb    1G iscsi\n[0]');
    expect(out(s, 'pvesm status')).toBe(
      [
        'Name                     Type     Status     Total (KiB)      Used (KiB) Available (KiB)        %',
        'local                     dir     active       503840672               4       503840668    0.00%',
        'local-zfs             zfspool     active       503840692              24       503840668    0.00%',
        'truenas-nextcloud       iscsi     active               0               0               0    0.00%',
        '[0]',
      ].join('\n'),
    );
    expect(out(s, 'pvesm list truenas-nextcloud')).toMatch(/^Volid {58}Format  Type {12}Size VMID\ntruenas-nextcloud:0\.0\.0\.scsi-36589cfc000000[0-9a-f]{19} raw {5}images    1073741824\n\[0\]$/);
    expect(out(s, 'pvesm add iscsi truenas-nextcloud --portal 192.168.5.142 --target iqn.2005-10.org.freenas.ctl:x')).toBe("create storage failed: storage ID 'truenas-nextcloud' already defined\n[255]");
    expect(out(s, 'pvesm remove truenas-nextcloud')).toBe('[0]');
    expect(out(s, 'grep -c iscsi /etc/pve/storage.cfg')).toBe('0\n[1]');
    expect(out(s, 'pvesm remove truenas-nextcloud')).toBe("delete storage failed: storage 'truenas-nextcloud' does not exist\n[255]");
  });

  it('with the service stopped the storage is added all the same, with the warnings, and stays inactive', () => {
    const s = setUp(false);
    const warned = [
      'iscsiadm: No records found',
      "command '/usr/bin/iscsiadm --mode node' failed: exit code 21",
      'iscsiadm: No records found',
      `command '/usr/bin/iscsiadm --mode node --targetname ${IQN} --op update --name node.session.initial_login_retry_max --value 0' failed: exit code 21`,
      'iscsiadm: No records found',
      `command '/usr/bin/iscsiadm --mode node --targetname ${IQN} --login' failed: exit code 21`,
    ];
    expect(out(s, ADD)).toBe(`${warned.join('\n')}\n[0]`);
    expect(run(s, 'pvesm status').stdout).toContain('\ntruenas-nextcloud       iscsi   inactive               0               0               0    0.00%\n');
    expect(out(s, 'ssh truenas midclt call service.start iscsitarget')).toMatch(/^\d+\n\[0\]$/);
    // pvesm list activates the storage: discovery, then the login.
    expect(run(s, 'pvesm list truenas-nextcloud').stdout).toMatch(/^Login to .* successful\.\nVolid /);
  });

  it('the classic mistake seen through pvesm: discovery finds nothing, the login has no record, the storage stays inactive', () => {
    const s = setUp(true);
    run(s, 'ssh truenas');
    expect(run(s, `midclt call iscsi.initiator.update 1 '{"initiators":["192.168.5.146"]}'`).exitCode).toBe(0);
    run(s, 'exit');
    expect(run(s, ADD).stderr).toBe(
      [
        'iscsiadm: No records found',
        "command '/usr/bin/iscsiadm --mode node' failed: exit code 21",
        'iscsiadm: No portals found',
        'iscsiadm: No records found',
        `command '/usr/bin/iscsiadm --mode node --targetname ${IQN} --op update --name node.session.initial_login_retry_max --value 0' failed: exit code 21`,
        'iscsiadm: No records found',
        `command '/usr/bin/iscsiadm --mode node --targetname ${IQN} --login' failed: exit code 21`,
        '',
      ].join('\n'),
    );
    expect(run(s, 'pvesm status').stdout).toContain('\ntruenas-nextcloud       iscsi   inactive ');
  });

  it('argument errors as pve-storage and the CLI handler word them (status 255)', () => {
    const s = boot();
    expect(out(s, 'pvesm add iscsi x')).toBe("missing value for required option 'portal'\n[255]");
    expect(out(s, 'pvesm add iscsi')).toBe('400 not enough arguments\npvesm add <type> <storage> [OPTIONS]\n[255]');
    expect(out(s, 'pvesm add foo x')).toMatch(/^400 Parameter verification failed\.\ntype: value 'foo' does not have a value in the enumeration 'btrfs, cephfs, /);
    expect(out(s, `pvesm add iscsi x --portal 192.168.5.142 --target ${IQN} --content rootdir`)).toBe("create storage failed: unsupported content type 'rootdir'\n[255]");
    expect(out(s, 'pvesm add iscsi x --bogus 1')).toBe('Unknown option: bogus\n400 unable to parse option\npvesm add <type> <storage> [OPTIONS]\n[255]');
    expect(out(s, 'pvesm frob')).toBe("ERROR: unknown command 'pvesm frob'\n[255]");
    expect(out(s, 'pvesm list nope')).toBe("storage 'nope' does not exist\n[255]");
    expect(out(s, 'ssh truenas pvesm status')).toBe('zsh: command not found: pvesm\n[127]');
  });
});
