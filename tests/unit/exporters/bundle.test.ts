import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportBundle, zipBundle, type ExportFile } from '../../../src/simulator/exporters';
import { renderStorageAdd } from '../../../src/simulator/exporters/storage-add-script';
import { HostSchema } from '../../../src/simulator/model';
import { loadExportLabs } from './export-labs';

const labs = loadExportLabs();
const seed000 = labs.find((l) => l.id === 'seed-000-r630-truenas-iscsi')?.lab;
if (!seed000) throw new Error('seed 000 is missing');

/** Central directory entries of a zip: name, unix mode, DOS time and date (APPNOTE 4.3.12). */
function centralEntries(zip: Uint8Array): { name: string; mode: number; time: number; date: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  let at = view.getUint32(end + 16, true);
  const out = [];
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = strFromU8(zip.subarray(at + 46, at + 46 + nameLength));
    out.push({ name, mode: view.getUint32(at + 38, true) >>> 16, time: view.getUint16(at + 12, true), date: view.getUint16(at + 14, true) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

describe('exportBundle', () => {
  const files = exportBundle(seed000);

  it('starts with README.md, which lists every other file in order with what it does', () => {
    expect(files[0]?.path).toBe('README.md');
    const readme = files[0]?.content ?? '';
    const rest = files.slice(1);
    const listed = [...readme.matchAll(/^(\d+)\. `([^`]+)`/gm)].map((m) => m[2]);
    expect(listed).toEqual(rest.map((f) => f.path));
    expect(rest.map((f) => f.order)).toEqual([...rest.map((f) => f.order)].sort((a, b) => a - b));
    expect(readme).toContain('1. `pve/preflight.sh` (run on pve): ');
    expect(readme).toContain('3. `pve/zfs-setup.sh` (run on pve): creates the ZFS pools');
    expect(readme).toContain('for Proxmox VE 9');
  });

  it('runs preflight first, a host\'s pools before its iSCSI target, the initiator after the target, containers last', () => {
    const paths = files.map((f) => f.path);
    const at = (path: string) => paths.indexOf(path);
    expect(at('pve/preflight.sh')).toBe(1);
    expect(at('truenas/preflight.sh')).toBe(2);
    expect(at('truenas/zfs-setup.sh')).toBeLessThan(at('truenas/truenas-iscsi.sh'));
    expect(at('truenas/truenas-iscsi.sh')).toBeLessThan(at('pve/iscsi-setup.sh'));
    expect(at('pve/iscsi-setup.sh')).toBeLessThan(at('pve/storage-add.sh'));
    expect(at('pve/subid-setup.sh')).toBeLessThan(at('pve/pct-create.sh'));
  });

  it('never repeats a path', () => {
    for (const { lab } of labs) {
      const paths = exportBundle(lab).map((f) => f.path);
      expect(new Set(paths).size).toBe(paths.length);
    }
  });

  it('--only keeps one part (and says so in the README)', () => {
    const zfs = exportBundle(seed000, { pve: 9 }, 'zfs');
    // A host's read-only preflight.sh comes along with any of its files.
    expect(zfs.map((f) => f.path)).toEqual(['README.md', 'pve/preflight.sh', 'truenas/preflight.sh', 'pve/zfs-setup.sh', 'truenas/zfs-setup.sh']);
    expect(zfs[0]?.content).toContain('(only the zfs part)');
    const proxmox = exportBundle(seed000, { pve: 9 }, 'proxmox').map((f) => f.path);
    expect(proxmox.every((p) => p === 'README.md' || p.startsWith('pve/'))).toBe(true);
    expect(proxmox).toContain('pve/pct-create.sh');
    expect(proxmox).not.toContain('pve/zfs-setup.sh');
    expect(exportBundle(seed000, { pve: 9 }, 'tgt').map((f) => f.path)).toEqual(['README.md', 'truenas/preflight.sh', 'truenas/tgtadm-iscsi.sh']);
  });

  it('passes --pve on to the exporters', () => {
    const pct = (pve: 8 | 9) => exportBundle(seed000, { pve }).find((f) => f.path === 'pve/pct-create.sh')?.content;
    expect(pct(8)).toContain('(Proxmox VE 8)');
    expect(pct(9)).toContain('(Proxmox VE 9)');
  });
});

describe('zipBundle', () => {
  const files: ExportFile[] = exportBundle(seed000);
  const zip = zipBundle(files);

  it('holds every file with its exact text', () => {
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(files.map((f) => f.path));
    for (const f of files) expect(strFromU8(back[f.path] as Uint8Array)).toBe(f.content);
  });

  it('marks scripts 0755 and other files 0644 (unix mode in the external attributes)', () => {
    for (const entry of centralEntries(zip)) {
      const file = files.find((f) => f.path === entry.name);
      expect(entry.mode.toString(8), entry.name).toBe(file?.executable ? '100755' : '100644');
    }
  });

  it('gives the same bytes every time, stamped 2026-01-01 00:00 whatever the clock and time zone', () => {
    expect(zipBundle(files)).toEqual(zip);
    for (const entry of centralEntries(zip)) {
      expect(entry.time).toBe(0);
      expect([(entry.date >> 9) + 1980, (entry.date >> 5) & 15, entry.date & 31]).toEqual([2026, 1, 1]);
    }
  });
});

describe('storage-add.sh', () => {
  it('adds an lvm storage on an iSCSI base after the storage it sits on, whatever the lab order', () => {
    const host = HostSchema.parse({
      name: 'pve',
      kind: 'proxmox',
      proxmox: {
        storage: [
          { id: 'nc-lvm', type: 'lvm', vgname: 'nc', base: 'tn:0.0.0.scsi-36589cfc000000abc', content: ['images'] },
          { id: 'tn', type: 'iscsi', portal: '192.168.5.142', target: 'iqn.2005-10.org.freenas.ctl:nc', content: ['none'] },
        ],
      },
    });
    const text = renderStorageAdd(host) ?? '';
    expect(text.indexOf('pvesm add iscsi tn ')).toBeLessThan(text.indexOf('pvesm add lvm nc-lvm '));
    expect(text).toContain('  pvesm add lvm nc-lvm --vgname nc --base tn:0.0.0.scsi-36589cfc000000abc --content images\n');
  });
});
