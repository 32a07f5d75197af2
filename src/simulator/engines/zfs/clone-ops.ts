/**
 * `zfs clone SNAP NEW`: a writable filesystem that starts as the snapshot (dsl_dataset_create_sync
 * with an origin): it shares every block with the origin snapshot — REFER as the snapshot,
 * USED only what it writes after — and the origin snapshot cannot be destroyed while the
 * clone exists. Simplified: the lab records the clone as a plain dataset (no origin field).
 */
import { checkDatasetName } from '../../model/names';
import { draftHost, editLab } from '../../model/edit';
import type { MemfsData, StoredInode } from '../kernel/types';
import type { World } from '../world';
import { findDataset, type ZfsResult } from './dataset-ops';
import { unpackBp } from './block-pointer';
import { newDataset } from './dataset-state';
import { refreshKernelSpace } from './kernel-space';
import { mountKeeping } from './rename-ops';
import { poolOfName, syncTxg } from './pool';
import { headInodes, inodeAt } from './versions';
import type { ObjectState } from './state';
import { hostKernel } from '../world';

const no = (message: string): { ok: false; error: { message: string } } => ({ ok: false, error: { message } });

/** The clones of a snapshot (`pool/fs@snap`) on a host. */
export function clonesOf(world: World, host: string, snapshot: string): string[] {
  const found = findDataset(world, host, snapshot.split('@')[0] as string);
  if (!found) return [];
  return Object.values(found.pool.datasets).filter((d) => d.origin === snapshot).map((d) => d.name);
}

/** `zfs clone SNAP NAME`. */
export function cloneSnapshot(world: World, host: string, snapshot: string, name: string): ZfsResult {
  const [originName, snapName] = snapshot.split('@') as [string, string | undefined];
  const origin = findDataset(world, host, originName);
  const snap = origin?.ds.snapshots.find((s) => s.name === snapName);
  if (!origin || !snap || snapName === undefined) return no('dataset does not exist');
  const problem = checkDatasetName(name);
  if (problem) return no(problem);
  if (poolOfName(name) !== origin.pool.name) return no('source and target pools differ');
  if (origin.pool.datasets[name]) return no('dataset already exists');
  if (!origin.pool.datasets[name.slice(0, name.lastIndexOf('/'))]) return no('parent does not exist');
  const edit = editLab(world.lab, (draft) => {
    const h = draftHost(draft, host);
    if (!h) return { ok: false, error: { code: 'no-host', message: 'no such host' } };
    h.datasets.push({ name });
    return { ok: true, value: null };
  });
  if (!edit.ok) return no(edit.error.message);
  const pool = origin.pool;
  const ds = newDataset(world, host, pool, name, 'filesystem', syncTxg(world, pool));
  ds.origin = snapshot;
  ds.originTxg = snap.txg;
  // The files as the snapshot has them, sharing its blocks.
  const head = headInodes(world, host, originName);
  const inos = new Set<number>([...Object.keys(head?.inodes ?? {}).map(Number), ...origin.ds.saved.map((v) => v.ino)]);
  const inodes: Record<string, StoredInode> = {};
  for (const ino of inos) {
    const node = inodeAt(origin.ds, head, ino, snap.txg);
    if (!node) continue;
    inodes[ino] = JSON.parse(JSON.stringify(node)) as StoredInode;
    const saved = origin.ds.saved.filter((v) => v.ino === ino && v.savedTxg > snap.txg).sort((a, b) => a.savedTxg - b.savedTxg)[0];
    const object: ObjectState | null | undefined = saved ? saved.object : origin.ds.objects[ino];
    if (object) {
      ds.objects[ino] = { blksz: object.blksz, blocks: object.blocks.slice() };
      for (const packed of object.blocks) {
        if (!packed) continue;
        const bp = unpackBp(packed);
        ds.live[bp[0]] = (ds.live[bp[0]] ?? 0) + bp[3];
      }
    }
  }
  pool.datasets[name] = ds;
  mountKeeping(world, host, name);
  const k = hostKernel(world, host);
  const sb = Object.values(k.superblocks).find((x) => x.driver === 'zfs' && x.source === name);
  if (sb && head) {
    const data = sb.data as MemfsData;
    data.inodes = inodes;
    data.root = head.root;
    data.next = head.next;
  }
  const lab = world.lab.hosts.find((h) => h.name === host);
  if (lab) refreshKernelSpace(world, lab, pool);
  return { ok: true, value: null };
}

/**
 * `zfs promote CLONE`: the clone takes over its origin snapshot and the ones before it, with
 * the blocks they hold; the old origin becomes a clone of `CLONE@SNAP` (dsl_dataset_promote).
 */
export function promoteClone(world: World, host: string, name: string): ZfsResult {
  const found = findDataset(world, host, name);
  if (!found) return no('dataset does not exist');
  const clone = found.ds;
  if (!clone.origin || clone.originTxg === undefined) return no('not a cloned filesystem');
  const [originName, snapName] = clone.origin.split('@') as [string, string];
  const origin = found.pool.datasets[originName];
  const at = origin?.snapshots.findIndex((s) => s.name === snapName) ?? -1;
  if (!origin || at < 0) return no('not a cloned filesystem');
  const snap = origin.snapshots[at] as NonNullable<(typeof origin.snapshots)[number]>;
  const moved = origin.snapshots.slice(0, at + 1);
  const clash = moved.find((s) => clone.snapshots.some((c) => c.name === s.name));
  if (clash) return no(`snapshot name '${clash.name}' from origin conflicts with '${name}@${clash.name}' from target`);
  origin.snapshots = origin.snapshots.slice(at + 1);
  clone.snapshots = [...moved, ...clone.snapshots];
  // Deadlists: what only the moved snapshots hold goes with them; the old origin's later kills of older blocks are now held through its origin.
  const originDead: Record<string, number> = { ...(origin.originDead ?? {}) };
  for (const [key, bytes] of Object.entries(origin.dead)) {
    const [birth, killed] = key.split(':').map(Number) as [number, number];
    if (birth > snap.txg) continue;
    delete origin.dead[key];
    if (killed <= snap.txg) clone.dead[key] = (clone.dead[key] ?? 0) + bytes;
    else originDead[key] = (originDead[key] ?? 0) + bytes;
  }
  for (const [key, bytes] of Object.entries(clone.originDead ?? {})) clone.dead[key] = (clone.dead[key] ?? 0) + bytes;
  delete clone.originDead;
  origin.originDead = originDead;
  // Versions the moved snapshots need move too (the clone has the same inode numbers).
  clone.saved = [...origin.saved.filter((v) => v.savedTxg <= snap.txg), ...clone.saved];
  origin.saved = origin.saved.filter((v) => v.savedTxg > snap.txg);
  const newOrigin = `${name}@${snapName}`;
  for (const d of Object.values(found.pool.datasets)) {
    if (d.origin && moved.some((s) => d.origin === `${originName}@${s.name}`)) d.origin = `${name}@${d.origin.split('@')[1] as string}`;
  }
  origin.origin = newOrigin;
  origin.originTxg = snap.txg;
  delete clone.origin;
  delete clone.originTxg;
  syncTxg(world, found.pool);
  const lab = world.lab.hosts.find((h) => h.name === host);
  if (lab) refreshKernelSpace(world, lab, found.pool);
  return { ok: true, value: null };
}
