import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderZfsSetup } from '../../../src/simulator/exporters';
import type { Host } from '../../../src/simulator/model';
import { loadExportLabs } from '../../unit/exporters/export-labs';
import { requireTool, runTool } from '../support/tools';
import { startZfsFuse, type ZfsFuse } from '../support/zfs-fuse';

// The exported zfs-setup.sh of every example host with pools, run against zfs-fuse (a real
// ZFS, pool version 23) with sparse files of the lab's disk sizes, named like its disks (DISK_DIR),
// new pools under an alternate root (ZFS_ALTROOT) and volumes left out (ZFS_SKIP_VOLUMES:
// zfs-fuse has no zvols). It must create exactly the lab's pools (layout included) and
// filesystems with their properties, and a second run must change nothing.
//
// zfs-fuse is older than OpenZFS 2.3, so the lab is narrowed first to what it knows:
// compression only on/off/lzjb/gzip[-N]/zle, recordsize up to 128K, no `mountpoint: /`
// (zfs-fuse will not mount over a non-empty directory; OpenZFS on Linux overlays), and
// only the pool properties it has (no autotrim, no comment). Properties are read with the
// datasets unmounted: zfs-fuse reports its FUSE mount options as `temporary` values.
// Pool names get an `hlabx-` prefix, so no pool of the machine's own is ever touched.
let z: ZfsFuse;
const work = mkdtempSync(join(tmpdir(), 'hlab-zfs-setup-'));
beforeAll(() => {
  z = startZfsFuse();
});
afterAll(() => {
  z?.stop();
  rmSync(work, { recursive: true, force: true });
});

const OLD_COMPRESSION = /^(on|off|lzjb|gzip(-[1-9])?|zle)$/;
const OLD_POOL_PROPERTIES = new Set(['ashift', 'altroot', 'autoexpand', 'autoreplace', 'failmode', 'listsnapshots']);

/** The host with only the properties zfs-fuse knows (see above). */
function forZfsFuse(host: Host): Host {
  const keep = (props: Record<string, unknown> | undefined) => {
    if (!props) return props;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(props)) {
      if (key === 'compression' && !OLD_COMPRESSION.test(String(value))) continue;
      if (key === 'recordsize' && Number(value) > 128 * 1024) continue;
      if (key === 'mountpoint' && value === '/') continue;
      out[key] = value;
    }
    return out;
  };
  // Pools are renamed hlabx-NAME: the test must never touch a machine's own rpool or tank.
  const rename = (name: string) => `hlabx-${name}`;
  const pools = host.pools.map((p) => ({ ...p, name: rename(p.name), properties: Object.fromEntries(Object.entries(p.properties ?? {}).filter(([k]) => OLD_POOL_PROPERTIES.has(k))) }));
  const datasets = host.datasets.map((d) => ({ ...d, name: rename(d.name), properties: keep(d.properties) as typeof d.properties }));
  return { ...host, pools, datasets, zvols: host.zvols.map((v) => ({ ...v, name: rename(v.name) })) };
}

const hosts = loadExportLabs().flatMap(({ id, lab }) => lab.hosts.filter((h) => h.pools.length > 0).map((host) => ({ name: `${id}/${host.name}`, host: forZfsFuse(host) })));

/**
 * Destroys the pools that exist among `names`: every filesystem of them unmounted first,
 * deepest mount point first across the pools (one pool's filesystem may be mounted inside
 * another's; zfs-fuse answers `zpool destroy` of a pool in use with "busy"). Returns the
 * names still there afterwards.
 */
function destroyPools(names: readonly string[]): string[] {
  const existing = names.filter((name) => runTool(z.zpool, ['list', '-H', name]).status === 0);
  const mounted = existing
    .flatMap((name) => runTool(z.zfs, ['list', '-H', '-o', 'mountpoint,name', '-r', name]).stdout.split('\n').filter(Boolean))
    .map((line) => line.split('\t') as [string, string])
    .sort(([a], [b]) => b.length - a.length);
  for (const [, dataset] of mounted) runTool(z.zfs, ['unmount', '-f', dataset]);
  // zfs-fuse may still call a just-unmounted filesystem busy for a moment: try a few times.
  let left = existing;
  for (let i = 0; i < 20 && left.length > 0; i++) {
    if (i > 0) spawnSync('sleep', ['0.1']);
    for (const name of left) runTool(z.zpool, ['destroy', '-f', name]);
    left = left.filter((name) => runTool(z.zpool, ['list', '-H', name]).status === 0);
  }
  return left;
}

/** The vdev words and disk names of a pool's config tree, in order (`mirror`, `sda`, …). */
function layout(status: string, disks: string): string[] {
  const config = status.split('config:\n')[1]?.split('\nerrors:')[0] ?? '';
  return config
    .split('\n')
    .map((l) => /^\t\s*(\S+)/.exec(l)?.[1])
    .filter((w): w is string => w !== undefined && w !== 'NAME')
    .slice(1)
    .map((w) => (w.startsWith(`${disks}/`) ? w.slice(disks.length + 1) : w.replace(/-\d+$/, '')));
}

describe('zfs-setup.sh against zfs-fuse', () => {
  it.each(hosts)('$name: creates the pools and filesystems the lab declares, and a second run changes nothing', ({ host }) => {
    const script = renderZfsSetup(host) as string;
    // A folder per case: zfs-fuse may still hold the files of a pool destroyed a moment ago.
    const base = mkdtempSync(join(work, `${host.name}-`));
    const disks = join(base, 'disks');
    const root = join(base, 'root');
    mkdirSync(disks);
    mkdirSync(root);
    for (const disk of host.disks) spawnSync('truncate', ['-s', String(disk.size), join(disks, disk.name)]);
    // A run killed half-way may leave a lab pool behind: its name would make the script skip it.
    expect(destroyPools(host.pools.map((p) => p.name)), 'left-over pools').toEqual([]);
    const env = { ...process.env, DISK_DIR: disks, ZFS_ALTROOT: root, ZFS_SKIP_VOLUMES: '1' };
    try {
      const first = spawnSync(requireTool('bash'), ['-c', script], { env, encoding: 'utf8', timeout: 120_000 });
      expect(first.stderr.replace(/^Defaulting to 4K blocksize.*\n/gm, ''), 'stderr').toBe('');
      expect(first.status).toBe(0);
      for (const pool of host.pools) {
        const status = runTool(z.zpool, ['status', pool.name]).stdout;
        const expected = pool.vdevs.flatMap((v) => [...(v.type === 'stripe' ? [] : [v.type === 'raidz1' ? 'raidz1' : v.type]), ...v.disks]);
        // zfs-fuse prints a single-parity raidz as `raidz1`, as OpenZFS does.
        expect(layout(status, disks), pool.name).toEqual(expected);
        if (pool.properties?.ashift) expect(runTool(z.zpool, ['get', 'ashift', pool.name]).stdout).toMatch(new RegExp(`\\s${pool.properties.ashift}\\s`));
        const names = runTool(z.zfs, ['list', '-H', '-o', 'name', '-r', pool.name]).stdout.split('\n').filter(Boolean).slice(1);
        expect(names.sort(), pool.name).toEqual(host.datasets.filter((d) => d.name.startsWith(`${pool.name}/`)).map((d) => d.name).sort());
      }
      for (const dataset of [...host.datasets].reverse()) runTool(z.zfs, ['unmount', dataset.name]);
      for (const dataset of host.datasets) {
        for (const [key, value] of Object.entries(dataset.properties ?? {})) {
          const got = runTool(z.zfs, ['get', '-H', '-p', '-o', 'value,source', key, dataset.name]).stdout.trim();
          const want = key === 'mountpoint' && String(value).startsWith('/') ? `${root}${value}` : String(value);
          expect(got, `${dataset.name} ${key}`).toBe(`${want}\tlocal`);
        }
      }
      const second = spawnSync(requireTool('bash'), ['-c', script], { env, encoding: 'utf8', timeout: 120_000 });
      expect(second.status).toBe(0);
      expect(second.stdout).toBe(host.pools.map((p) => `pool ${p.name} exists: left as it is\n`).join(''));
      expect(second.stderr).toBe('');
    } finally {
      expect(destroyPools(host.pools.map((p) => p.name)), 'pools not destroyed').toEqual([]);
    }
  });
});
