import { describe, expect, it } from 'vitest';
import { textContent } from '../../../../src/simulator/engines/kernel/content';
import { addMount, removeMount } from '../../../../src/simulator/engines/kernel/mounts';
import { hostView } from '../world-fixture';

const text = (r: { ok: true; text: string } | { ok: false; errno: string }): string => (r.ok ? r.text : `!${r.errno}`);

describe('the VFS', () => {
  it('creates, writes, reads and lists files with owners, modes and times from the virtual clock', () => {
    const { w, vfs } = hostView();
    expect(vfs.mkdir('/root/d', 0o777)).toEqual({ ok: true, value: null });
    expect(vfs.write('/root/d/f', 'hello\n', false)).toEqual({ ok: true });
    w.clock += 5000;
    expect(vfs.write('/root/d/f', 'again\n', true)).toEqual({ ok: true });
    expect(text(vfs.read('/root/d/f'))).toBe('hello\nagain\n');
    const st = vfs.stat('/root/d/f');
    expect(st.ok && { type: st.value.type, mode: st.value.mode.toString(8), uid: st.value.uid, size: st.value.size, blocks: st.value.blocks, mtime: st.value.mtime }).toEqual({
      type: 'file',
      mode: '644',
      uid: 0,
      size: 12,
      blocks: 8,
      mtime: w.clock,
    });
    // mkdir applies the umask (022) as mkdir(2) does.
    const dir = vfs.stat('/root/d');
    expect(dir.ok && dir.value.mode.toString(8)).toBe('755');
    expect(vfs.list('/root')).toEqual({ ok: true, names: ['d'] });
  });

  it('answers each failing step with the errno the kernel gives', () => {
    const { vfs } = hostView();
    vfs.write('/root/file', 'x', false);
    expect(vfs.read('/nope/x')).toEqual({ ok: false, errno: 'ENOENT' });
    expect(vfs.read('/root/file/x')).toEqual({ ok: false, errno: 'ENOTDIR' });
    expect(vfs.read('/root')).toEqual({ ok: false, errno: 'EISDIR' });
    expect(vfs.mkdir('/root/file')).toEqual({ ok: false, errno: 'EEXIST' });
    expect(vfs.mkdir('/root/a/b')).toEqual({ ok: false, errno: 'ENOENT' });
    vfs.mkdir('/root/full');
    vfs.write('/root/full/x', '', false);
    expect(vfs.remove('/root/full', true)).toEqual({ ok: false, errno: 'ENOTEMPTY' });
    expect(vfs.remove('/root/full', false)).toEqual({ ok: false, errno: 'EISDIR' });
    expect(vfs.remove('/root/file', true)).toEqual({ ok: false, errno: 'ENOTDIR' });
    expect(vfs.write(`/root/${'n'.repeat(256)}`, 'x', false)).toEqual({ ok: false, errno: 'ENAMETOOLONG' });
    expect(vfs.read(`/${'d/'.repeat(2100)}`)).toEqual({ ok: false, errno: 'ENAMETOOLONG' });
  });

  it('follows symbolic links, resolves .. physically and stops a loop with ELOOP', () => {
    const { vfs } = hostView();
    // Debian 13's merged /usr: /bin is a link to usr/bin.
    const bin = vfs.stat('/bin', false);
    expect(bin.ok && [bin.value.type, bin.value.target]).toEqual(['symlink', 'usr/bin']);
    expect(vfs.resolve('/bin').ok && (vfs.resolve('/bin') as { ok: true; value: { path: string } }).value.path).toBe('/usr/bin');
    expect(text(vfs.read('/bin/../../etc/hostname'))).toBe('pve\n');
    expect(vfs.read('/bin/../etc/hostname')).toEqual({ ok: false, errno: 'ENOENT' });
    vfs.create('/root/a', { type: 'symlink', target: 'b' });
    vfs.create('/root/b', { type: 'symlink', target: '/root/a' });
    expect(vfs.read('/root/a')).toEqual({ ok: false, errno: 'ELOOP' });
    // lstat sees the link itself.
    expect(vfs.stat('/root/a', false).ok).toBe(true);
  });

  it('walks through the mount table: datasets, pmxcfs, procfs, with their own rules', () => {
    const { vfs } = hostView();
    expect(vfs.mounts().map((m) => m.path)).toEqual(['/', '/sys', '/proc', '/dev', '/dev/pts', '/run', '/sys/fs/cgroup', '/dev/shm', '/run/lock', '/etc/pve', '/rpool', '/rpool/ROOT', '/rpool/data']);
    expect(vfs.write('/rpool/data/f', 'on the dataset\n', false)).toEqual({ ok: true });
    const fs = vfs.statfs('/rpool/data/f');
    expect(fs.ok && [fs.value.sb.fstype, fs.value.sb.source]).toEqual(['zfs', 'rpool/data']);
    // rename(2) does not cross mounts; a mountpoint cannot be removed or replaced.
    expect(vfs.rename('/rpool/data/f', '/root/f')).toEqual({ ok: false, errno: 'EXDEV' });
    expect(vfs.remove('/rpool/data', true)).toEqual({ ok: false, errno: 'EBUSY' });
    expect(vfs.mkdir('/rpool/data')).toEqual({ ok: false, errno: 'EEXIST' });
    // Files computed from the lab are read-only; /proc refuses writes.
    expect(vfs.write('/etc/hostname', 'x', false)).toEqual({ ok: false, errno: 'EROFS' });
    expect(vfs.remove('/etc/hostname', false)).toEqual({ ok: false, errno: 'EROFS' });
    expect(vfs.write('/etc/pve/storage.cfg', 'x', false)).toEqual({ ok: false, errno: 'EROFS' });
    expect(vfs.write('/proc/version', 'x', false)).toEqual({ ok: false, errno: 'EIO' });
    expect(vfs.write('/proc/version', '', false)).toEqual({ ok: true });
    // /etc/pve/lxc is pmxcfs's link to nodes/<node>/lxc, so its `..` is that node's folder.
    expect(vfs.read('/etc/pve/lxc/../storage.cfg')).toEqual({ ok: false, errno: 'ENOENT' });
    expect(text(vfs.read('/etc/pve/lxc/../../../storage.cfg')).startsWith('dir: local')).toBe(true);
  });

  it('keeps a bind mount of a directory inside itself finite (a bind mount does not carry its submounts)', () => {
    const { w, vfs } = hostView();
    vfs.mkdir('/root/a');
    vfs.mkdir('/root/a/b');
    vfs.write('/root/a/file', 'x', false);
    const root = vfs.mounts()[0];
    if (!root) throw new Error('no root mount');
    const mntNs = w.kernel.pve?.initNs.mnt as number;
    addMount(w, 'pve', mntNs, root.sb, '/root/a/b', 'rw,relatime', '/root/a');
    expect(vfs.list('/root/a/b')).toEqual({ ok: true, names: ['b', 'file'] });
    // Below the bind, b is the plain directory of the underlying filesystem: empty, no endless tree.
    expect(vfs.list('/root/a/b/b')).toEqual({ ok: true, names: [] });
    expect(text(vfs.read('/root/a/b/file'))).toBe('x');
    // The superblock stays while the root mount uses it; umount of a mount with one below it is EBUSY.
    addMount(w, 'pve', mntNs, root.sb, '/root/a/b/b', 'rw', '/root');
    expect(removeMount(w, 'pve', mntNs, '/root/a/b')).toBe('EBUSY');
    expect(typeof removeMount(w, 'pve', mntNs, '/root/a/b/b')).toBe('object');
    expect(typeof removeMount(w, 'pve', mntNs, '/root/a/b')).toBe('object');
    expect(removeMount(w, 'pve', mntNs, '/root/a/b')).toBe('EINVAL');
    expect(w.kernel.pve?.superblocks[root.sb]).toBeDefined();
  });

  it('refuses a write past the filesystem\'s size and leaves the file as it was', () => {
    const { vfs } = hostView();
    vfs.write('/run/lock/f', 'before\n', false);
    // 5 MiB tmpfs: a 6 MiB write does not fit.
    const big = vfs.writeContent('/run/lock/f', [{ kind: 'zero', length: 6 << 20 }], { append: true });
    expect(big).toEqual({ ok: false, errno: 'ENOSPC' });
    expect(text(vfs.read('/run/lock/f'))).toBe('before\n');
    // A sparse hole takes no space, so a huge sparse file fits.
    expect(vfs.writeContent('/run/lock/sparse', [...textContent('x')], { create: true, offset: 1 << 40 })).toEqual({ ok: true, value: null });
    expect(vfs.size('/run/lock/sparse')).toBe((1 << 40) + 1);
  });

  it('keeps a 1 GiB file as a descriptor: a few bytes of state', () => {
    const { w, vfs } = hostView();
    const before = JSON.stringify(w).length;
    // On the memfs root (a ZFS dataset such as /rpool/data also keeps 8,192 block pointers: engines/zfs).
    expect(vfs.writeContent('/root/big', [{ kind: 'random', seed: 7, offset: 0, length: 1 << 30 }], { create: true, truncate: true })).toEqual({ ok: true, value: null });
    expect(vfs.size('/root/big')).toBe(1 << 30);
    expect(JSON.stringify(w).length - before).toBeLessThan(400);
    // Text tools do not read it whole.
    expect(vfs.read('/root/big')).toEqual({ ok: false, errno: 'EFBIG' });
  });

  it('boots the same World from the same lab and seed, and survives a JSON round trip', () => {
    const a = hostView().w;
    const b = hostView().w;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
});

describe('umount', () => {
  it('keeps a dataset\'s files for its next mount, and drops a tmpfs\'s with its last umount', async () => {
    const { createSimulator, runLine } = await import('../../../../src/simulator/shell');
    const { starterLab } = await import('../world-fixture');
    const state = createSimulator(structuredClone(starterLab));
    expect(runLine(state, 'echo keep > /rpool/data/f; umount /rpool/data; ls /rpool/data; mount | grep -c /rpool/data').stdout).toBe('0\n');
    expect(runLine(state, 'zfs mount rpool/data; cat /rpool/data/f').stdout).toBe('keep\n');
    const tmpfs = (): number => Object.values(state.world.kernel.pve?.superblocks ?? {}).filter((sb) => sb.fstype === 'tmpfs').length;
    const before = tmpfs();
    expect(runLine(state, 'echo gone > /run/lock/f; umount /run/lock; mount -t tmpfs | grep -c /run/lock').stdout).toBe('0\n');
    expect(tmpfs()).toBe(before - 1);
  });
});
