/**
 * Scrub: every allocated block of the pool is read and verified against its checksum,
 * damaged copies are repaired from good ones, and what cannot be repaired becomes a
 * permanent error (dsl_scan.c). It takes virtual time in proportion to the allocated data
 * (a simplified 500 MiB/s); `zpool status` shows it in progress until then.
 */
// @sim zpool | OpenZFS 2.3 zpool scrub: every block verified, repairs counted, permanent errors listed, duration from the data size
import type { MemfsData } from '../kernel/types';
import { mountedPath } from '../../model/mountpoints';
import type { World } from '../world';
import { unpackBp } from './block-pointer';
import { checkBlock, recordPermanentError } from './faults';
import { poolAllocated } from './space';
import type { DatasetState, ObjectState, PoolState, ScanState } from './state';
import { headInodes } from './versions';

/** Scrub speed in bytes per virtual second (simplified). */
const SCRUB_RATE = 500 * 2 ** 20;

/** Paths of the files of a mounted dataset by inode number (a walk from its root). */
export function inodePaths(data: MemfsData | undefined): Map<number, string> {
  const out = new Map<number, string>();
  if (!data) return out;
  const walk = (ino: number, path: string, depth: number): void => {
    const node = data.inodes[ino];
    if (!node || depth > 64) return;
    out.set(ino, path);
    for (const [name, child] of Object.entries(node.entries ?? {})) walk(child, `${path === '/' ? '' : path}/${name}`, depth + 1);
  };
  walk(data.root, '/', 0);
  return out;
}

/** How `zpool status -v` names a damaged file: its path where mounted, else `dataset:<0xINO>`. */
export function errorPath(world: World, host: string, ds: DatasetState, ino: number, paths?: Map<number, string>): string {
  const lab = world.lab.hosts.find((h) => h.name === host);
  const mp = lab ? mountedPath(lab, ds.name) : undefined;
  const rel = (paths ?? inodePaths(headInodes(world, host, ds.name))).get(ino);
  if (mp && rel) return `${mp === '/' ? '' : mp}${rel}`;
  return `${ds.name}:<0x${ino.toString(16)}>`;
}

/** Runs a scrub to the end (its effects at once; the clock says when it finishes). */
export function scrubPool(world: World, host: string, pool: PoolState): ScanState {
  const seen = new Set<string>();
  let repaired = 0;
  let errors = 0;
  for (const ds of Object.values(pool.datasets)) {
    const paths = inodePaths(headInodes(world, host, ds.name));
    const objects: [number, ObjectState][] = Object.entries(ds.objects).map(([ino, o]) => [Number(ino), o]);
    for (const v of ds.saved) if (v.object) objects.push([v.ino, v.object]);
    for (const [ino, object] of objects) {
      for (const packed of object.blocks) {
        if (!packed) continue;
        const bp = unpackBp(packed);
        const key = `${bp[5]}:${bp[6]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const r = checkBlock(pool, bp);
        repaired += r.repaired;
        if (!r.ok) {
          errors += 1;
          recordPermanentError(pool, errorPath(world, host, ds, ino, paths));
        }
      }
    }
  }
  const examined = poolAllocated(pool);
  const scan: ScanState = { start: world.clock, end: world.clock + Math.max(1000, Math.ceil((examined / SCRUB_RATE) * 1000)), examined, repaired, errors };
  pool.scan = scan;
  return scan;
}
