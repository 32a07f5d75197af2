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

/** Changes a property of a dataset: `value` undefined clears it (inherit). */
export function changeProperty(world: World, host: string, name: string, property: string, value: string | undefined): ZfsResult {
  const found = findDataset(world, host, name);
  if (!found) return no('dataset does not exist');
  if (READONLY.has(property)) return no(`'${property}' is readonly`);
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
