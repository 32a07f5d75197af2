import { describe, expect, it } from 'vitest';
import { addMount } from '../../../../src/simulator/engines/kernel/mounts';
import { HUMAN, humanOptions, humanReadable } from '../../../../src/simulator/shell/human-readable';
import { boot, run } from '../sim-fixture';

/** The starter lab's pve host; `lines` run in order, the last result is returned. */
function df(...lines: string[]) {
  const state = boot();
  let last = run(state, lines[0] as string);
  for (const line of lines.slice(1)) last = run(state, line);
  return last;
}

describe('df listing (coreutils 9.7 df.c get_all_entries)', () => {
  it('lists real file systems with 1K blocks, hiding pseudo ones (proc, sysfs, devpts) and those with no blocks', () => {
    // As on a real Proxmox VE node: udev (half the memory) and pmxcfs's 128 MiB /dev/fuse are listed.
    // The datasets' figures come from the ZFS engine: an empty dataset refers to 24K of metadata
    // (ashift 9), and every dataset of the pool has the same Available (the pool's free space):
    // the 4K of /etc/iscsi/initiatorname.iscsi on the root dataset leaves 4K less for all of them.
    expect(df('df').stdout).toBe(
      [
        'Filesystem       1K-blocks  Used Available Use% Mounted on',
        'rpool/ROOT/pve-1 503840672     4 503840668   1% /',
        'udev               8388608     0   8388608   0% /dev',
        'tmpfs              1677720     0   1677720   0% /run',
        'tmpfs              8388608     0   8388608   0% /dev/shm',
        'tmpfs                 5120     0      5120   0% /run/lock',
        '/dev/fuse           131072    16    131056   1% /etc/pve',
        'rpool            503840692    24 503840668   1% /rpool',
        'rpool/ROOT       503840692    24 503840668   1% /rpool/ROOT',
        'rpool/data       503840692    24 503840668   1% /rpool/data',
        '',
      ].join('\n'),
    );
  });

  it('shows everything with -a, with - for the Use% of a file system without blocks', () => {
    const out = df('df -a').stdout;
    expect(out).toContain('\nproc                     0     0         0    - /proc\n');
    expect(out).toContain('\nsysfs                    0     0         0    - /sys\n');
    expect(out).toContain('\ndevpts                   0     0         0    - /dev/pts\n');
  });

  it('lists one mount per device: of a bind mount and its source, the one nearer the root', () => {
    const state = boot();
    const k = state.world.kernel['pve'];
    const ns = k?.initNs.mnt as number;
    const data = k?.namespaces[ns]?.mounts?.find((m) => m.path === '/rpool/data');
    addMount(state.world, 'pve', ns, data?.sb as string, '/mnt', 'rw,relatime');
    const out = run(state, 'df').stdout;
    expect(out).toContain('\nrpool/data       503840692    24 503840668   1% /mnt\n');
    expect(out).not.toContain('/rpool/data\n');
    expect(run(state, 'df -a').stdout).toContain('/rpool/data\nrpool/data       503840692    24 503840668   1% /mnt\n');
  });

  it('rounds sizes and Use% up (human_ceiling; df.c pct = ceil)', () => {
    const lines = ['dd if=/dev/zero of=/run/lock/f bs=1 count=1 status=none'];
    expect(df(...lines, 'df /run/lock').stdout).toBe('Filesystem     1K-blocks  Used Available Use% Mounted on\ntmpfs               5120     4      5116   1% /run/lock\n');
    expect(df(...lines, 'df -h /run/lock').stdout).toBe('Filesystem      Size  Used Avail Use% Mounted on\ntmpfs           5.0M  4.0K  5.0M   1% /run/lock\n');
    expect(df(...lines, 'df -H /run/lock').stdout).toBe('Filesystem      Size  Used Avail Use% Mounted on\ntmpfs           5.3M  4.1k  5.3M   1% /run/lock\n');
    expect(df('df -h /run').stdout).toContain('tmpfs           1.6G     0  1.6G   0% /run\n');
  });

  it('shows the file system holding each FILE, even one without blocks', () => {
    expect(df('df -T /root /proc').stdout).toBe(
      'Filesystem       Type 1K-blocks  Used Available Use% Mounted on\nrpool/ROOT/pve-1 zfs  503840672     4 503840668   1% /\nproc             proc         0     0         0    - /proc\n',
    );
    expect(df('df --output=target,file .').stdout).toBe('Mounted on File\n/          .\n');
  });

  it('supports -i, -P, -k, -B, --output and --total', () => {
    expect(df('df -i /run/lock').stdout).toBe('Filesystem     Inodes IUsed IFree IUse% Mounted on\ntmpfs             320     1   319    1% /run/lock\n');
    expect(df('df -P /run/lock').stdout).toBe('Filesystem     1024-blocks  Used Available Capacity Mounted on\ntmpfs                 5120     0      5120       0% /run/lock\n');
    expect(df('df -BM /run/lock').stdout).toBe('Filesystem     1M-blocks  Used Available Use% Mounted on\ntmpfs                 5M    0M        5M   0% /run/lock\n');
    expect(df('df --output=source,size,pcent,itotal,ipcent /run/lock').stdout).toBe('Filesystem     1K-blocks Use% Inodes IUse%\ntmpfs               5120   0%    320    1%\n');
    expect(df('df -H --total -t tmpfs').stdout.split('\n').slice(-2)).toEqual(['total            11G     0   11G   0% -', '']);
  });

  it('filters by type with -t and -x', () => {
    expect(df('df -x zfs').stdout.split('\n').length).toBe(7);
    expect(df('df -t ext4')).toMatchObject({ stdout: '', stderr: 'df: no file systems processed\n', exitCode: 1 });
    expect(df('df -t zfs -x zfs')).toMatchObject({ stderr: 'df: file system type ‘zfs’ both selected and excluded\n', exitCode: 1 });
  });

  it('reports bad operands and options as df does', () => {
    expect(df('df nope /root')).toMatchObject({ stderr: 'df: nope: No such file or directory\n', exitCode: 1 });
    expect(df('df nope').stdout).toBe('');
    expect(df('df --output=foo').stderr).toBe("df: option --output: field ‘foo’ unknown\nTry 'df --help' for more information.\n");
    expect(df('df --output=source,source').stderr).toBe("df: option --output: field ‘source’ used more than once\nTry 'df --help' for more information.\n");
    expect(df('df -T --output').stderr).toBe("df: options -T and --output are mutually exclusive\nTry 'df --help' for more information.\n");
    expect(df('df -i --output').stderr).toBe("df: options -i and --output are mutually exclusive\nTry 'df --help' for more information.\n");
    expect(df('df -Bx').stderr).toBe("df: invalid -B argument 'x'\n");
    expect(df('df --block-size=1Q').stderr).toBe("df: invalid suffix in --block-size argument '1Q'\n");
  });
});

describe('human_readable (gnulib human.c)', () => {
  it('autoscales with one decimal below 10, rounding as asked', () => {
    const h = HUMAN.autoscale | HUMAN.SI | HUMAN.base1024;
    expect(humanReadable(1023, h, 1, 1)).toBe('1023');
    expect(humanReadable(1025, h, 1, 1)).toBe('1.1K');
    expect(humanReadable(1025, h | HUMAN.roundToNearest, 1, 1)).toBe('1.0K');
    expect(humanReadable(10 * 1024 + 1, h, 1, 1)).toBe('11K');
    expect(humanReadable(1023 * 1024 + 1, h, 1, 1)).toBe('1.0M');
    expect(humanReadable(4096, 0, 1, 1024)).toBe('4');
    expect(humanReadable(4097, 0, 1, 1024)).toBe('5');
    expect(humanReadable(2097152, HUMAN.autoscale | HUMAN.roundToNearest | HUMAN.spaceBeforeUnit | HUMAN.SI | HUMAN.B, 1, 1)).toBe('2.1 MB');
  });

  it('reads block sizes as --block-size does', () => {
    expect(humanOptions('1K')).toEqual({ opts: 0, blockSize: 1024n, err: 0 });
    expect(humanOptions('K')).toEqual({ opts: HUMAN.SI | HUMAN.base1024, blockSize: 1024n, err: 0 });
    expect(humanOptions('MB')).toEqual({ opts: HUMAN.SI | HUMAN.B, blockSize: 1000000n, err: 0 });
    expect(humanOptions('h').opts).toBe(HUMAN.autoscale | HUMAN.SI | HUMAN.base1024);
    expect(humanOptions('0').err).toBe(4);
  });
});
