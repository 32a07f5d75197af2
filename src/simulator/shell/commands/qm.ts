/**
 * `qm`: Proxmox's VM tool (qemu-server PVE/CLI/qm.pm), for VMs the lab declares. VMs are
 * configuration here: start and stop only add and remove the `kvm` process.
 */
// @sim qm | qemu-server 9.x (Proxmox VE 9) qm.pm list (%10s %-20s %-10s %-10s %12.2f %-10s), config, start, stop, shutdown, status; API error texts, exit 255
import { findVm, startVm, stopVm, vmConfigText, vmPid } from '../../engines/proxmox';
import type { Command } from '../command-spec';
import { parsePveArgs, pveError, pveUsageError, vmidProblem } from '../pve-args';

const USAGES: Record<string, string> = {
  list: 'qm list  [OPTIONS]',
  config: 'qm config <vmid> [OPTIONS]',
  start: 'qm start <vmid> [OPTIONS]',
  stop: 'qm stop <vmid> [OPTIONS]',
  shutdown: 'qm shutdown <vmid> [OPTIONS]',
  status: 'qm status <vmid> [OPTIONS]',
};
const OWN: Record<string, string[]> = { list: ['full'], config: ['current', 'snapshot'], start: ['skiplock', 'timeout'], stop: ['skiplock', 'timeout', 'keepActive'], shutdown: ['timeout', 'forceStop', 'keepActive'], status: ['verbose'] };

/** The `qm` command. */
export const qm: Command = {
  spec: {
    name: 'qm',
    summary: 'manage Proxmox VE virtual machines',
    usage: 'qm <COMMAND> [ARGS] [OPTIONS]',
    description: 'List, configure, start and stop the virtual machines of this Proxmox VE node.\n',
    options: [],
    arguments: 'raw',
    usageStatus: 255,
    imitates: 'qemu-server 9.x qm (Proxmox VE 9)',
    simplified: 'no guest runs: start/stop only add and remove the kvm process; list, config, start, stop, shutdown and status only; MACs generated from the seed',
  },
  hosts: ['proxmox'],
  complete({ args }) {
    return args.length === 0 ? Object.keys(USAGES) : null;
  },
  run(ctx, argv) {
    const sub = argv[0];
    const list = `USAGE: qm <COMMAND> [ARGS] [OPTIONS]\n${Object.values(USAGES).map((u) => `       ${u}\n`).join('')}`;
    if (sub === undefined) return { stdout: '', stderr: `ERROR: no command specified\n${list}`, exitCode: 255 };
    const usage = USAGES[sub];
    if (!usage) return { stdout: '', stderr: `ERROR: unknown command 'qm ${sub}'\n${list}`, exitCode: 255 };
    const parsed = parsePveArgs(argv.slice(1), (n) => (OWN[sub] ?? []).includes(n), (n) => ['full', 'current', 'skiplock', 'keepActive', 'forceStop', 'verbose'].includes(n));
    if ('error' in parsed) return pveUsageError(parsed.error, usage);
    const host = ctx.host;
    if (sub === 'list') {
      if (parsed.positional.length > 0) return pveUsageError(['400 too many arguments'], usage);
      const row = (a: string, b: string, c: string, d: string, e: string, f: string): string => `${a.padStart(10)} ${b.padEnd(20)} ${c.padEnd(10)} ${d.padEnd(10)} ${e.padStart(12)} ${f.padEnd(10)}\n`;
      const vms = [...(host.vms ?? [])].sort((a, b) => a.vmid - b.vmid);
      if (vms.length === 0) return { stdout: '', stderr: '', exitCode: 0 };
      const lines = vms.map((v) => {
        const pid = vmPid(ctx.world, host.name, v.vmid);
        const boot = v.disks[0]?.size ?? 0;
        return row(String(v.vmid), v.name.slice(0, 20), pid ? 'running' : 'stopped', String(v.memory), (boot / 1024 ** 3).toFixed(2), String(pid ?? 0));
      });
      return { stdout: row('VMID', 'NAME', 'STATUS', 'MEM(MB)', 'BOOTDISK(GB)', 'PID') + lines.join(''), stderr: '', exitCode: 0 };
    }
    if (parsed.positional.length < 1) return pveUsageError(['400 not enough arguments'], usage);
    if (parsed.positional.length > 1) return pveUsageError(['400 too many arguments'], usage);
    const bad = vmidProblem(parsed.positional[0]);
    if (bad) return pveUsageError(['400 Parameter verification failed.', bad], usage);
    const vmid = Number(parsed.positional[0]);
    const vm = findVm(host, vmid);
    const node = (host.hostname ?? host.name).split('.')[0] as string;
    if (!vm) return pveError(`Configuration file 'nodes/${node}/qemu-server/${vmid}.conf' does not exist`);
    const pid = vmPid(ctx.world, host.name, vmid);
    if (sub === 'config') return { stdout: vmConfigText(ctx.world, vm), stderr: '', exitCode: 0 };
    if (sub === 'status') return { stdout: `status: ${pid ? 'running' : 'stopped'}\n`, stderr: '', exitCode: 0 };
    if (sub === 'start') {
      if (pid) return pveError(`VM ${vmid} already running`);
      startVm(ctx.world, host.name, vm);
      ctx.shell.spend(1000);
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    if (sub === 'shutdown' && !pid) return pveError(`VM ${vmid} not running`);
    // QemuServer vm_stop: stopping a stopped VM is not an error.
    stopVm(ctx.world, host.name, vmid);
    return { stdout: '', stderr: '', exitCode: 0 };
  },
};
