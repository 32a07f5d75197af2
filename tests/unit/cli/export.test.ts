import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/simulator/cli/main';
import { nodeIO, type CliIO } from '../../../src/simulator/cli/cli-io';

const SEED_000 = 'src/content/labs/seed-000-r630-truenas-iscsi.yaml';

/** An in-memory disk for `hlab export`: files with their modes, directories, output. */
function memoryIO(initial: Record<string, string> = {}) {
  const files = new Map<string, { text: string; mode: number }>(Object.entries(initial).map(([p, text]) => [p, { text, mode: 0o644 }]));
  const dirs = new Set<string>();
  const out = { stdout: '', stderr: '' };
  const io: CliIO = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readFile: (path, max) => (files.has(path) ? { ok: true, text: files.get(path)?.text ?? '' } : nodeIO().readFile(path, max)),
    writeFile(path, text, mode) {
      files.set(path, { text, mode: mode ?? 0o644 });
      return { ok: true };
    },
    listDir(path) {
      const names = [...files.keys(), ...dirs].filter((p) => p.startsWith(`${path}/`)).map((p) => p.slice(path.length + 1).split('/')[0] as string);
      if (names.length === 0 && !dirs.has(path)) return files.has(path) ? { ok: false, code: 'ENOTDIR' } : { ok: false, code: 'ENOENT' };
      return { ok: true, names: [...new Set(names)] };
    },
    makeDir(path) {
      dirs.add(path);
      return { ok: true };
    },
    stdinIsTTY: false,
  };
  return { io, files, out };
}

describe('hlab export', () => {
  it('writes the bundle into a new folder, scripts 0755 and the rest 0644, and names what it wrote', async () => {
    const t = memoryIO();
    expect(await main(['export', SEED_000, '--out', 'out/'], t.io)).toBe(0);
    expect(t.files.get('out/README.md')?.text).toMatch(/^# Bundle for the lab "R630 \+ TrueNAS over iSCSI"\n/);
    expect(t.files.get('out/pve/pct-create.sh')?.mode).toBe(0o755);
    expect(t.files.get('out/pve/etc/pve/lxc/102.conf')?.mode).toBe(0o644);
    expect(t.files.get('out/pve/etc/pve/lxc/102.conf')?.text).toContain('mp0: /mnt/nextcloud-data,mp=/mnt/ncdata\n');
    expect(t.out.stdout.split('\n')[0]).toBe('out/README.md');
    expect(t.out.stdout).toMatch(/hlab export: wrote \d+ files; out\/README.md says what to run where, in order\n$/);
    expect(t.out.stderr).toBe('');
  });

  it('refuses a folder that is not empty unless --force, which replaces only the bundle\'s files', async () => {
    const t = memoryIO({ 'out/notes.txt': 'mine', 'out/README.md': 'old' });
    expect(await main(['export', SEED_000, '--out', 'out'], t.io)).toBe(1);
    expect(t.out.stderr).toBe('hlab export: "out" is not empty; choose a new folder, or add --force to write the bundle into it (files with the bundle\'s names are replaced, others are left alone)\n');
    expect(t.files.get('out/README.md')?.text).toBe('old');
    expect(await main(['export', SEED_000, '--out', 'out', '--force'], t.io)).toBe(0);
    expect(t.files.get('out/notes.txt')?.text).toBe('mine');
    expect(t.files.get('out/README.md')?.text).not.toBe('old');
  });

  it('refuses an invalid lab with validate\'s messages and writes nothing', async () => {
    const t = memoryIO({ 'bad.yaml': 'version: 1\nname: x\nhosts:\n  - { name: pve, kind: proxmox, disks: [{ name: sda }] }\n' });
    expect(await main(['export', 'bad.yaml', '--out', 'out'], t.io)).toBe(1);
    const v = memoryIO({ 'bad.yaml': t.files.get('bad.yaml')?.text ?? '' });
    expect(await main(['validate', 'bad.yaml'], v.io)).toBe(1);
    expect(t.out.stderr).toBe(v.out.stderr);
    expect(t.out.stderr).toContain('hosts[0].disks[0].type: required key "type" is missing');
    expect([...t.files.keys()]).toEqual(['bad.yaml']);
  });

  it('--only and --pve choose the part and the Proxmox version', async () => {
    const t = memoryIO();
    expect(await main(['export', SEED_000, '-o', 'z', '--only', 'zfs', '--pve', '8'], t.io)).toBe(0);
    expect([...t.files.keys()].sort()).toEqual(['z/README.md', 'z/pve/preflight.sh', 'z/pve/zfs-setup.sh', 'z/truenas/preflight.sh', 'z/truenas/zfs-setup.sh']);
    expect(t.files.get('z/README.md')?.text).toContain('(only the zfs part) for Proxmox VE 8');
  });

  it('answers usage errors with exit 2', async () => {
    const cases: [string[], string][] = [
      [['export', SEED_000], 'hlab export: missing --out DIR (where to write the bundle)'],
      [['export', '--out', 'x'], 'hlab export: missing LAB (a lab file to export)'],
      [['export', SEED_000, '--out', 'x', '--only', 'nfs'], 'hlab export: --only takes one of truenas, proxmox, zfs, tgt, targetcli, not "nfs"'],
      [['export', SEED_000, '--out', 'x', '--pve', '7'], 'hlab export: --pve takes 8 or 9 (the Proxmox VE major version), not "7"'],
    ];
    for (const [argv, message] of cases) {
      const t = memoryIO();
      expect(await main(argv, t.io)).toBe(2);
      expect(t.out.stderr).toBe(`${message}\nTry 'hlab export --help' for more information.\n`);
    }
  });

  it('has --help, and hlab --help lists it', async () => {
    const t = memoryIO();
    expect(await main(['export', '--help'], t.io)).toBe(0);
    expect(t.out.stdout).toMatch(/^Usage: hlab export LAB --out DIR \[--only PART\] \[--pve 8\|9\] \[--force\]\n/);
    const u = memoryIO();
    await main(['--help'], u.io);
    expect(u.out.stdout).toContain('  export LAB --out DIR');
  });

  it('writes real files through nodeIO: scripts 0755 whatever the umask, other files 0644, other files left alone with --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlab-export-'));
    try {
      let stdout = '';
      const io: CliIO = { ...nodeIO(), stdout: (t) => void (stdout += t), stderr: (t) => void (stdout += t) };
      expect(await main(['export', SEED_000, '--out', join(dir, 'out')], io)).toBe(0);
      expect(statSync(join(dir, 'out/pve/pct-create.sh')).mode & 0o777).toBe(0o755);
      expect(statSync(join(dir, 'out/pve/etc/pve/lxc/100.conf')).mode & 0o777).toBe(0o644);
      expect(stdout).toContain(`${join(dir, 'out')}/README.md\n`);
      writeFileSync(join(dir, 'out/notes.txt'), 'mine');
      expect(await main(['export', SEED_000, '--out', join(dir, 'out'), '--force'], io)).toBe(0);
      expect(readFileSync(join(dir, 'out/notes.txt'), 'utf8')).toBe('mine');
      expect(await main(['export', SEED_000, '--out', join(dir, 'out/notes.txt')], io)).toBe(1);
      expect(stdout).toContain(`hlab export: cannot use "${join(dir, 'out/notes.txt')}" as the output folder: Not a directory\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
