import { describe, expect, it } from 'vitest';
import { boot, run, sh } from '../sim-fixture';

// util-linux mount(8)/umount(8); the listing and bind mounts are compared with the real
// mount in tests/real/shell/system.test.ts. These pin messages and exit statuses from
// libmount (context_mount.c, context_umount.c, sys-utils/mount.c mk_exit_code()).
describe('mount', () => {
  it('lists the namespace\'s mounts as SOURCE on TARGET type FSTYPE (OPTIONS)', () => {
    const lines = sh('mount').stdout.split('\n');
    expect(lines[0]).toBe('rpool/ROOT/pve-1 on / type zfs (rw,relatime,xattr,noacl,casesensitive)');
    expect(lines).toContain('/dev/fuse on /etc/pve type fuse (rw,nosuid,nodev,relatime,user_id=0,group_id=0,default_permissions,allow_other)');
    // -l adds [LABEL] only for sources that have a filesystem label: none here.
    expect(sh('mount -l').stdout).toBe(sh('mount').stdout);
  });

  it('filters by type lists as lib/match.c match_fstype() does', () => {
    expect(sh('mount -t zfs').stdout.split('\n').filter(Boolean)).toHaveLength(4);
    expect(sh('mount -t nozfs,tmpfs').stdout).not.toMatch(/type (zfs|tmpfs) /);
    expect(sh('mount -t ZFS').stdout).toBe(sh('mount -t zfs').stdout);
    expect(sh('mount -t xyz')).toMatchObject({ stdout: '', exitCode: 0 });
  });

  it('makes bind mounts that show the source directory inside its filesystem', () => {
    const s = boot();
    expect(run(s, 'mount --bind /etc /mnt')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(s, 'findmnt -n -o SOURCE,FSROOT /mnt').stdout).toBe('rpool/ROOT/pve-1[/etc] /etc\n');
    expect(run(s, 'cat /mnt/hostname').stdout).toBe(run(s, 'cat /etc/hostname').stdout);
    // -o ro: the bind is remounted read-only (per-mount flag), writes fail with EROFS.
    run(s, 'mount -B -o ro /root /srv');
    expect(run(s, 'mount -t zfs').stdout).toContain('rpool/ROOT/pve-1 on /srv type zfs (ro,relatime,xattr,noacl,casesensitive)');
    expect(run(s, 'echo x > /srv/new').stderr).toMatch(/Read-only file system/);
  });

  it('answers mount errors as libmount does, with status 32', () => {
    expect(sh('mount --bind /etc /nope')).toMatchObject({ stderr: 'mount: /nope: mount point does not exist.\n       dmesg(1) may have more information after failed mount system call.\n', exitCode: 32 });
    expect(sh('mount --bind /nope /mnt')).toMatchObject({ stderr: 'mount: /mnt: special device /nope does not exist.\n       dmesg(1) may have more information after failed mount system call.\n', exitCode: 32 });
    expect(sh('mount /dev/sdq /mnt')).toMatchObject({ stderr: 'mount: /mnt: special device /dev/sdq does not exist.\n       dmesg(1) may have more information after failed mount system call.\n', exitCode: 32 });
    expect(sh('mount --bind /etc/hostname /mnt')).toMatchObject({ stderr: expect.stringContaining('mount: /mnt: mount point is not a directory.') as unknown, exitCode: 32 });
    expect(sh('mount /mnt')).toMatchObject({ stderr: "mount: /mnt: can't find in /etc/fstab.\n", exitCode: 1 });
  });

  it('refuses a ZFS member as libmount does, and says plainly that other sources are not simulated yet', () => {
    const r = sh('mount /dev/sda3 /mnt');
    expect(r.exitCode).toBe(32);
    expect(r.stderr).toBe("mount: /mnt: unknown filesystem type 'zfs_member'.\n       dmesg(1) may have more information after failed mount system call.\n");
    const d = sh('mount rpool/data /mnt');
    expect(d.exitCode).toBe(32);
    expect(d.stderr).toMatch(/^mount: \/mnt: mounting rpool\/data is not simulated yet: .*ext4/);
  });

  it('calls options without operands bad usage', () => {
    expect(sh('mount -o ro')).toMatchObject({ stderr: "mount: bad usage\nTry 'mount --help' for more information.\n", exitCode: 1 });
    expect(sh('mount --bind')).toMatchObject({ exitCode: 1 });
    expect(sh('mount -z')).toMatchObject({ stderr: "mount: invalid option -- 'z'\nTry 'mount --help' for more information.\n", exitCode: 1 });
  });
});

describe('umount', () => {
  it('removes a mount by mount point or source', () => {
    const s = boot();
    run(s, 'mount --bind /etc /mnt');
    expect(run(s, 'umount /mnt')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(s, 'findmnt /mnt').exitCode).toBe(1);
    run(s, 'mount --bind /rpool/data /srv');
    expect(run(s, 'umount /srv; umount rpool/data; findmnt rpool/data').exitCode).toBe(1);
  });

  it('words its failures as libmount, with status 32', () => {
    expect(sh('umount /tmp')).toMatchObject({ stderr: 'umount: /tmp: not mounted.\n', exitCode: 32 });
    expect(sh('umount -q /tmp')).toMatchObject({ stderr: '', exitCode: 32 });
    expect(sh('umount /nonexistent')).toMatchObject({ stderr: 'umount: /nonexistent: no mount point specified.\n', exitCode: 32 });
    expect(sh('umount /rpool')).toMatchObject({ stderr: 'umount: /rpool: target is busy.\n', exitCode: 32 });
    // A working directory inside keeps the filesystem busy (the shell's own too).
    expect(sh('cd /rpool/data; umount /rpool/data')).toMatchObject({ stderr: 'umount: /rpool/data: target is busy.\n', exitCode: 32 });
    expect(sh('umount')).toMatchObject({ stderr: "umount: bad usage\nTry 'umount --help' for more information.\n", exitCode: 1 });
  });

  it('unmounts a subtree with -R, detaches a busy one with -l', () => {
    const s = boot();
    expect(run(s, 'umount -R /rpool; findmnt -t zfs -l -o TARGET').stdout).toBe('TARGET\n/\n');
    const t = boot();
    expect(run(t, 'cd /rpool/data; umount -l /rpool/data').exitCode).toBe(0);
  });
});
