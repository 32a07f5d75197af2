/**
 * What a power cut undoes. Changes gather in the open txg and reach the disks only when it
 * syncs (a new uberblock); until then the previous uberblock is the pool's state. The
 * simulator keeps, for the open txg only, each changed file's inode and block pointers as
 * they were and each dataset's accounting, so a power cut (`lab power-cut`) brings the pool
 * back at its last synced txg with every earlier file intact (spa_import picks the highest
 * valid uberblock). Simplified: zvol writes are not journaled.
 */
import type { MemfsData, StoredInode } from '../kernel/types';
import type { World } from '../world';
import type { DatasetState, PoolState } from './state';
import { headInodes } from './versions';

/** Keeps `ino` of `ds` as it was before the open txg touched it (once per txg). */
export function journalChange(pool: PoolState, ds: DatasetState, data: MemfsData | null, ino: number): void {
  if (!pool.journal || pool.journal.txg !== pool.openTxg) pool.journal = { txg: pool.openTxg, vdevs: pool.vdevs.map((v) => ({ next: v.next, alloc: v.alloc })), datasets: {} };
  const j = pool.journal;
  const entry = (j.datasets[ds.name] ??= { live: { ...ds.live }, dead: { ...ds.dead }, saved: ds.saved.length, inodes: {} });
  if (entry.inodes[ino] !== undefined) return;
  const inode = data?.inodes[ino];
  const object = ds.objects[ino];
  entry.inodes[ino] = { inode: inode ? (JSON.parse(JSON.stringify(inode)) as unknown) : null, object: object ? { blksz: object.blksz, blocks: object.blocks.slice() } : null };
}

/** A power cut: undoes what the open txg changed on every pool of the host; returns the txg each pool came back at. */
export function powerCut(world: World, host: string, pools: PoolState[]): { pool: string; txg: number; files: number }[] {
  const out: { pool: string; txg: number; files: number }[] = [];
  for (const pool of pools) {
    const j = pool.journal;
    let files = 0;
    if (j && j.txg === pool.openTxg) {
      j.vdevs.forEach((v, i) => {
        const vdev = pool.vdevs[i];
        if (vdev) {
          vdev.next = v.next;
          vdev.alloc = v.alloc;
        }
      });
      for (const [name, entry] of Object.entries(j.datasets)) {
        const ds = pool.datasets[name];
        if (!ds) continue;
        ds.live = entry.live;
        ds.dead = entry.dead;
        ds.saved = ds.saved.slice(0, entry.saved);
        const data = headInodes(world, host, name);
        for (const [key, before] of Object.entries(entry.inodes)) {
          files++;
          if (data) {
            if (before.inode) data.inodes[key] = before.inode as StoredInode;
            else delete data.inodes[key];
          }
          if (before.object) ds.objects[key] = before.object;
          else delete ds.objects[key];
        }
      }
    }
    delete pool.journal;
    // The pool imports at its last synced uberblock; the next txg reuses the lost one's number.
    pool.openTxg = pool.txg + 1;
    pool.syncedAt = world.clock;
    out.push({ pool: pool.name, txg: pool.txg, files });
  }
  return out;
}
