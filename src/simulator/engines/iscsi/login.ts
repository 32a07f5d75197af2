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
  for (const { lun, extent } of targetLuns(cfg, target)) {
    const dev = addBlockDevice(world, from, {
      name: nextScsiDiskName(world, from),
      size: extentSize(world, conn.host.name, extent),
      logicalSector: extent.blocksize,
      physicalSector: extent.blocksize,
      type: 'disk',
      // SCST on TrueNAS reports vendor "TrueNAS" and product "iSCSI Disk" (scst.conf.mako prod_id).
      model: 'iSCSI Disk',
      vendor: conn.host.kind === 'truenas' ? 'TrueNAS' : 'LIO-ORG',
      serial: extent.serial ?? stableHash(world.seed, 'extent-serial', conn.host.name, extent.name).toString(16).padStart(8, '0').slice(0, 15),
      rotational: extent.rpm !== 'SSD',
      removable: false,
      readOnly: extent.ro,
      transport: 'iscsi',
      backing: { kind: 'iscsi', target: rec.target, portal: `${rec.address}:${rec.port}`, lun },
    });
    session.disks.push({ lun, name: dev.name });
  }
  state.sessions.push(session);
  return { ok: true, session, ms: 0 };
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
