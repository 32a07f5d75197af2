/**
 * `pvesm add iscsi ID --portal IP[:PORT] --target IQN [--content none]`, `pvesm status`,
 * `pvesm list ID`, `pvesm remove ID` (pve-storage 9 PVE/CLI/pvesm.pm over
 * API2/Storage/Config.pm and Storage.pm). Adding an iSCSI storage activates it at once, as
 * Config.pm create does "to detect errors/problems sooner": ISCSIPlugin activate_storage
 * runs iscsiadm (node list, sendtargets discovery when the portal answers, the
 * initial_login_retry_max update, login) through run_command — output passes through, a
 * failing command is warned as `command '...' failed: exit code N` and the storage is added
 * all the same. `pvesm list` and `pvesm status` activate the storage the same way.
 */
// @sim pvesm | pve-storage 9.1 PVE/CLI/pvesm.pm: add iscsi (ISCSIPlugin activate_storage through iscsiadm, warnings as run_command), remove, status (Name/Type/Status/Total (KiB)/Used (KiB)/Available (KiB)/% as print_status), list (Volid/Format/Type/Size/VMID as print_content); exit 255 on errors
import { connect } from '../../engines/net/connect';
import { addStorage, hasIscsiSession, iscsiVolumes, removeStorage, storageEntries, storageStatus } from '../../engines/proxmox/storage';
import type { ProxmoxStorage } from '../../model/proxmox-storage';
import { orderedOutput, type OrderedOutput } from '../command-output';
import type { Command, CommandContext, CommandResult, ParsedOptions } from '../command-spec';
import { parsePveArgs, pveError, pveUsageError } from '../pve-args';

const ISCSIADM = '/usr/bin/iscsiadm';
/** ISCSIPlugin.pm $ISCSI_TARGET_RE. */
const ISCSI_TARGET_RE = /^(\S+:\d+),\S+\s+(\S+)\s*$/;
/** pve-storage's storage types (the `type` enumeration of pvesm add). */
const TYPES = ['btrfs', 'cephfs', 'cifs', 'dir', 'esxi', 'iscsi', 'iscsidirect', 'lvm', 'lvmthin', 'nfs', 'pbs', 'rbd', 'zfs', 'zfspool'];
const OPTIONS = new Set(['portal', 'target', 'content', 'nodes', 'disable', 'shared', 'path', 'pool', 'vgname', 'base', 'server', 'export', 'sparse', 'blocksize']);
const BOOLS = new Set(['disable', 'shared', 'sparse']);

const USAGE: Record<string, string> = {
  add: 'pvesm add <type> <storage> [OPTIONS]',
  remove: 'pvesm remove <storage> [OPTIONS]',
  status: 'pvesm status  [OPTIONS]',
  list: 'pvesm list <storage> [OPTIONS]',
};

/** Runs iscsiadm as run_command does: stdout to `outfunc` (or through), stderr through; returns the exit code. */
function runIscsiadm(ctx: CommandContext, o: OrderedOutput, args: string[], outfunc?: (line: string) => void): number {
  const tool = ctx.commands.get('iscsiadm');
  if (!tool) return 127;
  const r = tool.run(ctx, args, {} as ParsedOptions);
  const chunks = r.chunks ?? [{ fd: 1 as const, text: r.stdout }, { fd: 2 as const, text: r.stderr }];
  for (const c of chunks) {
    if (c.fd === 2) o.err(c.text);
    else if (outfunc) for (const line of c.text.split('\n').filter((l) => l !== '')) outfunc(line);
    else o.out(c.text);
  }
  return r.exitCode;
}

/** run_command's die, as the caller warns it. */
function warnFailed(o: OrderedOutput, args: string[], code: number): void {
  o.err(`command '${ISCSIADM} ${args.join(' ')}' failed: exit code ${code}\n`);
}

/** ISCSIPlugin activate_storage: log in unless a session to the target exists. */
function activateIscsi(ctx: CommandContext, o: OrderedOutput, s: Extract<ProxmoxStorage, { type: 'iscsi' }>): void {
  if (hasIscsiSession(ctx.world, ctx.host.name, s.target)) return;
  // iscsi_portals: the target's portals from the node records, else the configured one.
  const portals: string[] = [];
  const listArgs = ['--mode', 'node'];
  const listed = runIscsiadm(ctx, o, listArgs, (line) => {
    const m = ISCSI_TARGET_RE.exec(line);
    if (m && m[2] === s.target) portals.push(m[1] as string);
  });
  if (listed !== 0) warnFailed(o, listArgs, listed);
  if (portals.length === 0) portals.push(s.portal);
  // iscsi_discovery: each portal that answers a TCP ping (tcp_ping, 2 s), until one gives targets.
  for (const portal of portals) {
    const m = /^(.*?)(?::(\d+))?$/.exec(portal);
    const address = m?.[1] ?? portal;
    const port = m?.[2] ? Number(m[2]) : 3260;
    if (!connect(ctx.world, ctx.host.name, address, port).ok) continue;
    let found = 0;
    runIscsiadm(ctx, o, ['--mode', 'discovery', '--type', 'sendtargets', '--portal', portal], (line) => {
      if (ISCSI_TARGET_RE.test(line)) found++;
    });
    if (found > 0) break;
  }
  const updateArgs = ['--mode', 'node', '--targetname', s.target, '--op', 'update', '--name', 'node.session.initial_login_retry_max', '--value', '0'];
  const updated = runIscsiadm(ctx, o, updateArgs);
  if (updated !== 0) warnFailed(o, updateArgs, updated);
  const loginArgs = ['--mode', 'node', '--targetname', s.target, '--login'];
  const login = runIscsiadm(ctx, o, loginArgs);
  if (login !== 0) warnFailed(o, loginArgs, login);
}

/** Activates every enabled iSCSI storage of the host (Storage.pm activate_storage per storage). */
function activateAll(ctx: CommandContext, o: OrderedOutput, only?: string): void {
  for (const s of storageEntries(ctx.host)) if (s.type === 'iscsi' && s.disable !== true && (only === undefined || s.id === only)) activateIscsi(ctx, o, s);
}

/** `pvesm add TYPE ID --opt value...`. */
function add(ctx: CommandContext, positional: string[], options: [string, string][]): CommandResult {
  const [type, id, ...extra] = positional;
  if (type === undefined || id === undefined) return pveUsageError(['400 not enough arguments'], USAGE.add as string);
  if (extra.length > 0) return pveUsageError(['400 too many arguments'], USAGE.add as string);
  if (!TYPES.includes(type)) return pveUsageError(['400 Parameter verification failed.', `type: value '${type}' does not have a value in the enumeration '${TYPES.join(', ')}'`], USAGE.add as string);
  if (type !== 'iscsi') return pveError(`pvesm add ${type}: only iscsi storages are added by pvesm in this simulator (declare other storages in the lab)`);
  const opts = new Map(options);
  for (const key of ['portal', 'target']) if (!opts.has(key)) return pveError(`missing value for required option '${key}'`);
  for (const key of opts.keys()) if (!['portal', 'target', 'content', 'nodes', 'disable', 'shared'].includes(key)) return pveError(`unexpected property '${key}'`);
  // ISCSIPlugin plugindata: content images or none, images by default.
  const content = (opts.get('content') ?? 'images').split(',').filter((c) => c !== '');
  const bad = content.find((c) => c !== 'images' && c !== 'none');
  if (bad) return pveError(`create storage failed: unsupported content type '${bad}'`);
  const entry = { id, type: 'iscsi', portal: opts.get('portal') as string, target: opts.get('target') as string, content, ...(opts.get('disable') === '1' ? { disable: true } : {}), ...(opts.get('shared') === '1' ? { shared: true } : {}) } as ProxmoxStorage;
  const made = addStorage(ctx.world, ctx.host.name, entry);
  if (!made.ok) return pveError(made.message);
  const o = orderedOutput();
  if (entry.type === 'iscsi' && entry.disable !== true) activateIscsi(ctx, o, entry);
  return o.result(0);
}

/** `pvesm status`: print_status. */
function status(ctx: CommandContext): CommandResult {
  const o = orderedOutput();
  activateAll(ctx, o);
  const rows = storageStatus(ctx.world, ctx.host);
  const width = Math.max(0, ...rows.map((r) => r.storage.length)) + 1;
  const num = (n: number, w: number): string => String(Math.trunc(n / 1024)).padStart(w);
  let text = `${'Name'.padEnd(width)} ${'Type'.padStart(10)} ${'Status'.padStart(10)} ${'Total (KiB)'.padStart(15)} ${'Used (KiB)'.padStart(15)} ${'Available (KiB)'.padStart(15)} ${'%'.padStart(8)}\n`;
  for (const r of [...rows].sort((a, b) => (a.storage < b.storage ? -1 : 1))) {
    const state = r.enabled ? (r.active ? 'active' : 'inactive') : 'disabled';
    // '% 7.2f%%', or '% 8s' with N/A for a disabled storage.
    const per = r.enabled ? `${(r.total > 0 ? (r.used * 100) / r.total : 0).toFixed(2).padStart(7)}%` : 'N/A'.padStart(8);
    text += `${r.storage.padEnd(width)} ${r.type.padStart(10)} ${state.padStart(10)} ${num(r.total, 15)} ${num(r.used, 15)} ${num(r.avail, 15)} ${per}\n`;
  }
  o.out(text);
  return o.result(0);
}

/** `pvesm list ID`: print_content. */
function list(ctx: CommandContext, id: string | undefined): CommandResult {
  if (id === undefined) return pveUsageError(['400 not enough arguments'], USAGE.list as string);
  const s = storageEntries(ctx.host).find((x) => x.id === id);
  if (!s) return pveError(`storage '${id}' does not exist`);
  const o = orderedOutput();
  if (s.type === 'iscsi') activateIscsi(ctx, o, s);
  const vols = s.type === 'iscsi' ? iscsiVolumes(ctx.world, ctx.host.name, s) : [];
  const nameWidth = Math.max(0, ...vols.map((v) => v.volid.length));
  const sizeWidth = String(Math.max(0, ...vols.map((v) => v.size))).length;
  const row = (volid: string, format: string, type: string, size: string): string => `${volid.padEnd(nameWidth)} ${format.padEnd(7)} ${type.padEnd(9)} ${size.padStart(sizeWidth)}`;
  let text = `${row('Volid', 'Format', 'Type', 'Size')} VMID\n`;
  for (const v of vols) text += `${row(v.volid, v.format, v.content, String(v.size))}\n`;
  o.out(text);
  return o.result(0);
}

/** The `pvesm` command. */
export const pvesm: Command = {
  spec: {
    name: 'pvesm',
    summary: 'Proxmox VE storage manager',
    usage: 'pvesm <COMMAND> [ARGS] [OPTIONS]',
    description: 'Add, remove, list and show the status of Proxmox VE storages.\n',
    options: [],
    arguments: 'raw',
    usageStatus: 255,
    imitates: 'pve-storage 9.1 pvesm',
    simplified: 'subcommands add (iscsi only), remove, status and list; pvesm list shows iSCSI LUNs (other storages list nothing); status figures of dir and zfspool storages come from the simulated filesystem and pool; no set, alloc, free, scan, path, export or import',
  },
  hosts: ['proxmox'],
  complete(request) {
    if (request.args.length === 0) return ['add', 'list', 'remove', 'status'].filter((w) => w.startsWith(request.word));
    const sub = request.args[0];
    if ((sub === 'list' || sub === 'remove') && request.args.length === 1) return storageEntries(request.host).map((s) => s.id).filter((w) => w.startsWith(request.word));
    if (sub === 'add' && request.args.length === 1) return TYPES.filter((w) => w.startsWith(request.word));
    if (sub === 'add' && request.word.startsWith('-')) return ['--portal', '--target', '--content', '--disable', '--shared', '--nodes'].filter((w) => w.startsWith(request.word));
    return [];
  },
  run(ctx, argv): CommandResult {
    const [sub, ...rest] = argv;
    if (sub === undefined) return { stdout: '', stderr: 'ERROR: no command specified\n', exitCode: 255 };
    const usage = USAGE[sub];
    if (!usage) return { stdout: '', stderr: `ERROR: unknown command 'pvesm ${sub}'\n`, exitCode: 255 };
    const parsed = parsePveArgs(rest, (n) => OPTIONS.has(n), (n) => BOOLS.has(n));
    if ('error' in parsed) return pveUsageError(parsed.error, usage);
    switch (sub) {
      case 'add':
        return add(ctx, parsed.positional, parsed.options);
      case 'remove': {
        const [id, ...more] = parsed.positional;
        if (id === undefined) return pveUsageError(['400 not enough arguments'], usage);
        if (more.length > 0) return pveUsageError(['400 too many arguments'], usage);
        const gone = removeStorage(ctx.world, ctx.host.name, id);
        return gone.ok ? { stdout: '', stderr: '', exitCode: 0 } : pveError(gone.message);
      }
      case 'status':
        return status(ctx);
      default:
        return list(ctx, parsed.positional[0]);
    }
  },
};
