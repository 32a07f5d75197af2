/**
 * The mount list as df reads it (gnulib mountlist.c read_file_system_list over
 * /proc/self/mountinfo) and how df thins it out (coreutils 9.7 df.c filter_mount_list):
 * pseudo file systems are "dummy" (proc, sysfs, devpts, ...), network ones "remote", and
 * of several mounts of one device only one is listed — the one whose source looks like a
 * device path, or the one nearer the root, or the one that over-mounts another.
 */
import type { CommandContext } from './command-spec';

/** One line of the mount list (gnulib struct mount_entry). */
export interface MountListEntry {
  devname: string;
  mountdir: string;
  mntroot: string;
  type: string;
  /** The filesystem's identity (st_dev): its superblock. */
  dev: string;
  dummy: boolean;
  remote: boolean;
}

/** gnulib mountlist.c ME_DUMMY_0, plus type "none". */
const DUMMY_TYPES = new Set(['autofs', 'proc', 'subfs', 'debugfs', 'devpts', 'fusectl', 'fuse.portal', 'mqueue', 'rpc_pipefs', 'sysfs', 'devfs', 'kernfs', 'ignore', 'none']);
/** gnulib mountlist.c ME_REMOTE's file system types. */
const REMOTE_TYPES = new Set(['acfs', 'afs', 'coda', 'auristorfs', 'fhgfs', 'gpfs', 'ibrix', 'ocfs2', 'vxfs']);

/** ME_REMOTE: a source with `host:`, a `//server` SMB share, or a cluster file system type. */
export function isRemote(devname: string, type: string): boolean {
  return devname.includes(':') || (devname.startsWith('//') && ['smbfs', 'smb3', 'cifs'].includes(type)) || REMOTE_TYPES.has(type) || devname === '-hosts';
}

/** The mount list of the command's mount namespace, in mountinfo order. */
export function readMountList(ctx: CommandContext): MountListEntry[] {
  const k = ctx.world.kernel[ctx.vfs.host];
  const out: MountListEntry[] = [];
  for (const m of ctx.vfs.mounts()) {
    const sb = k?.superblocks[m.sb];
    if (!sb) continue;
    out.push({ devname: sb.source, mountdir: m.path, mntroot: m.root, type: sb.fstype, dev: sb.id, dummy: DUMMY_TYPES.has(sb.fstype), remote: isRemote(sb.source, sb.fstype) });
  }
  return out;
}

/** stat(2)'s st_dev of a path: the filesystem it lands on, or null when it cannot be reached. */
export function statDev(ctx: CommandContext, path: string): string | null {
  const r = ctx.vfs.resolve(path);
  return r.ok ? r.value.sb.id : null;
}

/** What filter_mount_list needs to know about the run. */
export interface FilterOptions {
  showAll: boolean;
  showLocal: boolean;
  total: boolean;
  selected: (type: string) => boolean;
}

/**
 * df.c filter_mount_list(): of the entries for one device, the one that wins. Returns the
 * thinned list, and the winner for each device (df -a uses it to spot over-mounted entries).
 */
export function filterMountList(ctx: CommandContext, list: MountListEntry[], o: FilterOptions): { list: MountListEntry[]; byDev: Map<string, MountListEntry> } {
  const nodes: { me: MountListEntry }[] = [];
  const last = new Map<string, { me: MountListEntry }>();
  for (const me of list) {
    const dev = (me.remote && o.showLocal) || (me.dummy && !o.showAll) || !o.selected(me.type) ? null : statDev(ctx, me.mountdir);
    if (dev === null) {
      const node = { me };
      nodes.push(node);
      last.set(me.dev, node);
      continue;
    }
    const seen = last.get(dev);
    if (!seen) {
      const node = { me };
      nodes.push(node);
      last.set(dev, node);
      continue;
    }
    const targetNearerRoot = seen.me.mountdir.length > me.mountdir.length;
    const sourceBelowRoot = seen.me.mntroot.length < me.mntroot.length;
    if (!o.total && me.remote && seen.me.remote && seen.me.devname !== me.devname) {
      // Remote entries with different sources are kept: they were likely mounted on purpose.
      const node = { me };
      nodes.push(node);
      last.set(dev, node);
    } else if (
      (me.devname.includes('/') && !seen.me.devname.includes('/')) ||
      (targetNearerRoot && !sourceBelowRoot) ||
      (seen.me.devname !== me.devname && me.mountdir === seen.me.mountdir)
    ) {
      seen.me = me;
    }
  }
  const byDev = new Map<string, MountListEntry>();
  for (const [dev, node] of last) byDev.set(dev, node.me);
  return { list: nodes.map((n) => n.me), byDev };
}
