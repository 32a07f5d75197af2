/**
 * The iSCSI engine's runtime state, `world.engines.iscsi` (plain JSON): whether each target
 * host's `iscsitarget` service runs, and each initiator host's open-iscsi state — the name
 * iscsid loaded when it started, the node records discovery wrote (/etc/iscsi/nodes) and
 * the logged-in sessions with the SCSI disks they brought. Configuration (portals, groups,
 * targets, the initiator's name) lives in the lab model and changes through model/edit.
 */
import type { World } from '../world';

/** A node record (open-iscsi idbm: /etc/iscsi/nodes/IQN/IP,PORT,TPGT/default). */
export interface NodeRecord {
  /** Full target IQN (node.name). */
  target: string;
  /** Portal address as discovered (node.conn[0].address). */
  address: string;
  port: number;
  /** Target portal group tag (node.tpgt). */
  tpgt: number;
  /** node.startup: manual (Debian's iscsid.conf default) or automatic. */
  startup: 'manual' | 'automatic' | 'onboot';
  /** node.session.auth.* (CHAP), empty when none. */
  authmethod: 'None' | 'CHAP';
  username: string;
  password: string;
  username_in: string;
  password_in: string;
}

/** A logged-in session (sysfs iscsi_session: session ID, SCSI host, the disks it brought). */
export interface SessionRecord {
  sid: number;
  target: string;
  address: string;
  port: number;
  tpgt: number;
  /** SCSI host number (scsiN) the session's LUNs hang off. */
  scsiHost: number;
  /** Disks by LUN: kernel name (sdb) per LUN number. */
  disks: { lun: number; name: string }[];
}

/** open-iscsi on one initiator host. */
export interface InitiatorState {
  /** The InitiatorName iscsid read when it (re)started: a changed file counts after `systemctl restart iscsid`. */
  loadedName: string | null;
  /** iscsid running (systemd iscsid.service). */
  iscsid: boolean;
  /** iscsid.service failed its start (startup-checks.sh refused the name file). */
  iscsidFailed?: boolean;
  nodes: NodeRecord[];
  sessions: SessionRecord[];
  nextSid: number;
  /** Next SCSI host number (scsi0-2 are the host's own controllers). */
  nextScsiHost: number;
  /** open-iscsi.service (oneshot, RemainAfterExit): active after it logged in the automatic nodes. */
  openIscsi?: boolean;
  /** Virtual ms iscsid last started (systemctl status "since"). */
  iscsidSince?: number;
}

/** The iSCSI engine's slot of the World. */
export interface IscsiState {
  /** Per target host: is `iscsitarget` running (service.start / service.stop). */
  targets: Record<string, { running: boolean }>;
  /** Per initiator host. */
  initiators: Record<string, InitiatorState>;
}

/** The engine's state, created empty on first use. */
export function iscsiState(world: World): IscsiState {
  const slot = world.engines['iscsi'] as IscsiState | undefined;
  if (slot) return slot;
  const fresh: IscsiState = { targets: {}, initiators: {} };
  world.engines['iscsi'] = fresh;
  return fresh;
}

/** The open-iscsi state of a host, created on first use (iscsid running, nothing discovered). */
export function initiatorState(world: World, host: string): InitiatorState {
  const state = iscsiState(world);
  const existing = state.initiators[host];
  if (existing) return existing;
  const name = world.lab.hosts.find((h) => h.name === host)?.iscsi?.initiator?.name ?? null;
  const fresh: InitiatorState = { loadedName: name, iscsid: true, nodes: [], sessions: [], nextSid: 1, nextScsiHost: 3 };
  state.initiators[host] = fresh;
  return fresh;
}
