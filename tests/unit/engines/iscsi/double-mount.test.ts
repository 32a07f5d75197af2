import { describe, expect, it } from 'vitest';
import { boot, out, run } from '../../shell/sim-fixture';
import { configureTarget, labWithZvol, twoNodeLab } from './lab-with-zvol';

const IQN = 'iqn.2005-10.org.freenas.ctl:nextcloud';


describe('one LUN, two hosts, a non-cluster filesystem', () => {
  it('both can mount it; after both write, each lost the other\'s changes and e2fsck finds the damage', () => {
    const s = boot({}, twoNodeLab());
    configureTarget(s, ['iqn.1993-08.org.debian:01:e7dd6e7909d', 'iqn.1993-08.org.debian:01:5d3c9a1b2f4']);
    // pve: log in, make the filesystem, mount it.
    for (const line of ['iscsiadm -m discovery -t st -p 192.168.5.142', `iscsiadm -m node -T ${IQN} -l`, 'mkfs.ext4 -q /dev/sdb', 'mkdir /mnt/x', 'mount /dev/sdb /mnt/x']) expect(run(s, line).exitCode).toBe(0);
    // pve2: the same LUN (its own sdb), mounted too: nothing stops it (no MMP, no cluster locking).
    run(s, 'ssh pve2');
    for (const line of ['iscsiadm -m discovery -t st -p 192.168.5.142', `iscsiadm -m node -T ${IQN} -l`, 'mkdir /mnt/x', 'mount /dev/sdb /mnt/x']) expect(run(s, line).exitCode).toBe(0);
    run(s, 'echo from pve2 > /mnt/x/pve2.txt');
    run(s, 'exit');
    // pve writes after pve2: its cached bitmaps and root directory do not know pve2's file.
    run(s, 'echo from pve > /mnt/x/pve.txt');
    run(s, 'echo more from pve > /mnt/x/second.txt');
    expect(out(s, 'ls /mnt/x')).toBe('lost+found  pve.txt  second.txt\n[0]');
    // pve2 still sees its own view; pve's files are not there.
    expect(run(s, 'ssh pve2 ls /mnt/x').stdout).toBe('lost+found\npve2.txt\n');
    // pve's file took the same inode number and block as pve2's: pve2 reads pve's bytes over the tail of its own.
    expect(run(s, 'ssh pve2 cat /mnt/x/pve2.txt').stdout).toBe('from pve\n\n');
    // pve2 appends to its file: it writes its inode and its (stale) bitmaps over pve's.
    run(s, 'ssh pve2 "echo again >> /mnt/x/pve2.txt"');
    // Everyone unmounts; a fresh look at the device finds the damage.
    run(s, 'umount /mnt/x');
    run(s, 'ssh pve2 umount /mnt/x');
    const fsck = run(s, 'e2fsck -fn /dev/sdb');
    expect(fsck.exitCode).toBe(4);
    expect(fsck.stdout).toContain('Pass 5: Checking group summary information\n');
    expect(fsck.stdout).toContain('********** WARNING: Filesystem still has errors **********');
    expect(fsck.stdout).toMatchSnapshot();
  });

  it('a freshly made filesystem checks clean, with the real e2fsck\'s counts', () => {
    const s = boot({}, labWithZvol());
    run(s, 'ssh truenas');
    for (const line of [`iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}]}'`, `iscsi.target.create '{"name":"nextcloud","groups":[{"portal":1}]}'`, `iscsi.extent.create '{"name":"nextcloud","disk":"zvol/tank/nextcloud"}'`, `iscsi.targetextent.create '{"target":1,"extent":1}'`, 'service.start iscsitarget']) run(s, `midclt call ${line}`);
    run(s, 'exit');
    run(s, 'iscsiadm -m discovery -t st -p 192.168.5.142');
    run(s, 'iscsiadm -m node -l');
    run(s, 'mkfs.ext4 -q /dev/sdb');
    expect(out(s, 'e2fsck -fn /dev/sdb')).toBe(
      'Pass 1: Checking inodes, blocks, and sizes\nPass 2: Checking directory structure\nPass 3: Checking directory connectivity\nPass 4: Checking reference counts\nPass 5: Checking group summary information\n/dev/sdb: 11/65536 files (0.0% non-contiguous), 12955/262144 blocks\ne2fsck 1.47.2 (1-Jan-2025)\n[0]',
    );
  });
});
