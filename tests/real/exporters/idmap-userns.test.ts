import { spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBundle, type ExportFile } from '../../../src/simulator/exporters';
import { effectiveIdmap, parseIdmapLine, parseSubidEntry, type Container, type IdmapEntry } from '../../../src/simulator/model';
import { loadExportLabs } from '../../unit/exporters/export-labs';
import { requireRoot, requireTool } from '../support/tools';

// The exported lxc.idmap lines of every unprivileged container (Proxmox VE 8 and 9), written
// as root into a fresh user namespace (util-linux `unshare -U`, then /proc/PID/uid_map and
// gid_map in one write(2) each, as LXC does): the kernel accepts them, and files owned by
// the host IDs the lab names are seen inside with the container IDs the lab intends. The
// exported subid-setup.sh, run on copies of /etc/subuid and /etc/subgid, grants root every
// host range of those maps (shadow newuidmap.c verify_range: the range lies within one of
// the owner's subuid entries) and adds nothing on a second run.
const work = mkdtempSync(join(tmpdir(), 'hlab-idmap-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The `lxc.idmap` entries of a .conf, or Proxmox's default when it has none (LXC.pm parse_id_maps). */
function confMap(conf: string): IdmapEntry[] {
  const lines = [...conf.matchAll(/^lxc\.idmap: (.*)$/gm)].map((m) => m[1] as string);
  return effectiveIdmap(lines, true);
}

/** container → host pairs the lab intends, at the ends of each range: its own map, then (PVE 8) the mounts' idmap= over it. */
function intended(ct: Container, pve: 8 | 9): { type: 'u' | 'g'; container: number; host: number }[] {
  const base = effectiveIdmap(ct.idmap, true);
  const overrides = pve === 8 ? ct.mounts.flatMap((m) => (m.idmap && m.idmap !== 'passthrough' ? m.idmap.split(';').map((e) => parseIdmapLine(e.replace(/:/g, ' ')) as IdmapEntry) : [])) : [];
  const inside = (e: IdmapEntry, type: string, side: 'container' | 'host', id: number) => e.type === type && id >= e[side] && id < e[side] + e.count;
  const pairs = (e: IdmapEntry) => [0, e.count - 1].map((d) => ({ type: e.type, container: e.container + d, host: e.host + d }));
  const fromBase = base.flatMap(pairs).filter((p) => !overrides.some((o) => inside(o, p.type, 'container', p.container) || inside(o, p.type, 'host', p.host)));
  // Earlier overrides win over later overlapping ones (pve-idmap-export.ts); keep the first of each.
  const kept: IdmapEntry[] = [];
  for (const o of overrides) if (!kept.some((k) => k.type === o.type && (o.container < k.container + k.count && k.container < o.container + o.count || o.host < k.host + k.count && k.host < o.host + o.count))) kept.push(o);
  return [...fromBase, ...kept.flatMap(pairs)];
}

/** Starts `unshare -U`, writes the maps, and returns each sample file's owner as seen inside. */
async function ownersInside(map: readonly IdmapEntry[], files: string[], dir: string): Promise<{ errors: (string | null)[]; back: string[]; owners: string[] }> {
  const child = spawn(requireTool('unshare'), ['-U', 'sh', '-c', 'read x; cd "$0" && exec stat -c "%u %g" "$@"', dir, ...files], { stdio: ['pipe', 'pipe', 'ignore'] });
  const ours = readlinkSync('/proc/self/ns/user');
  for (let i = 0; i < 400; i++) {
    try {
      if (readlinkSync(`/proc/${child.pid}/ns/user`) !== ours) break;
    } catch {
      // not there yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const errors = (['u', 'g'] as const).map((type) => {
    const text = map.filter((e) => e.type === type).map((e) => `${e.container} ${e.host} ${e.count}\n`).join('');
    try {
      writeFileSync(`/proc/${child.pid}/${type}id_map`, text);
      return null;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code ?? String(e);
    }
  });
  const back = (['u', 'g'] as const).map((type) => readFileSync(`/proc/${child.pid}/${type}id_map`, 'utf8'));
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  const done = new Promise((r) => child.on('close', r));
  child.stdin.end('\n');
  await done;
  return { errors, back, owners: out.split('\n').filter(Boolean) };
}

const cases = loadExportLabs().flatMap(({ id, lab }) =>
  ([8, 9] as const).flatMap((pve) => {
    const files = exportBundle(lab, { pve }, 'proxmox');
    return lab.hosts.filter((h) => h.kind === 'proxmox' && h.containers.some((c) => c.unprivileged)).map((host) => ({ name: `${id}/${host.name} pve${pve}`, host, pve, files }));
  }),
);

describe('exported id maps in a real user namespace', () => {
  it('has containers to check, some with their own lines and some with mount idmaps', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    expect(cases.some((c) => c.host.containers.some((ct) => ct.idmap.length > 0))).toBe(true);
    expect(cases.some((c) => c.host.containers.some((ct) => ct.mounts.some((m) => m.idmap)))).toBe(true);
  });

  it.each(cases)('$name: the kernel takes each map and shows the IDs the lab intends', async ({ host, pve, files }) => {
    requireRoot('writing uid_map with host ids and chown need root');
    for (const ct of host.containers.filter((c) => c.unprivileged)) {
      const conf = files.find((f) => f.path === `${host.name}/etc/pve/lxc/${ct.vmid}.conf`) as ExportFile;
      const map = confMap(conf.content);
      const pairs = intended(ct, pve);
      const dir = mkdtempSync(join(work, `ct${ct.vmid}-`));
      const names = pairs.map((p, i) => {
        const name = `${i}-${p.type}${p.host}`;
        writeFileSync(join(dir, name), '');
        chownSync(join(dir, name), p.type === 'u' ? p.host : 0, p.type === 'g' ? p.host : 0);
        return name;
      });
      const inside = await ownersInside(map, names, dir);
      expect(inside.errors, `CT ${ct.vmid}`).toEqual([null, null]);
      expect(inside.back[0], `CT ${ct.vmid} uid_map`).toBe(map.filter((e) => e.type === 'u').map((e) => `${String(e.container).padStart(10)} ${String(e.host).padStart(10)} ${String(e.count).padStart(10)}\n`).join(''));
      expect(inside.owners.map((o, i) => o.split(' ')[pairs[i]?.type === 'u' ? 0 : 1]), `CT ${ct.vmid}`).toEqual(pairs.map((p) => String(p.container)));
    }
  });

  it.each(cases)('$name: subid-setup.sh grants root every host range the maps use, once', ({ host, files }) => {
    const script = files.find((f) => f.path === `${host.name}/subid-setup.sh`) as ExportFile;
    const dir = mkdtempSync(join(work, 'subid-'));
    const subuid = join(dir, 'subuid');
    const subgid = join(dir, 'subgid');
    // A machine that already has another user's range and Proxmox's own line.
    writeFileSync(subuid, 'alice:200000:65536\nroot:100000:65536\n');
    writeFileSync(subgid, 'alice:200000:65536\n');
    const env = { ...process.env, SUBUID: subuid, SUBGID: subgid };
    const first = spawnSync(requireTool('bash'), ['-c', script.content], { env, encoding: 'utf8' });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const after = [readFileSync(subuid, 'utf8'), readFileSync(subgid, 'utf8')];
    expect(after[0]?.startsWith('alice:200000:65536\nroot:100000:65536\n')).toBe(true);
    for (const ct of host.containers.filter((c) => c.unprivileged)) {
      const conf = files.find((f) => f.path === `${host.name}/etc/pve/lxc/${ct.vmid}.conf`) as ExportFile;
      for (const e of confMap(conf.content)) {
        const ranges = (e.type === 'u' ? after[0] : after[1])?.split('\n').map(parseSubidEntry).filter((r) => r?.user === 'root') ?? [];
        const granted = ranges.some((r) => r !== null && e.host >= r.start && e.host + e.count <= r.start + r.count);
        expect(granted, `CT ${ct.vmid} ${e.type} ${e.container} ${e.host} ${e.count}`).toBe(true);
      }
    }
    const second = spawnSync(requireTool('bash'), ['-c', script.content], { env, encoding: 'utf8' });
    expect(second.status).toBe(0);
    expect([readFileSync(subuid, 'utf8'), readFileSync(subgid, 'utf8')]).toEqual(after);
  });
});
