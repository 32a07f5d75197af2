/**
 * Virtual machines stay configuration: no guest kernel runs. `qm start` puts a `kvm`
 * process on the host with the VM's memory as its resident size (what `ps` and `free`
 * show of a running VM), `qm stop` ends it; `qm config` prints the config as qemu-server
 * keeps it (keys sorted, PVE::QemuServer write_vm_config).
 */
// @sim qm | qemu-server 9.x qm.pm list/config/start/stop/status: the config from the lab, a kvm process while "running", no guest
import type { Host } from '../../model/host';
import type { Vm } from '../../model/vm';
import { formatPveSize } from '../../exporters/pve-property-string';
import { exitProcess, spawnProcess } from '../kernel/processes';
import type { World } from '../world';
import { generatedMac } from './config-options';
import { proxmoxHost } from './state';

/** A VM of a host by VMID. */
export function findVm(host: Host, vmid: number): Vm | undefined {
  return (host.vms ?? []).find((v) => v.vmid === vmid);
}

/** The host PID of a running VM's kvm process, if it runs. */
export function vmPid(world: World, host: string, vmid: number): number | undefined {
  const state = proxmoxHost(world, host);
  return state.vms?.[String(vmid)];
}

/** `qm start`: the kvm process (qemu-server config_to_command, abridged argv). */
export function startVm(world: World, host: string, vm: Vm): number {
  const state = proxmoxHost(world, host);
  const p = spawnProcess(world, host, {
    ppid: 1,
    args: ['/usr/bin/kvm', '-id', String(vm.vmid), '-name', `${vm.name},debug-threads=on`, '-no-shutdown', '-chardev', `socket,id=qmp,path=/var/run/qemu-server/${vm.vmid}.qmp,server=on,wait=off`, '-smp', `${vm.cores * vm.sockets},sockets=${vm.sockets},cores=${vm.cores},maxcpus=${vm.cores * vm.sockets}`, '-m', String(vm.memory)],
    comm: 'kvm',
    cwd: '/',
    tty: null,
    vsz: vm.memory * 1024 + 600000,
    rss: vm.memory * 1024,
    cgroup: `/qemu.slice/${vm.vmid}.scope`,
  });
  (state.vms ??= {})[String(vm.vmid)] = p.pid;
  return p.pid;
}

/** `qm stop`. */
export function stopVm(world: World, host: string, vmid: number): void {
  const state = proxmoxHost(world, host);
  const pid = state.vms?.[String(vmid)];
  if (pid === undefined) return;
  exitProcess(world, host, pid);
  delete state.vms?.[String(vmid)];
}

/** `qm config VMID`: keys sorted as qemu-server prints them. */
export function vmConfigText(world: World, vm: Vm): string {
  const keys: [string, string][] = [
    ['boot', `order=${vm.disks.map((d) => `${d.bus}${d.index}`).concat(vm.net.map((n) => `net${n.index}`)).join(';')}`],
    ['cores', String(vm.cores)],
    ['memory', String(vm.memory)],
    ['name', vm.name],
    ['ostype', vm.ostype],
    ['sockets', String(vm.sockets)],
  ];
  if (vm.onboot) keys.push(['onboot', '1']);
  for (const d of vm.disks) keys.push([`${d.bus}${d.index}`, `${d.storage}:${d.volume ?? `vm-${vm.vmid}-disk-${d.index}`},size=${formatPveSize(d.size)}`]);
  for (const n of vm.net) keys.push([`net${n.index}`, `${n.model}=${generatedMac(world, vm.vmid, `net${n.index}`)},bridge=${n.bridge}${n.firewall ? ',firewall=1' : ''}${n.tag ? `,tag=${n.tag}` : ''}`]);
  if (vm.disks.some((d) => d.bus === 'scsi')) keys.push(['scsihw', 'virtio-scsi-single']);
  keys.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.map(([k, v]) => `${k}: ${v}\n`).join('');
}
