import { describe, expect, it } from 'vitest';
import { columns } from '../../../../src/simulator/shell/ls-format';
import { boot, run, sh } from '../sim-fixture';

describe('ls', () => {
  it('prints columns on the terminal, sorted in byte order', () => {
    // ls.c calculate_columns: 16 columns are tried first and fit in 2 rows (9 used), as GNU ls does;
    // indent() pads with a tab where one reaches a tab stop (the real ls -C does, tests/real/shell).
    // Debian 13's tree: merged-/usr links bin, lib, lib64, sbin, and /media.
    expect(sh('ls /').stdout).toBe('bin   dev  home  lib64\tmnt  proc  rpool  sbin\tsys  usr\nboot  etc  lib\t media\topt  root  run\t  srv\ttmp  var\n');
  });

  it('prints one name per line into a pipe or with -1', () => {
    expect(sh('ls /etc | head -n 3').stdout).toBe('group\nhostname\nhosts\n');
    expect(sh('ls -1 /proc/self').stdout).toBe('cgroup\ncmdline\ncomm\ncwd\ngid_map\nmountinfo\nmounts\nns\nstatus\nuid_map\n');
  });

  it('shows dot entries with -a, not with -A ones . and ..', () => {
    const state = boot();
    run(state, 'echo x > /root/.profile');
    expect(run(state, 'ls -a').stdout).toBe('.  ..  .profile\n');
    expect(run(state, 'ls -A').stdout).toBe('.profile\n');
    expect(run(state, 'ls').stdout).toBe('');
  });

  it('lists files before directories, with headers for several operands', () => {
    const r = sh('ls /nope /etc/hostname /etc/pve');
    expect(r.stdout).toBe('/etc/hostname\n\n/etc/pve:\nlocal  lxc  nodes  openvz  priv  qemu-server  storage.cfg\n');
    expect(r.stderr).toBe("ls: cannot access '/nope': No such file or directory\n");
    expect(r.exitCode).toBe(2);
  });

  it('has a long format with modes, owners, sizes and the virtual clock', () => {
    expect(sh('ls -l /etc/pve').stdout).toMatchInlineSnapshot(`
      "total 4
      lrwxr-xr-x 1 root www-data   9 Jan  1 00:00 local -> nodes/pve
      lrwxr-xr-x 1 root www-data  13 Jan  1 00:00 lxc -> nodes/pve/lxc
      drwxr-xr-x 3 root www-data   0 Jan  1 00:00 nodes
      lrwxr-xr-x 1 root www-data  16 Jan  1 00:00 openvz -> nodes/pve/openvz
      drwxr-xr-x 2 root www-data   0 Jan  1 00:00 priv
      lrwxr-xr-x 1 root www-data  21 Jan  1 00:00 qemu-server -> nodes/pve/qemu-server
      -rw-r----- 1 root www-data 128 Jan  1 00:00 storage.cfg
      "
    `);
    expect(sh('ls -ld /tmp /etc/iscsi/initiatorname.iscsi').stdout).toMatchInlineSnapshot(`
      "-rw------- 1 root root  348 Jan  1 00:00 /etc/iscsi/initiatorname.iscsi
      drwxrwxrwt 2 root root 4096 Jan  1 00:00 /tmp
      "
    `);
  });

  it('marks directories with -F and quotes odd names in errors', () => {
    // pmxcfs's local, lxc, openvz and qemu-server are symbolic links (`@`), not directories.
    expect(sh('ls -F /etc/pve').stdout).toBe('local@\tlxc@  nodes/  openvz@  priv/  qemu-server@  storage.cfg\n');
    expect(sh("ls 'a b'").stderr).toBe("ls: cannot access 'a b': No such file or directory\n");
  });

  it('rejects unknown options like GNU ls, status 2', () => {
    expect(sh('ls -z')).toMatchObject({ stderr: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", exitCode: 2 });
  });

  it('lays out columns like ls.c for 80 columns', () => {
    const names = Array.from({ length: 30 }, (_, i) => `file-${String(i).padStart(2, '0')}`);
    const out = columns(names);
    // 9 columns are valid (4 rows, 8 used); 10 would need 88 columns.
    expect(out.split('\n')[0]).toBe('file-00  file-04  file-08  file-12  file-16  file-20  file-24  file-28');
    expect(out.split('\n').every((l) => l.length < 80)).toBe(true);
    expect(columns(['a'.repeat(100), 'b'])).toBe(`${'a'.repeat(100)}\nb\n`);
  });

  it('shows real metadata from lstat: set-ID and sticky bits, owners by name or number, devices, link targets', () => {
    const s = boot();
    run(s, 'touch /root/a /root/b; chmod 4755 /root/a; chmod 1640 /root/b; chown www-data:4242 /root/b');
    expect(run(s, 'ls -l /root').stdout).toBe('total 0\n-rwsr-xr-x 1 root     root 0 Jan  1 00:00 a\n-rw-r----T 1 www-data 4242 0 Jan  1 00:00 b\n');
    expect(run(s, 'ls -n /root/b').stdout).toBe('-rw-r----T 1 33 4242 0 Jan  1 00:00 /root/b\n');
    expect(run(s, 'ls -l /dev/null /dev/sda /bin').stdout).toBe(
      'lrwxrwxrwx 1 root root    7 Jan  1 00:00 /bin -> usr/bin\ncrw-rw-rw- 1 root root 1, 3 Jan  1 00:00 /dev/null\nbrw-rw---- 1 root disk 8, 0 Jan  1 00:00 /dev/sda\n',
    );
  });

  it('classifies with -F: executables, links, and the link target in the long format', () => {
    const s = boot();
    run(s, 'touch /root/x; chmod +x /root/x; cp -a /bin /root/l; mkdir /root/d');
    expect(run(s, 'ls -F /root').stdout).toBe('d/  l@\tx*\n');
    expect(run(s, 'ls -lF /bin').stdout).toBe('lrwxrwxrwx 1 root root 7 Jan  1 00:00 /bin -> usr/bin/\n');
  });

  it('prints times older than six months, or in the future, with the year', () => {
    const s = boot();
    run(s, 'touch -d 2025-06-01 /root/old; touch -d 2025-08-01 /root/recent; touch -d 2027-01-01 /root/future');
    expect(run(s, 'ls -lt /root').stdout).toBe(
      'total 0\n-rw-r--r-- 1 root root 0 Jan  1  2027 future\n-rw-r--r-- 1 root root 0 Aug  1 00:00 recent\n-rw-r--r-- 1 root root 0 Jun  1  2025 old\n',
    );
  });

  it('quotes awkward names on the terminal, not into a pipe', () => {
    const s = boot();
    run(s, "touch '/root/a b' /root/plain $'/root/new\\nline'");
    expect(run(s, 'ls /root').stdout).toBe("'a b'  'new'$'\\n''line'   plain\n");
    expect(run(s, 'ls /root | cat').stdout).toBe('a b\nnew\nline\nplain\n');
  });

  it('adds inode numbers with -i and sizes in powers of 1024 with -h', () => {
    const s = boot();
    run(s, 'dd if=/dev/zero of=/root/z bs=1M count=3 2>/dev/null');
    expect(run(s, 'ls -lh /root').stdout).toBe('total 3.0M\n-rw-r--r-- 1 root root 3.0M Jan  1 00:00 z\n');
    expect(run(s, 'ls -i /root/z').stdout).toMatch(/^\d+ \/root\/z\n$/);
  });
});
