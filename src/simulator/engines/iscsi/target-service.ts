/**
 * The `iscsitarget` service of a target host: started and stopped by the middleware
 * (`service.start iscsitarget`), listening on every portal address at the global
 * `listen_port` through the net engine only while it runs — so an initiator's connect is
 * refused while it is stopped. TrueNAS 25.10 serves iSCSI with SCST's user-space daemon
 * `iscsi-scstd` (truenas/middleware plugins/service_/services/iscsitarget.py, scst.conf.mako).
 */
// @sim iscsitarget service | TrueNAS 25.10 middleware services/iscsitarget.py: SCST iscsi-scstd listens on each portal IP at iscsi.global listen_port while started; a portal change reloads it
import type { IscsiTarget } from '../../model/iscsi-target';
import { exitProcess, listProcesses, spawnProcess } from '../kernel/processes';
import { listen, unlisten } from '../net/connect';
import type { World } from '../world';
import { iscsiState } from './state';

/** The owner name of the portal sockets (`ss -ltnp` shows the daemon). */
export const TARGET_DAEMON = 'iscsi-scstd';

/** The model's iSCSI target configuration of a host, if it has one. */
export function targetConfig(world: World, host: string): IscsiTarget | undefined {
  return world.lab.hosts.find((h) => h.name === host)?.iscsi?.target;
}

/** Whether the host's `iscsitarget` service runs. */
export function isTargetRunning(world: World, host: string): boolean {
  return iscsiState(world).targets[host]?.running === true;
}

/** The addresses the portals listen on, once each. */
function portalAddresses(cfg: IscsiTarget): string[] {
  return [...new Set(cfg.portals.flatMap((p) => p.listen.map((l) => l.ip)))];
}

/** Drops every socket the service holds on a host. */
function closeSockets(world: World, host: string): void {
  const list = world.net.listening[host] ?? [];
  for (const s of list.filter((s) => s.owner === TARGET_DAEMON)) unlisten(world, host, s.port, s.address);
}

/** Re-binds the sockets from the current configuration (the middleware's `reload` after a portal or port change). */
export function reloadTargetListeners(world: World, host: string): void {
  closeSockets(world, host);
  const cfg = targetConfig(world, host);
  if (!cfg || !isTargetRunning(world, host)) return;
  const pid = listProcesses(world, host).find((p) => p.comm === TARGET_DAEMON)?.pid ?? 0;
  for (const address of portalAddresses(cfg)) listen(world, host, { address, port: cfg.listen_port, owner: TARGET_DAEMON, pid });
}

/** Starts the service (idempotent): the daemon process and its portal sockets. Returns false without a target configuration. */
export function startTargetService(world: World, host: string): boolean {
  if (!targetConfig(world, host)) return false;
  const state = iscsiState(world);
  if (!state.targets[host]?.running) {
    state.targets[host] = { running: true };
    if (world.kernel[host] && !listProcesses(world, host).some((p) => p.comm === TARGET_DAEMON)) {
      spawnProcess(world, host, { ppid: 1, args: ['/usr/sbin/iscsi-scstd'], comm: TARGET_DAEMON, cwd: '/', tty: null, vsz: 5400, rss: 2900 });
    }
  }
  reloadTargetListeners(world, host);
  return true;
}

/** Stops the service (idempotent): sockets closed, daemon gone. */
export function stopTargetService(world: World, host: string): void {
  iscsiState(world).targets[host] = { running: false };
  closeSockets(world, host);
  if (!world.kernel[host]) return;
  for (const p of listProcesses(world, host).filter((p) => p.comm === TARGET_DAEMON)) exitProcess(world, host, p.pid);
}
