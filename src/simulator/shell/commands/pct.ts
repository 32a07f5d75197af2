/**
 * `pct`: the Proxmox container tool (pve-container src/PVE/CLI/pct.pm over the API in
 * src/PVE/API2/LXC*.pm). Containers are configured through the lab model and run on the
 * kernel's namespaces, cgroups and mounts (engines/proxmox); `pct enter` and `pct exec`
 * run a shell or a command inside the container's namespaces.
 */
// @sim pct | pve-container 6.x (Proxmox VE 9) pct.pm: create start stop shutdown reboot destroy enter exec set config list status mount unmount pull push; API error texts, exit 255
import { encodeText, renderPctConf } from '../../exporters/pve-lxc-conf';
import { createContainer, destroyContainer, findContainer, isContainerOption, mountContainer, runningContainer, setContainerOptions, startContainer, stopContainer, unmountContainer } from '../../engines/proxmox';
import { createVfs } from '../../engines/kernel/vfs';
import { rootVfs } from '../../engines/kernel/boot';
import { quoteArgs } from '../quote';
import type { Command, CommandContext, CommandResult } from '../command-spec';
import { parsePveArgs, pveError, pveUsageError, vmidProblem } from '../pve-args';

const USAGES: Record<string, string> = {
  create: 'pct create <vmid> <ostemplate> [OPTIONS]',
  start: 'pct start <vmid> [OPTIONS]',
  stop: 'pct stop <vmid> [OPTIONS]',
  shutdown: 'pct shutdown <vmid> [OPTIONS]',
  reboot: 'pct reboot <vmid> [OPTIONS]',
  destroy: 'pct destroy <vmid> [OPTIONS]',
  enter: 'pct enter <vmid> [OPTIONS]',
  exec: 'pct exec <vmid> [<extra-args>] [OPTIONS]',
  set: 'pct set <vmid> [OPTIONS]',
  config: 'pct config <vmid> [OPTIONS]',
  list: 'pct list',
  status: 'pct status <vmid> [OPTIONS]',
  mount: 'pct mount <vmid>',
  unmount: 'pct unmount <vmid>',
  pull: 'pct pull <vmid> <path> <destination> [OPTIONS]',
  push: 'pct push <vmid> <file> <destination> [OPTIONS]',
};

// Each sub-command's own options (pct.pm / API2 parameters) besides the container options of create and set.
const OWN_OPTIONS: Record<string, Record<string, boolean>> = {
  start: { debug: true, skiplock: true },
  stop: { skiplock: true, 'overrule-shutdown': true },
  shutdown: { timeout: false, forceStop: true },
  reboot: { timeout: false },
  destroy: { purge: true, force: true, 'destroy-unreferenced-disks': true },
  enter: { 'keep-env': true },
  exec: { 'keep-env': true },
  config: { current: true, snapshot: false },
  status: { verbose: true },
  pull: { user: false, group: false, perms: false },
  push: { user: false, group: false, perms: false },
};
const POSITIONALS: Record<string, number> = { create: 2, list: 0, pull: 3, push: 3 };

/** pct's `help` list (pct.pm $cmddef), as printed after ERROR lines. */
function commandList(): string {
  return `USAGE: pct <COMMAND> [ARGS] [OPTIONS]\n${Object.values(USAGES).map((u) => `       ${u}\n`).join('')}`;
}

/** An API error: a parameter check (`NAME: …`) with its 400 header and the usage line, else the plain message. */
function apiError(message: string, usage: string): CommandResult {
  // A hotplug error keeps the newline of the die it wraps (Config.pm vmconfig_hotplug_pending),
  // and PVE::Exception stringify adds its own after each error: a blank line follows it.
  if (/^mp\d+: unable to hotplug /.test(message)) return pveUsageError(['400 Parameter verification failed.', message, ''], usage);
  return /^[a-z][a-z0-9-]*: (type check|value must|invalid format|property is missing|value without key|duplicate key)/.test(message) ? pveUsageError(['400 Parameter verification failed.', message], usage) : pveError(message);
}

/** `pct list` (pct.pm list: "%-10s %-10s %-12s %-20s"). */
function list(ctx: CommandContext): CommandResult {
  const row = (a: string, b: string, c: string, d: string): string => `${a.padEnd(10)} ${b.padEnd(10)} ${c.padEnd(12)} ${d.padEnd(20)}`.trimEnd() + '\n';
  const cts = [...(ctx.host.containers ?? [])].sort((a, b) => a.vmid - b.vmid);
  if (cts.length === 0) return { stdout: '', stderr: '', exitCode: 0 };
  const lines = cts.map((c) => row(String(c.vmid), runningContainer(ctx.world, ctx.host.name, c.vmid) ? 'running' : 'stopped', '', c.hostname ?? `CT${c.vmid}`));
  return { stdout: row('VMID', 'Status', 'Lock', 'Name') + lines.join(''), stderr: '', exitCode: 0 };
}

/** `pct config`: the config's keys sorted, description %-encoded (pct.pm config printer), then the raw lxc lines. */
function config(ctx: CommandContext, vmid: number): string {
  const ct = findContainer(ctx.world, ctx.host.name, vmid);
  if (!ct) return '';
  const lines = renderPctConf(ct, ctx.host).split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  if (ct.description) {
    lines.push(`description: ${encodeText(ct.description).replace(/\n/g, '%0A')}`);
    const pve = lines.filter((l) => !l.startsWith('lxc.')).sort();
    return [...pve, ...lines.filter((l) => l.startsWith('lxc.'))].map((l) => `${l}\n`).join('');
  }
  return lines.map((l) => `${l}\n`).join('');
}

/** `pct pull` / `pct push`: copies a file between the host and the container's root (running or not). */
function copyFile(ctx: CommandContext, vmid: number, push: boolean, from: string, to: string, options: Record<string, string>): CommandResult {
  const running = runningContainer(ctx.world, ctx.host.name, vmid);
  const mounted = running ? null : mountContainer(ctx.world, ctx.host.name, vmid);
  if (typeof mounted === 'string') return pveError(mounted);
  const host = rootVfs(ctx.world, ctx.host.name);
  const inside = running ? createVfs({ world: ctx.world, host: ctx.host.name, mntNs: running.ns.mnt, uid: running.rootUid, gid: running.rootGid }) : host;
  const prefix = mounted ? mounted.path : '';
  const src = push ? host : inside;
  const dst = push ? inside : host;
  const srcPath = push ? from : prefix + from;
  const dstPath = push ? prefix + to : to;
  const data = src.readContent(srcPath);
  if (!data.ok) return pveError(push ? `can't open file - ${data.errno === 'ENOENT' ? 'No such file or directory' : data.errno}` : `unable to open file '${from}' - ${data.errno === 'ENOENT' ? 'No such file or directory' : data.errno}`);
  const w = dst.writeContent(dstPath, data.value, { create: true, truncate: true });
  if (!w.ok) return pveError(`unable to create file '${to}' - ${w.errno}`);
  if (push) {
    const uid = running ? running.rootUid + Number(options.user ?? 0) : Number(options.user ?? 0);
    const gid = running ? running.rootGid + Number(options.group ?? 0) : Number(options.group ?? 0);
    dst.setattr(dstPath, { uid, gid, ...(options.perms ? { mode: parseInt(options.perms, 8) } : {}) });
  }
  if (mounted) unmountContainer(ctx.world, ctx.host.name, vmid);
  return { stdout: '', stderr: '', exitCode: 0 };
}

/** The `pct` command. */
export const pct: Command = {
  spec: {
    name: 'pct',
    summary: 'manage Proxmox VE containers',
    usage: 'pct <COMMAND> [ARGS] [OPTIONS]',
    description: 'Create, start, enter and configure LXC containers on this Proxmox VE node.\n',
    options: [],
    arguments: 'raw',
    usageStatus: 255,
    imitates: 'pve-container 6.x pct (Proxmox VE 9)',
    simplified: 'rootfs and volume mount points on zfspool storage only; no snapshots, backups, migration or pending changes; of hotplug only new mpN on a running container; per-mount idmap= not modelled; lxcfs not simulated (free and /proc/meminfo inside show the host); description printed %-encoded on one line',
  },
  hosts: ['proxmox'],
  complete({ args }) {
    return args.length === 0 ? Object.keys(USAGES) : null;
  },
  run(ctx, argv) {
    const sub = argv[0];
    if (sub === undefined) return { stdout: '', stderr: `ERROR: no command specified\n${commandList()}`, exitCode: 255 };
    const usage = USAGES[sub];
    if (!usage) return { stdout: '', stderr: `ERROR: unknown command 'pct ${sub}'\n${commandList()}`, exitCode: 255 };
    const own = OWN_OPTIONS[sub] ?? {};
    const withConfig = sub === 'create' || sub === 'set';
    const parsed = parsePveArgs(argv.slice(1), (n) => n in own || (withConfig && isContainerOption(n)), (n) => own[n] === true || ['onboot', 'protection', 'unprivileged', 'start', 'force'].includes(n));
    if ('error' in parsed) return pveUsageError(parsed.error, usage);
    const wanted = POSITIONALS[sub] ?? 1;
    if (parsed.positional.length < wanted) return pveUsageError(['400 not enough arguments'], usage);
    if (parsed.positional.length > wanted && sub !== 'exec') return pveUsageError(['400 too many arguments'], usage);
    if (sub === 'list') return list(ctx);
    const badVmid = vmidProblem(parsed.positional[0]);
    if (badVmid) return pveUsageError(['400 Parameter verification failed.', badVmid], usage);
    const vmid = Number(parsed.positional[0]);
    const options = Object.fromEntries(parsed.options);
    const world = ctx.world;
    const hostName = ctx.host.name;
    const node = (ctx.host.hostname ?? ctx.host.name).split('.')[0] as string;

    if (sub === 'create') {
      const created = createContainer(world, hostName, vmid, parsed.positional[1] as string, options);
      if (!created.ok) return apiError(created.message, usage);
      ctx.shell.spend(6000);
      const out = created.lines.map((l) => `${l}\n`).join('');
      if (options.start === '1') {
        const started = startContainer(world, ctx.host, findContainer(world, hostName, vmid) as NonNullable<ReturnType<typeof findContainer>>);
        if (!started.ok) return { stdout: out, stderr: started.lines.map((l) => `${l}\n`).join(''), exitCode: 255 };
      }
      return { stdout: out, stderr: '', exitCode: 0 };
    }
    const ct = findContainer(world, hostName, vmid);
    // PVE::LXC::Config load_config.
    if (!ct) return pveError(`Configuration file 'nodes/${node}/lxc/${vmid}.conf' does not exist`);
    const running = runningContainer(world, hostName, vmid);
    switch (sub) {
      case 'status':
        return { stdout: `status: ${running ? 'running' : 'stopped'}\n`, stderr: '', exitCode: 0 };
      case 'config':
        return { stdout: config(ctx, vmid), stderr: '', exitCode: 0 };
      case 'set': {
        const problem = setContainerOptions(world, hostName, vmid, parsed.options);
        return problem ? apiError(problem, usage) : { stdout: '', stderr: '', exitCode: 0 };
      }
      case 'start': {
        // API2/LXC/Status.pm vm_start.
        if (running) return pveError(`CT ${vmid} already running`);
        const started = startContainer(world, ctx.host, ct);
        ctx.shell.spend(1500);
        return started.ok ? { stdout: '', stderr: '', exitCode: 0 } : { stdout: '', stderr: started.lines.map((l) => `${l}\n`).join(''), exitCode: 255 };
      }
      case 'stop':
      case 'shutdown':
        if (!running) return pveError(`CT ${vmid} not running`);
        stopContainer(world, hostName, vmid);
        ctx.shell.spend(sub === 'shutdown' ? 3000 : 500);
        return { stdout: '', stderr: '', exitCode: 0 };
      case 'reboot': {
        if (!running) return pveError(`CT ${vmid} not running`);
        stopContainer(world, hostName, vmid);
        const started = startContainer(world, ctx.host, ct);
        return started.ok ? { stdout: '', stderr: '', exitCode: 0 } : { stdout: '', stderr: started.lines.map((l) => `${l}\n`).join(''), exitCode: 255 };
      }
      case 'destroy': {
        const problem = destroyContainer(world, hostName, vmid);
        return problem ? pveError(problem) : { stdout: '', stderr: '', exitCode: 0 };
      }
      case 'mount': {
        const m = mountContainer(world, hostName, vmid);
        return typeof m === 'string' ? pveError(m) : { stdout: `mounted CT ${vmid} in '${m.path}'\n`, stderr: '', exitCode: 0 };
      }
      case 'unmount':
        unmountContainer(world, hostName, vmid);
        return { stdout: '', stderr: '', exitCode: 0 };
      case 'pull':
      case 'push':
        return copyFile(ctx, vmid, sub === 'push', parsed.positional[1] as string, parsed.positional[2] as string, options);
      default: {
        // enter / exec: pct.pm checks the container runs, then lxc-attach.
        if (!running) return pveError(`container '${vmid}' not running!`);
        const target = { container: vmid, ns: running.ns, uid: running.rootUid, gid: running.rootGid, cgroup: `${running.cgroup}/ns/user.slice` };
        if (sub === 'enter') {
          ctx.shell.attach(target);
          return { stdout: '', stderr: '', exitCode: 0 };
        }
        const words = [...parsed.positional.slice(1), ...parsed.rest];
        if (words.length === 0) return pveError('missing command');
        return ctx.shell.runAttached(target, quoteArgs(words));
      }
    }
  },
};
