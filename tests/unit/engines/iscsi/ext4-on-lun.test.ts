import { describe, expect, it } from 'vitest';
import { boot, out, run } from '../../shell/sim-fixture';
import { configureTarget, labWithZvol } from './lab-with-zvol';

const IQN = 'iqn.2005-10.org.freenas.ctl:nextcloud';


/** pve logged in to the zvol's LUN (sdb). */
function loggedIn() {
  const s = boot({}, labWithZvol());
  configureTarget(s, []);
  run(s, 'iscsiadm -m discovery -t st -p 192.168.5.142');
  run(s, `iscsiadm -m node -T ${IQN} -l`);
  return s;
}

describe('ext4 on the LUN', () => {
  it('mkfs.ext4 prints what mke2fs prints; blkid, mount, df -h and files work', () => {
    const s = loggedIn();
    const mk = run(s, 'mkfs.ext4 /dev/sdb');
    expect(mk.exitCode).toBe(0);
    expect(mk.stderr).toBe('mke2fs 1.47.2 (1-Jan-2025)\n');
    const shown = mk.stdout.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, 'UUID');
    expect(shown).toBe(
      'Discarding device blocks:      0/262144\b\b\b\b\b\b\b\b\b\b\b\b\b             \b\b\b\b\b\b\b\b\b\b\b\b\bdone                            \n' +
        'Creating filesystem with 262144 4k blocks and 65536 inodes\n' +
        'Filesystem UUID: UUID\n' +
        'Superblock backups stored on blocks: \n\t32768, 98304, 163840, 229376\n\n' +
        'Allocating group tables: 0/8\b\b\b   \b\b\bdone                            \n' +
        'Writing inode tables: 0/8\b\b\b   \b\b\bdone                            \n' +
        'Creating journal (8192 blocks): done\n' +
        'Writing superblocks and filesystem accounting information: 0/8\b\b\b   \b\b\bdone\n\n',
    );
    expect(out(s, 'blkid /dev/sdb')).toMatch(/^\/dev\/sdb: UUID="[0-9a-f-]{36}" BLOCK_SIZE="4096" TYPE="ext4"\n\[0\]$/);
    expect(out(s, 'mount /dev/sdb /mnt/x')).toBe('mount: /mnt/x: mount point does not exist.\n       dmesg(1) may have more information after failed mount system call.\n[32]');
    run(s, 'mkdir /mnt/x');
    expect(out(s, 'mount /dev/sdb /mnt/x')).toBe('[0]');
    expect(out(s, 'mount -t ext4')).toBe('/dev/sdb on /mnt/x type ext4 (rw,relatime)\n[0]');
    expect(out(s, 'df -h /mnt/x')).toBe('Filesystem      Size  Used Avail Use% Mounted on\n/dev/sdb        974M   24K  907M   1% /mnt/x\n[0]');
    expect(out(s, 'ls -a /mnt/x')).toBe('.  ..  lost+found\n[0]');
    expect(out(s, 'echo nextcloud data > /mnt/x/hello.txt')).toBe('[0]');
    expect(out(s, 'cat /mnt/x/hello.txt')).toBe('nextcloud data\n[0]');
    expect(out(s, 'mkfs.ext4 /dev/sdb')).toBe('mke2fs 1.47.2 (1-Jan-2025)\n/dev/sdb is mounted; will not make a filesystem here!\n[1]');
    expect(out(s, 'mount /dev/sdb /mnt/x')).toBe('mount: /mnt/x: /dev/sdb already mounted on /mnt/x.\n[32]');
    // The data is in the zvol: after umount and a fresh mount (a new read of the device) it is still there.
    expect(out(s, 'umount /mnt/x')).toBe('[0]');
    expect(out(s, 'mount /dev/sdb /mnt/x')).toBe('[0]');
    expect(out(s, 'cat /mnt/x/hello.txt')).toBe('nextcloud data\n[0]');
  });

  it('a blank device is the wrong fs type; re-making asks first', () => {
    const s = loggedIn();
    run(s, 'mkdir /mnt/x');
    expect(out(s, 'mount /dev/sdb /mnt/x')).toBe(
      'mount: /mnt/x: wrong fs type, bad option, bad superblock on /dev/sdb, missing codepage or helper program, or other error.\n       dmesg(1) may have more information after failed mount system call.\n[32]',
    );
    expect(out(s, 'blkid /dev/sdb')).toBe('[2]');
    run(s, 'mkfs.ext4 -q /dev/sdb');
    const again = run(s, 'mkfs.ext4 /dev/sdb');
    expect([again.stdout, again.stderr, again.exitCode]).toEqual(['/dev/sdb contains a ext4 file system\nProceed anyway? (y,N) ', 'mke2fs 1.47.2 (1-Jan-2025)\n', 1]);
    expect(run(s, 'echo y | mkfs.ext4 -L data /dev/sdb').exitCode).toBe(0);
    expect(out(s, 'blkid /dev/sdb')).toMatch(/^\/dev\/sdb: LABEL="data" UUID=/);
  });
});
