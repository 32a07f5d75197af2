/**
 * The initiator's systemd units on Debian 13 (open-iscsi 2.1.11 debian/): `iscsid.service`
 * (the daemon; it reads /etc/iscsi/initiatorname.iscsi when it starts, so a changed name
 * counts after `systemctl restart iscsid`) and `open-iscsi.service` (oneshot: at start it
 * logs in to every node with `node.startup = automatic` — `iscsiadm -m node --loginall=automatic`
 * — and at stop logs out of every session — `iscsiadm -m node --logoutall=all`).
 */
// @sim iscsid/open-iscsi units | Debian open-iscsi 2.1.11: iscsid reads initiatorname.iscsi at start (startup-checks.sh first: a missing file or no InitiatorName line fails the unit; a new name goes into the model); open-iscsi.service logs in node.startup=automatic records and logs everything out at stop
import { editLab } from '../../model/edit';
import { exitProcess, listProcesses, spawnProcess } from '../kernel/processes';
import type { World } from '../world';
import { loginNode, logoutSession } from './login';
import { recordSessions, type SessionChange } from './model-sessions';
import { checkInitiatorFile } from './initiator-file';
import { initiatorState } from './state';

/** The iscsid process of a host, if running. */
export function iscsidProcess(world: World, host: string) {
  return world.kernel[host] ? listProcesses(world, host).find((p) => p.args[0] === '/usr/sbin/iscsid') : undefined;
}

/**
 * Starts iscsid (idempotent): Debian's ExecStartPre (startup-checks.sh) checks
 * /etc/iscsi/initiatorname.iscsi, then iscsid loads the name from it. A name the lab model
 * accepts becomes the model's (model/edit, so the exporters follow); one it refuses (not an
 * IQN) is still what iscsid uses, as the real daemon does not check it. A failed check leaves
 * the unit failed and returns its stderr lines.
 */
export function startIscsid(world: World, host: string): { ok: true } | { ok: false; lines: string[] } {
  const state = initiatorState(world, host);
  if (state.iscsid && iscsidProcess(world, host)) return { ok: true };
  const lab = world.lab.hosts.find((h) => h.name === host);
  // Hosts without the file (none was written: no initiator in the lab) keep the model's name.
  const checked = world.kernel[host] && lab?.iscsi?.initiator ? checkInitiatorFile(world, host) : { ok: true as const, name: lab?.iscsi?.initiator?.name ?? null };
  state.iscsidSince = world.clock;
  if (!checked.ok) {
    state.iscsid = false;
    state.iscsidFailed = true;
    return checked;
  }
  state.iscsid = true;
  state.iscsidFailed = false;
  state.loadedName = checked.name;
  if (checked.name !== null && lab?.iscsi?.initiator && lab.iscsi.initiator.name !== checked.name) {
    editLab(world.lab, (draft) => {
      const initiator = draft.hosts.find((h) => h.name === host)?.iscsi?.initiator;
      if (!initiator) return { ok: false, error: { code: 'no-initiator', message: 'no initiator' } };
      initiator.name = checked.name as string;
      return { ok: true, value: null };
    });
  }
  if (world.kernel[host] && !iscsidProcess(world, host)) spawnProcess(world, host, { ppid: 1, args: ['/usr/sbin/iscsid'], cwd: '/', tty: null, vsz: 5800, rss: 1700 });
  return { ok: true };
}

/** Stops iscsid (sessions stay: the kernel keeps them; iscsid.socket starts it again on demand). */
export function stopIscsid(world: World, host: string): void {
  const state = initiatorState(world, host);
  state.iscsid = false;
  state.iscsidFailed = false;
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
