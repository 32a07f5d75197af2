/**
 * `lsblk`: the host's block devices from the kernel's registry as util-linux lists them
 * (misc-utils/lsblk.c): whole disks with their partitions drawn as a tree, sorted by device
 * number (the default since Linux 4.8, lsblk.c sort_id = COL_MAJMIN), sizes in lsblk's
 * human format, and where each is mounted (a mount whose source is /dev/NAME,
 * lsblk-mnt.c). ZFS pool members show no mount point, as on a real host: the pool's
 * datasets are mounted by name, not by device.
 */
// @sim lsblk | util-linux 2.41 lsblk(8): default columns NAME MAJ:MIN RM SIZE RO TYPE MOUNTPOINTS, -o/-o +LIST, -d, -b, -n, -l, -r, -p, -i, -f, -a, devices as operands (exit 32/64 when not found); sorted by MAJ:MIN; no udev data beyond the registry (LABEL/UUID empty)
import { ok, type Command, type CommandContext, type CommandResult } from '../command-spec';
import { deviceTree } from '../../engines/kernel/devices';
import type { BlockDevice } from '../../engines/kernel/types';
import { mountEntries, type MountFs } from '../mount-table';
import { resolvePath } from '../path';
import { renderTable, type ScolsColumn, type ScolsLine } from '../smartcols';
import { humanSize } from '../util-linux-size';
import { quotef } from '../input-files';

interface Env {
  ctx: CommandContext;
  bytes: boolean;
  paths: boolean;
  parsable: boolean;
  mounts: MountFs[];
  /** Disks that hold a partition table. */
  partitioned: Set<string>;
}

type Getter = (dev: BlockDevice, parent: BlockDevice | undefined, env: Env) => string | string[] | undefined;

interface ColumnInfo extends ScolsColumn {
  get: Getter;
}

/** The filesystems mounted from a device, last mounted first (lsblk_device_get_filesystems() scans backwards). */
function filesystems(dev: BlockDevice, env: Env): MountFs[] {
  return env.mounts.filter((fs) => fs.source === `/dev/${dev.name}`).reverse();
}

/** get_transport(): the SCSI host type of a disk; for others (and partitions, which have no `device` link) the name prefix. */
function transport(dev: BlockDevice): string | undefined {
  if (dev.type === 'disk' && ['sata', 'iscsi', 'sas', 'usb', 'fc', 'spi'].includes(dev.transport)) return dev.transport;
  if (dev.name.startsWith('nvme')) return 'nvme';
  if (dev.name.startsWith('vd')) return 'virtio';
  if (dev.name.startsWith('mmcblk')) return 'mmc';
  return undefined;
}

/** statvfs(2) of the device's mount point (lsblk.c get_vfs_attribute()). */
function vfsAttr(dev: BlockDevice, env: Env, pick: 'avail' | 'size' | 'used' | 'percent'): string | undefined {
  const fs = filesystems(dev, env)[0];
  if (!fs) return undefined;
  const st = env.ctx.vfs.statfs(fs.target);
  if (!st.ok) return undefined;
  if (pick === 'percent') return st.value.size === 0 ? '0%' : `${Math.round((st.value.used / st.value.size) * 100)}%`;
  const n = st.value[pick];
  return env.bytes ? String(n) : humanSize(n);
}

const name = (dev: BlockDevice, env: Env): string => (env.paths ? `/dev/${dev.name}` : dev.name);
const bool = (b: boolean): string => (b ? '1' : '0');
/** A column only whole disks fill (lsblk.c: MODEL, SERIAL, VENDOR are not read for partitions). */
const whole = (f: (d: BlockDevice) => string | undefined): Getter => (d) => (d.type === 'disk' ? f(d) : undefined);

// lsblk.c infos[]: header, width hint, flags (SCOLS_FL_RIGHT as `right`).
const COLUMNS: Record<string, ColumnInfo> = {
  NAME: { header: 'NAME', whint: 0.25, get: (d, _p, env) => name(d, env) },
  KNAME: { header: 'KNAME', whint: 0.3, get: (d, _p, env) => name(d, env) },
  PATH: { header: 'PATH', whint: 0.3, get: (d) => `/dev/${d.name}` },
  PKNAME: { header: 'PKNAME', whint: 0.3, get: (_d, p, env) => (p ? name(p, env) : undefined) },
  // COL_MAJMIN: "%3u:%-3u", plain "%u:%u" for raw output.
  'MAJ:MIN': { header: 'MAJ:MIN', whint: 6, get: (d, _p, env) => (env.parsable ? `${d.major}:${d.minor}` : `${String(d.major).padStart(3)}:${String(d.minor).padEnd(3)}`) },
  MAJ: { header: 'MAJ', whint: 3, get: (d) => String(d.major) },
  MIN: { header: 'MIN', whint: 3, get: (d) => String(d.minor) },
  RM: { header: 'RM', whint: 1, right: true, get: (d) => bool(d.removable) },
  RO: { header: 'RO', whint: 1, right: true, get: (d) => bool(d.readOnly) },
  ROTA: { header: 'ROTA', whint: 1, right: true, get: (d) => bool(d.rotational) },
  SIZE: { header: 'SIZE', whint: 5, right: true, get: (d, _p, env) => (env.bytes ? String(d.size) : humanSize(d.size)) },
  TYPE: { header: 'TYPE', whint: 4, get: (d) => (d.type === 'part' ? 'part' : 'disk') },
  MOUNTPOINT: {
    header: 'MOUNTPOINT',
    whint: 0.1,
    // lsblk_device_get_mountpoint(): the last mount, or one showing the filesystem's root when the last is a bind mount.
    get: (d, _p, env) => {
      const fss = filesystems(d, env);
      return (fss[0]?.root !== '/' ? fss.find((fs) => fs.root === '/') : undefined)?.target ?? fss[0]?.target;
    },
  },
  MOUNTPOINTS: { header: 'MOUNTPOINTS', whint: 0.1, get: (d, _p, env) => filesystems(d, env).map((fs) => fs.target) },
  FSROOTS: { header: 'FSROOTS', whint: 0.1, get: (d, _p, env) => filesystems(d, env).map((fs) => fs.root) },
  FSTYPE: { header: 'FSTYPE', whint: 0.1, get: (d) => d.fstype },
  FSVER: { header: 'FSVER', whint: 0.1, get: (d) => (d.fstype === 'zfs_member' ? '5000' : d.fstype === 'vfat' ? 'FAT32' : d.fstype === 'ext4' ? '1.0' : undefined) },
  FSAVAIL: { header: 'FSAVAIL', whint: 5, right: true, get: (d, _p, env) => vfsAttr(d, env, 'avail') },
  FSSIZE: { header: 'FSSIZE', whint: 5, right: true, get: (d, _p, env) => vfsAttr(d, env, 'size') },
  FSUSED: { header: 'FSUSED', whint: 5, right: true, get: (d, _p, env) => vfsAttr(d, env, 'used') },
  'FSUSE%': { header: 'FSUSE%', whint: 3, right: true, get: (d, _p, env) => vfsAttr(d, env, 'percent') },
  MODEL: { header: 'MODEL', whint: 0.1, get: whole((d) => d.model || undefined) },
  SERIAL: { header: 'SERIAL', whint: 0.1, get: whole((d) => d.serial || undefined) },
  TRAN: { header: 'TRAN', whint: 6, get: (d) => transport(d) },
  'LOG-SEC': { header: 'LOG-SEC', whint: 7, right: true, get: (d) => String(d.logicalSector) },
  'PHY-SEC': { header: 'PHY-SEC', whint: 7, right: true, get: (d) => String(d.physicalSector) },
  'MIN-IO': { header: 'MIN-IO', whint: 6, right: true, get: (d) => String(d.physicalSector) },
  'OPT-IO': { header: 'OPT-IO', whint: 6, right: true, get: () => '0' },
  PARTTYPENAME: { header: 'PARTTYPENAME', whint: 0.1, get: (d) => d.partTypeName },
  PARTLABEL: { header: 'PARTLABEL', whint: 0.1, get: (d) => d.partLabel },
  PARTN: { header: 'PARTN', whint: 2, right: true, get: (d) => (d.partition !== undefined ? String(d.partition) : undefined) },
  PTTYPE: { header: 'PTTYPE', whint: 0.1, get: (d, _p, env) => (d.type === 'part' || env.partitioned.has(d.name) ? 'gpt' : undefined) },
  START: { header: 'START', whint: 5, right: true, get: (d) => (d.backing.kind === 'partition' ? String(Math.floor(d.backing.start / 512)) : undefined) },
  HOTPLUG: { header: 'HOTPLUG', whint: 1, right: true, get: (d) => bool(d.removable) },
  VENDOR: { header: 'VENDOR', whint: 0.1, get: whole((d) => (d.transport === 'sata' ? 'ATA     ' : undefined)) },
};

// The other lsblk 2.41 column names: accepted by -o, shown empty here.
const OTHER = 'ALIGNMENT ID ID-LINK DISC-ALN DAX DISC-GRAN DISK-SEQ DISC-MAX DISC-ZERO GROUP HCTL LABEL MODE MQ OWNER PARTFLAGS PARTTYPE PARTUUID PTUUID RAND RA REV RQ-SIZE SCHED STATE SUBSYSTEMS UUID WSAME WWN ZONED ZONE-SZ ZONE-WGRAN ZONE-APP ZONE-NR ZONE-OMAX ZONE-AMAX';
for (const n of OTHER.split(' ')) COLUMNS[n] ??= { header: n, whint: 0.1, get: () => undefined };

const DEFAULT = ['NAME', 'MAJ:MIN', 'RM', 'SIZE', 'RO', 'TYPE', 'MOUNTPOINTS'];
const FS = ['NAME', 'FSTYPE', 'FSVER', 'LABEL', 'UUID', 'FSAVAIL', 'FSUSE%', 'MOUNTPOINTS'];

/** scols_shellvar_name(): the name usable as a shell variable (`MAJ_MIN`, `FSUSE_PCT`). */
function shellvar(name: string): string {
  return name.replace(/%/g, '_PCT').replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * string_add_to_idarray() with column_name_to_id(): LIST replaces the columns, +LIST appends;
 * names are case-insensitive, shell-variable forms count; an unknown name is reported with
 * the rest of the list after it (warnx prints from the name to the end of the string).
 */
function columnList(list: string, base: string[]): string[] | { unknown: string } {
  const add = list.startsWith('+');
  const text = add ? list.slice(1) : list;
  const out = add ? [...base] : [];
  let at = 0;
  for (const n of text.split(',')) {
    const lower = n.toLowerCase();
    const key = Object.keys(COLUMNS).find((c) => c.toLowerCase() === lower || (n.includes('_') && shellvar(c).toLowerCase() === lower));
    if (!key) return { unknown: text.slice(at) };
    out.push(key);
    at += n.length + 1;
  }
  return out;
}

/** glibc makedev(): what lsblk sorts MAJ:MIN by (minors above 255 go to high bits). */
function makedev(d: BlockDevice): bigint {
  const maj = BigInt(d.major);
  const min = BigInt(d.minor);
  return ((maj & 0xfffn) << 8n) | (min & 0xffn) | ((min & ~0xffn) << 12n) | ((maj & ~0xfffn) << 32n);
}
const byDevno = (a: BlockDevice, b: BlockDevice): number => (makedev(a) < makedev(b) ? -1 : makedev(a) > makedev(b) ? 1 : 0);

/** The `lsblk` command. */
export const lsblk: Command = {
  spec: {
    name: 'lsblk',
    summary: 'list block devices',
    usage: 'lsblk [options] [<device> ...]',
    description: 'List information about block devices.\n\nOptions:',
    options: [
      { key: 'all', short: 'a', long: 'all', help: 'print all devices' },
      { key: 'bytes', short: 'b', long: 'bytes', help: 'print SIZE in bytes instead of a human-readable format' },
      { key: 'nodeps', short: 'd', long: 'nodeps', help: "don't print slaves or holders" },
      { key: 'fs', short: 'f', long: 'fs', help: 'output info about filesystems' },
      { key: 'ascii', short: 'i', long: 'ascii', help: 'use ascii characters only' },
      { key: 'list', short: 'l', long: 'list', help: 'use list format output' },
      { key: 'noheadings', short: 'n', long: 'noheadings', help: "don't print headings" },
      { key: 'output', short: 'o', long: 'output', value: 'list', help: 'output columns' },
      { key: 'paths', short: 'p', long: 'paths', help: 'print complete device path' },
      { key: 'raw', short: 'r', long: 'raw', help: 'use raw output format' },
      { key: 'version', short: 'V', long: 'version', help: 'display version' },
    ],
    arguments: 'gnu',
    usageStatus: 1,
    imitates: 'util-linux 2.41 lsblk',
    simplified: 'no -J/-P/-S/-t/-x/-s; LABEL, UUID and other udev columns are empty; columns are not shrunk to the terminal width',
  },
  run(ctx, _argv, opts) {
    const f = opts.flags;
    if (f['version']) return ok('lsblk from util-linux 2.41\n');
    let names = f['fs'] ? FS : DEFAULT;
    if (typeof f['output'] === 'string') {
      // string_add_to_idarray(): LIST replaces, +LIST appends; names are case-insensitive.
      const parsed = columnList(f['output'], names);
      if (!Array.isArray(parsed)) return { stdout: '', stderr: `lsblk: unknown column: ${parsed.unknown}\n`, exitCode: 1 };
      names = parsed;
    }
    const raw = Boolean(f['raw']);
    const tree = !f['list'] && !raw;
    const forest = deviceTree(ctx.world, ctx.vfs.host);
    const env: Env = {
      ctx,
      bytes: Boolean(f['bytes']),
      paths: Boolean(f['paths']),
      parsable: raw,
      mounts: mountEntries(ctx.world, ctx.vfs),
      partitioned: new Set(forest.filter((t) => t.parts.length > 0).map((t) => t.disk.name)),
    };

    // Operands: devices by path (stat(2) must say block device); a partition stands alone.
    let roots: { dev: BlockDevice; parts: BlockDevice[] }[] = forest.map((t) => ({ dev: t.disk, parts: t.parts }));
    let stderr = '';
    let failed = 0;
    if (opts.operands.length > 0) {
      roots = [];
      for (const arg of opts.operands) {
        const st = ctx.vfs.stat(resolvePath(ctx.cwd, arg));
        const rdev = st.ok && st.value.type === 'blk' ? st.value.rdev : undefined;
        const all = forest.flatMap((t) => [t.disk, ...t.parts]);
        const dev = rdev ? all.find((d) => d.major === rdev[0] && d.minor === rdev[1]) : undefined;
        if (!dev) {
          stderr += `lsblk: ${quotef(arg)}: not a block device\n`;
          failed++;
          continue;
        }
        roots.push({ dev, parts: dev.type === 'disk' ? (forest.find((t) => t.disk === dev)?.parts ?? []) : [] });
      }
    }
    if (!opts.operands.length || roots.length > 0) roots.sort((a, b) => byDevno(a.dev, b.dev));
    const columns = names.map((n) => {
      const c = COLUMNS[n] as ColumnInfo;
      // The tree is drawn in NAME, which is then left-aligned.
      return n === 'NAME' && tree ? { ...c, tree: true, right: false } : c;
    });
    const lineOf = (dev: BlockDevice, parent: BlockDevice | undefined): ScolsLine => ({ cells: columns.map((c) => c.get(dev, parent, env)), children: [] });
    let lines: ScolsLine[];
    if (tree || raw) {
      lines = roots.map((r) => ({ ...lineOf(r.dev, undefined), children: f['nodeps'] ? [] : [...r.parts].sort(byDevno).map((p) => lineOf(p, r.dev)) }));
      if (!tree) lines = lines.flatMap((l) => [{ cells: l.cells }, ...(l.children ?? [])]);
    } else {
      // A list is sorted as a whole by MAJ:MIN (scols_sort_table on a flat table).
      const flat = roots.flatMap((r) => [{ dev: r.dev, parent: undefined as BlockDevice | undefined }, ...(f['nodeps'] ? [] : r.parts.map((p) => ({ dev: p, parent: r.dev })))]);
      lines = flat.sort((a, b) => byDevno(a.dev, b.dev)).map((x) => lineOf(x.dev, x.parent));
    }
    const stdout = lines.length > 0 ? renderTable(columns, lines, { noheadings: Boolean(f['noheadings']), raw, ascii: Boolean(f['ascii']) }) : '';
    // lsblk.c: 32 when every named device failed, 64 when some did.
    const exitCode = failed === 0 ? 0 : failed === opts.operands.length ? 32 : 64;
    return { stdout, stderr, exitCode } satisfies CommandResult;
  },
};
