import { describe, expect, it } from 'vitest';
import { sessionVfs } from '../../../../src/simulator/shell/vfs';
import { boot, run, sh } from '../sim-fixture';

// util-linux findmnt(8). Output for the same mount table is compared with the real
// findmnt --tab-file in tests/real/shell/system.test.ts; these pin what that comparison
// cannot reach (2.41-only rules, -T and -D, which read the real machine's files there).
describe('findmnt', () => {
  it('draws the mount tree with TARGET SOURCE FSTYPE OPTIONS', () => {
    expect(sh('findmnt').stdout.split('\n').slice(0, 4)).toEqual([
      'TARGET             SOURCE           FSTYPE   OPTIONS',
      '/                  rpool/ROOT/pve-1 zfs      rw,relatime,xattr,noacl,casesensitive',
      '├─/sys             sysfs            sysfs    rw,nosuid,nodev,noexec,relatime',
      '│ └─/sys/fs/cgroup cgroup2          cgroup2  rw,nosuid,nodev,noexec,relatime',
    ]);
    expect(sh('findmnt -a -t zfs').stdout).toBe(
      [
        'TARGET          SOURCE           FSTYPE OPTIONS',
        '/               rpool/ROOT/pve-1 zfs    rw,relatime,xattr,noacl,casesensitive',
        '`-/rpool        rpool            zfs    rw,relatime,xattr,noacl,casesensitive',
        '  |-/rpool/ROOT rpool/ROOT       zfs    rw,relatime,xattr,noacl,casesensitive',
        '  `-/rpool/data rpool/data       zfs    rw,relatime,xattr,noacl,casesensitive',
        '',
      ].join('\n'),
    );
  });

  it('sizes columns without the header under -n (util-linux 2.40+, libsmartcols commit 58a8c9284)', () => {
    // 2.38 would pad FSTYPE to the width of its hidden header: "fuse    /etc/pve".
    expect(sh('findmnt -n -o FSTYPE,TARGET -t fuse').stdout).toBe('fuse /etc/pve\n');
    expect(sh('findmnt -n -o SOURCE /').stdout).toBe('rpool/ROOT/pve-1\n');
  });

  it('finds a mount point by -T PATH below it (enable_extra_target_match())', () => {
    expect(sh('findmnt -n -o TARGET -T /etc/pve/storage.cfg').stdout).toBe('/etc/pve\n');
    expect(sh('findmnt -n -o TARGET -T /root').stdout).toBe('/\n');
    // A positional path that is no mount point matches nothing; a missing -T path neither.
    expect(sh('findmnt /root')).toMatchObject({ stdout: '', exitCode: 1 });
    expect(sh('findmnt -T /no/such/path')).toMatchObject({ stdout: '', exitCode: 1 });
  });

  it('shows df-like sizes with -D, in bytes with -b (get_vfs_attr())', () => {
    expect(sh('findmnt -D -b /run/lock').stdout).toBe('SOURCE FSTYPE    SIZE USED   AVAIL USE% TARGET\ntmpfs  tmpfs  5242880    0 5242880   0% /run/lock\n');
    // -D keeps tmpfs-like filesystems (devtmpfs too) and drops the other pseudo ones.
    const df = sh('findmnt -D').stdout;
    expect(df).toMatch(/^udev +devtmpfs/m);
    expect(df).not.toMatch(/sysfs|cgroup2|fuse/);
  });

  it('prints MAJ:MIN as "%3u:%-3u", plainly in raw output', () => {
    expect(sh('findmnt -l -o TARGET,MAJ:MIN -t proc').stdout).toBe('TARGET MAJ:MIN\n/proc    0:22 \n');
    expect(sh('findmnt -r -o TARGET,MAJ:MIN -t proc').stdout).toBe('TARGET MAJ:MIN\n/proc 0:22\n');
  });

  it('escapes blanks in raw output (fputs_nonblank)', () => {
    const s = boot();
    sessionVfs(s).mkdir('/mnt/a b');
    run(s, 'mount --bind /etc "/mnt/a b"');
    expect(run(s, 'findmnt -r -n -o TARGET,SOURCE "/mnt/a b"').stdout).toBe('/mnt/a\\x20b rpool/ROOT/pve-1[/etc]\n');
    expect(run(s, 'mount -t zfs').stdout).toContain('rpool/ROOT/pve-1 on /mnt/a b type zfs');
  });

  it('reports an unknown column with the rest of the list, and finds nothing with status 1', () => {
    expect(sh('findmnt -o TARGET,FOO,BAR')).toMatchObject({ stderr: 'findmnt: unknown column: FOO,BAR\n', exitCode: 1 });
    expect(sh('findmnt -l -t xyz')).toMatchObject({ stdout: '', stderr: '', exitCode: 1 });
    // In tree mode an empty table prints nothing and is no failure.
    expect(sh('findmnt -t xyz')).toMatchObject({ stdout: '', exitCode: 0 });
  });

  it('follows the shell into other mount tables after bind mounts', () => {
    const s = boot();
    run(s, 'mount --rbind /rpool /mnt');
    expect(run(s, 'findmnt -R -n -o TARGET,SOURCE /mnt').stdout).toBe('/mnt        rpool\n├─/mnt/ROOT rpool/ROOT\n└─/mnt/data rpool/data\n');
  });
});
