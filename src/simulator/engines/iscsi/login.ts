/**
 * Login and logout of a node record (open-iscsi iscsid: usr/initiator.c, usr/login.c). A login
 * connects to the portal, presents the loaded initiator name and, when the record says so,
 * CHAP credentials; the target refuses an initiator its groups do not admit (login status
 * 0x0203 "target not found" for SCST → iscsiadm error 19) and bad credentials (0x0201 →
 * error 24). On success each LUN of the target becomes a SCSI disk on the initiator (the
 * next free sdX, the extent's size and block size, transport iscsi); a target with no LUN
 * gives a session and no disk. Logout removes the disks.
 */
// @sim iscsi login | open-iscsi 2.1.11 iscsid login: name ACL (19), CHAP/mutual CHAP (24), existing session (15), connect failure after the login retries (8); a disk per LUN, none for a target without extents
import { addBlockDevice, removeBlockDevice } from '../kernel/devices';
import { stableHash } from '../random';
import type { World } from '../world';
import { chapDenies, groupAt, groupDenies, targetByIqn, targetLuns } from './access';
import { extentSize } from './lun';
import type { Extent } from '../../model/iscsi-target';
import { initiatorState, type NodeRecord, type SessionRecord } from './state';
import { TARGET_DAEMON, targetConfig } from './target-service';
import { connect } from '../net/connect';

/** open-iscsi's login timeout times its retries (node.conn[0].timeo.login_timeout 15 s × initial_login_retry_max 8). */
export const LOGIN_GIVE_UP_MS = 120_000;

/** Why a login failed, with the open-iscsi error number (usr/iscsi_err.h) and a reason for people. */
export interface LoginFailure {
  ok: false;
  /** 8 transport timeout, 15 session exists, 19 non-retryable login failure, 24 authorization failure. */
  err: 8 | 15 | 19 | 24;
  reason: string;
  ms: number;
}

/** What a login gives. */
export type LoginResult = { ok: true; session: SessionRecord; ms: number } | LoginFailure;

/** The next free sdX name on a host (a, b, … z, aa …). */
function nextScsiDiskName(world: World, host: string): string {
  const used = new Set((world.kernel[host]?.devices ?? []).map((d) => d.name));
  for (let i = 0; ; i++) {
    let n = i;
    let letters = '';
    do {
      letters = String.fromCharCode(97 + (n % 26)) + letters;
      n = Math.floor(n / 26) - 1;
    } while (n >= 0);
    if (!used.has(`sd${letters}`)) return `sd${letters}`;
  }
}

/** Logs host `from` in to a node record. */
export function loginNode(world: World, from: string, rec: NodeRecord): LoginResult {
  const state = initiatorState(world, from);
  if (state.sessions.some((s) => s.target === rec.target && s.address === rec.address && s.port === rec.port)) {
    return { ok: false, err: 15, reason: 'already logged in', ms: 0 };
  }
  const conn = connect(world, from, rec.address, rec.port);
  if (!conn.ok || conn.socket.owner !== TARGET_DAEMON) {
    return { ok: false, err: 8, reason: conn.ok ? 'no iSCSI target listens there' : conn.errno, ms: LOGIN_GIVE_UP_MS };
  }
  const cfg = targetConfig(world, conn.host.name);
  const target = cfg ? targetByIqn(cfg, rec.target) : undefined;
  const group = cfg && target ? groupAt(cfg, target, rec.address) : undefined;
  if (!cfg || !target || !group) return { ok: false, err: 19, reason: `${conn.host.name} has no target ${rec.target} on ${rec.address}`, ms: 0 };
  const name = state.loadedName ?? '';
  const denied = groupDenies(cfg, group, name);
  if (denied) return { ok: false, err: 19, reason: denied, ms: 0 };
  const chap = chapDenies(cfg, group, rec);
  if (chap) return { ok: false, err: 24, reason: chap, ms: 0 };
  const session: SessionRecord = { sid: state.nextSid++, target: rec.target, address: rec.address, port: rec.port, tpgt: rec.tpgt, scsiHost: state.nextScsiHost++, disks: [] };
  for (const { lun, extent } of targetLuns(cfg, target)) session.disks.push({ lun, name: attachLun(world, from, conn.host, session, lun, extent) });
  state.sessions.push(session);
  return { ok: true, session, ms: 0 };
}

/** Makes LUN `lun` of a session's target a SCSI disk on host `from`; returns its name. */
function attachLun(world: World, from: string, targetHost: { name: string; kind: string }, session: SessionRecord, lun: number, extent: Extent): string {
  return addBlockDevice(world, from, {
    name: nextScsiDiskName(world, from),
    size: extentSize(world, targetHost.name, extent),
    logicalSector: extent.blocksize,
    physicalSector: extent.blocksize,
    type: 'disk',
    // SCST on TrueNAS reports vendor "TrueNAS" and product "iSCSI Disk" (scst.conf.mako prod_id).
    model: 'iSCSI Disk',
    vendor: targetHost.kind === 'truenas' ? 'TrueNAS' : 'LIO-ORG',
    serial: extent.serial ?? stableHash(world.seed, 'extent-serial', targetHost.name, extent.name).toString(16).padStart(8, '0').slice(0, 15),
    rotational: extent.rpm !== 'SSD',
    removable: false,
    readOnly: extent.ro,
    transport: 'iscsi',
    backing: { kind: 'iscsi', target: session.target, portal: `${session.address}:${session.port}`, lun },
  }).name;
}

/**
 * `iscsiadm --rescan` of a session (open-iscsi iscsiadm.c rescan_portal): every disk it has
 * takes its LUN's current size ("rescan each device to pick up size changes"), and a LUN the
 * target has gained since the login becomes a new disk ("now scan for new devices"). A LUN the
 * target no longer has keeps its disk, as the SCSI scan does not remove devices. A target
 * that cannot be reached changes nothing.
 */
export function rescanSession(world: World, from: string, sid: number): void {
  const session = initiatorState(world, from).sessions.find((s) => s.sid === sid);
  if (!session) return;
  const conn = connect(world, from, session.address, session.port);
  if (!conn.ok || conn.socket.owner !== TARGET_DAEMON) return;
  const cfg = targetConfig(world, conn.host.name);
  const target = cfg ? targetByIqn(cfg, session.target) : undefined;
  if (!cfg || !target) return;
  for (const { lun, extent } of targetLuns(cfg, target)) {
    const disk = session.disks.find((d) => d.lun === lun);
    const dev = disk ? world.kernel[from]?.devices.find((d) => d.name === disk.name) : undefined;
    if (dev) dev.size = extentSize(world, conn.host.name, extent);
    else if (!disk) session.disks.push({ lun, name: attachLun(world, from, conn.host, session, lun, extent) });
  }
}

/** Logs out of a session: its disks disappear. */
export function logoutSession(world: World, from: string, sid: number): SessionRecord | null {
  const state = initiatorState(world, from);
  const session = state.sessions.find((s) => s.sid === sid);
  if (!session) return null;
  for (const disk of session.disks) removeBlockDevice(world, from, disk.name);
  state.sessions = state.sessions.filter((s) => s.sid !== sid);
  return session;
}
