import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProxmox, exportZfs } from '../../../src/simulator/exporters';
import { loadExportLabs } from './export-labs';
import { GOLDEN_DIR, expectGolden } from './golden-file';

const labs = loadExportLabs();
/** Every lab for Proxmox VE 9, and for 8 as well (the versions differ only where mounts carry idmap=). */
const cases = labs.flatMap(({ id, lab }) => [
  ...[9, 8].map((pve) => ({ name: `${id} pve${pve}`, dir: `export/${id}/pve${pve}`, files: [...exportZfs(lab, { pve: pve as 8 | 9 }), ...exportProxmox(lab, { pve: pve as 8 | 9 })] })),
]);

/** Every file under a directory, relative to tests/golden/. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [relative(GOLDEN_DIR, join(dir, entry.name))]));
}

describe('Proxmox and ZFS exporters: golden files', () => {
  it.each(cases)('$name', ({ dir, files }) => {
    for (const file of files) expectGolden(`${dir}/${file.path}`, file.content);
  });

  it('leaves no stale golden file behind', () => {
    const expected = cases.flatMap(({ dir, files }) => files.map((f) => `${dir}/${f.path}`));
    expect(filesUnder(join(GOLDEN_DIR, 'export')).sort()).toEqual(expected.sort());
  });

  it('writes the same files for 8 and 9 unless a mount point has its own idmap=', () => {
    for (const { id, lab } of labs) {
      const differ = lab.hosts.some((h) => h.containers.some((ct) => ct.unprivileged && ct.mounts.some((m) => m.idmap)));
      const same = JSON.stringify(exportProxmox(lab, { pve: 8 }).map((f) => f.content.replace('Proxmox VE 8', 'Proxmox VE 9'))) === JSON.stringify(exportProxmox(lab, { pve: 9 }).map((f) => f.content));
      expect(same, id).toBe(!differ);
    }
  });
});

describe('file list', () => {
  it('gives every file a host folder, a summary and a newline at the end; only .sh files are executable', () => {
    for (const { files } of cases) {
      for (const f of files) {
        expect(f.path).toMatch(new RegExp(`^${f.host}/`));
        expect(f.summary.length).toBeGreaterThan(10);
        expect(f.content.endsWith('\n')).toBe(true);
        expect(f.executable === true).toBe(f.path.endsWith('.sh'));
      }
    }
  });

  it('orders ZFS first, then the initiator side, then containers', () => {
    const files = cases.find((c) => c.name === 'seed-000-r630-truenas-iscsi pve9')?.files ?? [];
    expect(files.map((f) => `${f.order} ${f.path}`)).toEqual([
      '10 pve/zfs-setup.sh',
      '10 truenas/zfs-setup.sh',
      '20 pve/etc/iscsi/initiatorname.iscsi',
      '21 pve/iscsi-setup.sh',
      '22 pve/etc/pve/storage.cfg',
      '23 pve/storage-add.sh',
      '30 pve/subid-setup.sh',
      '31 pve/pct-create.sh',
      '32 pve/etc/pve/lxc/100.conf',
      '32 pve/etc/pve/lxc/101.conf',
      '32 pve/etc/pve/lxc/102.conf',
    ]);
  });
});
