/**
 * The initiator's systemd units on Debian 13 (open-iscsi 2.1.11 debian/): `iscsid.service`
 * (the daemon; it reads /etc/iscsi/initiatorname.iscsi when it starts, so a changed name
 * counts after `systemctl restart iscsid`) and `open-iscsi.service` (oneshot: at start it
 * logs in to every node with `node.startup = automatic` — `iscsiadm -m node --loginall=automatic`
 * — and at stop logs out of every session — `iscsiadm -m node --logoutall=all`).
 */
// @sim iscsid/open-iscsi units | Debian open-iscsi 2.1.11: iscsid reads initiatorname.iscsi at start; open-iscsi.service logs in node.startup=automatic records and logs everything out at stop
import { exitProcess, listProcesses, spawnProcess } from '../kernel/processes';
import type { World } from '../world';
import { loginNode, logoutSession } from './login';
import { recordSessions, type SessionChange } from './model-sessions';
import { initiatorState } from './state';

/** The iscsid process of a host, if running. */
export function iscsidProcess(world: World, host: string) {
  return world.kernel[host] ? listProcesses(world, host).find((p) => p.args[0] === '/usr/sbin/iscsid') : undefined;
}

/** Starts iscsid (idempotent): it loads the initiator name from the model's file. */
export function startIscsid(world: World, host: string): void {
  const state = initiatorState(world, host);
  if (state.iscsid && iscsidProcess(world, host)) return;
  state.iscsid = true;
  state.iscsidSince = world.clock;
  state.loadedName = world.lab.hosts.find((h) => h.name === host)?.iscsi?.initiator?.name ?? null;
  if (world.kernel[host] && !iscsidProcess(world, host)) spawnProcess(world, host, { ppid: 1, args: ['/usr/sbin/iscsid'], cwd: '/', tty: null, vsz: 5800, rss: 1700 });
}

/** Stops iscsid (sessions stay: the kernel keeps them; iscsid.socket starts it again on demand). */
export function stopIscsid(world: World, host: string): void {
  initiatorState(world, host).iscsid = false;
  const p = iscsidProcess(world, host);
  if (p) exitProcess(world, host, p.pid);
}

/** open-iscsi.service start: logs in to the automatic nodes; returns how many sessions it made. */
export function startOpenIscsi(world: World, host: string): number {
  const state = initiatorState(world, host);
  startIscsid(world, host);
  state.openIscsi = true;
  const made: SessionChange[] = [];
  for (const rec of state.nodes.filter((r) => r.startup === 'automatic')) {
    if (loginNode(world, host, rec).ok) made.push({ portal: `${rec.address}:${rec.port}`, target: rec.target, present: true });
  }
  recordSessions(world, host, made);
  return made.length;
}

/** open-iscsi.service stop: logs out of every session. */
export function stopOpenIscsi(world: World, host: string): void {
  const state = initiatorState(world, host);
  state.openIscsi = false;
  const gone: SessionChange[] = [];
  for (const s of [...state.sessions]) {
    logoutSession(world, host, s.sid);
    gone.push({ portal: `${s.address}:${s.port}`, target: s.target, present: false });
  }
  recordSessions(world, host, gone);
}
