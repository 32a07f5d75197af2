/**
 * `zfs set` and `zfs inherit`: a property is set (or cleared) on the dataset's entry in the
 * lab through model/edit, which validates the value with the lab's rules (the messages of
 * libzfs zfs_valid_proplist); a changed mountpoint remounts the dataset and its children.
 */
import { draftHost, editLab } from '../../model/edit';
import { mountedPath } from '../../model/mountpoints';
import { mkdirs, mountDataset, rootVfs } from '../kernel/boot';
import { addMount, removeMount } from '../kernel/mounts';
import { hostKernel } from '../world';
import type { World } from '../world';
import { descendants, findDataset, type ZfsResult } from './dataset-ops';
import { NATIVE_DEFAULTS } from './properties';
import { refreshKernelSpace } from './kernel-space';
import { nicestrtonum } from './nicestrtonum';
import { refreservationOf, resizeZvol, volblocksizeOf, volsizeToReservation } from './zvol';

/** Read-only statistics (zfs_prop.c PROP_READONLY) `zfs set` refuses with "is readonly". */
const READONLY = new Set(['type', 'creation', 'used', 'available', 'referenced', 'compressratio', 'mounted', 'origin', 'usedbysnapshots', 'usedbydataset', 'usedbychildren', 'usedbyrefreservation', 'written', 'createtxg', 'guid', 'refcompressratio', 'logicalused', 'logicalreferenced', 'objsetid', 'volblocksize', 'casesensitivity', 'normalization', 'utf8only', 'encryption']);

const no = (message: string): { ok: false; error: { message: string } } => ({ ok: false, error: { message } });

/** Unmounts a dataset but keeps its superblock (its files) for the next mount. */
function moveOff(world: World, host: string, name: string): void {
  const k = hostKernel(world, host);
  const ns = k.initNs.mnt;
  for (const m of [...(k.namespaces[ns]?.mounts ?? [])].reverse()) {
    const sb = k.superblocks[m.sb];
    if (sb?.driver !== 'zfs' || sb.source !== name) continue;
    removeMount(world, host, ns, m.path);
    // The kernel drops a superblock nothing mounts; a dataset's files stay on the pool.
    k.superblocks[sb.id] = sb;
    rootVfs(world, host).remove(m.path, true);
  }
}

/** Mounts a dataset's existing superblock where its mountpoint now says (or a new one). */
function moveOn(world: World, host: string, name: string): void {
  const lab = world.lab.hosts.find((h) => h.name === host);
  if (!lab) return;
  const k = hostKernel(world, host);
  const sb = Object.values(k.superblocks).find((x) => x.driver === 'zfs' && x.source === name);
  const path = mountedPath(lab, name);
  if (!sb) {
    mountDataset(world, lab, name);
    return;
  }
  if (!path || path === '/') return;
  mkdirs(rootVfs(world, host), path);
  addMount(world, host, k.initNs.mnt, sb.id, path, lab.kind === 'truenas' ? 'rw,noatime' : 'rw,relatime');
}

/** Size properties `zfs set` reads with zfs_nicestrtonum, and the words each takes instead of a size. */
const SIZE_PROPERTIES: Record<string, readonly string[]> = { quota: ['none'], refquota: ['none'], reservation: ['none'], refreservation: ['none', 'auto'] };

/** zfs_nicebytes of a block size (a power of 2): `512B`, `16K`, `1M`. */
function blockSizeText(bytes: number): string {
  return bytes % 2 ** 20 === 0 ? `${bytes / 2 ** 20}M` : bytes % 1024 === 0 ? `${bytes / 1024}K` : `${bytes}B`;
}

/**
 * `zfs set volsize=SIZE VOLUME` (OpenZFS 2.3): zfs_valid_proplist's checks and words, then
 * zfs_add_synthetic_resv — a thick volume whose refreservation is what its old size needs gets
 * what the new size needs — and zvol_set_volsize. A refreservation that does not fit is
 * ENOSPC, which zfs_setprop_error words "size is greater than available space"; the size
 * then stays as it was.
 */
function setVolsize(world: World, host: string, name: string, value: string): ZfsResult {
  const lab = world.lab.hosts.find((h) => h.name === host);
  const zvol = lab?.zvols.find((z) => z.name === name);
  if (!zvol) return no("'volsize' does not apply to datasets of this type");
  const size = nicestrtonum(value);
  if (!size.ok) return no(size.message);
  const blocksize = volblocksizeOf(zvol);
  if (size.bytes % blocksize !== 0) return no(`'volsize' must be a multiple of volume block size (${blockSizeText(blocksize)})`);
  if (size.bytes === 0) return no("'volsize' cannot be zero");
  const copies = Number(zvol.properties?.copies ?? 1);
  const oldReservation = refreservationOf(zvol);
  const follows = volsizeToReservation(zvol.size, blocksize, copies) === oldReservation;
  const reservation = follows ? volsizeToReservation(size.bytes, blocksize, copies) : oldReservation;
  if (resizeZvol(world, host, name, size.bytes, reservation) === 'ENOSPC') return no('size is greater than available space');
  const edit = editLab(world.lab, (draft) => {
    const entry = draftHost(draft, host)?.zvols.find((z) => z.name === name);
    if (!entry) return { ok: false, error: { code: 'missing', message: 'dataset does not exist' } };
    entry.size = size.bytes;
    // A refreservation written as a number follows too; an implicit one is worked out from the size.
    if (follows && typeof entry.properties?.refreservation === 'number') entry.properties = { ...entry.properties, refreservation: reservation } as typeof entry.properties;
    return { ok: true, value: null };
  });
  if (!edit.ok) return no(edit.error.message);
  const found = findDataset(world, host, name);
  const entry = world.lab.hosts.find((h) => h.name === host);
  if (found && entry) refreshKernelSpace(world, entry, found.pool);
  return { ok: true, value: null };
}

/** Changes a property of a dataset: `value` undefined clears it (inherit). */
export function changeProperty(world: World, host: string, name: string, property: string, value: string | undefined): ZfsResult {
  const found = findDataset(world, host, name);
  if (!found) return no('dataset does not exist');
  if (property === 'volsize' && value !== undefined) return setVolsize(world, host, name, value);
  if (READONLY.has(property)) return no(`'${property}' is readonly`);
  const words = SIZE_PROPERTIES[property];
  if (value !== undefined && words && !words.includes(value)) {
    // zprop_parse_value → zfs_nicestrtonum: its words, not the lab file's.
    const size = nicestrtonum(value);
    if (!size.ok) return no(size.message);
    value = String(size.bytes);
  }
  if (!NATIVE_DEFAULTS[property] && !property.includes(':') && property !== 'volsize') return no(`invalid property '${property}'`);
  if (value === undefined && NATIVE_DEFAULTS[property] && !NATIVE_DEFAULTS[property]?.inherit) return no(`'${property}' property cannot be inherited`);
  const before = descendants(found.pool, name).map((d) => d.name);
  const edit = editLab(world.lab, (draft) => {
    const h = draftHost(draft, host);
    const entry = h?.datasets.find((d) => d.name === name) ?? h?.zvols.find((z) => z.name === name);
    // The pool's root dataset keeps its properties on the pool entry (rootProperties).
    const pool = entry ? undefined : h?.pools.find((p) => p.name === name);
    if (!entry && !pool) return { ok: false, error: { code: 'missing', message: 'dataset does not exist' } };
    const props = { ...(((entry ? entry.properties : pool?.rootProperties) ?? {}) as Record<string, unknown>) };
    if (value === undefined) delete props[property];
    else props[property] = /^[0-9]+$/.test(value) ? Number(value) : value;
    if (entry) entry.properties = props as never;
    else if (pool) {
      if (Object.keys(props).length > 0) pool.rootProperties = props as never;
      else delete pool.rootProperties;
    }
    return { ok: true, value: null };
  });
  if (!edit.ok) return no(edit.error.message);
  if (property === 'mountpoint') {
    // Children first off, parents first on (zfs_main.c: changelist_prefix / changelist_postfix).
    const all = [name, ...before.reverse()];
    for (const d of [...all].reverse()) moveOff(world, host, d);
    for (const d of all) moveOn(world, host, d);
  }
  const lab = world.lab.hosts.find((h) => h.name === host);
  if (lab) refreshKernelSpace(world, lab, found.pool);
  return { ok: true, value: null };
}
