/**
 * SendTargets discovery (RFC 3720 §12.21, open-iscsi `iscsiadm -m discovery -t st`): the
 * initiator connects to the portal, sends `SendTargets=All` under its current name (the one
 * iscsid loaded), and the target answers with the targets this initiator may access and their
 * portal addresses. A wildcard portal (0.0.0.0) is answered with every IPv4 address of the
 * target host (iscsi-scstd lists the addresses it listens on). The initiator then writes a
 * node record per (target, portal), replacing the records that portal gave before.
 */
// @sim iscsi sendtargets | RFC 3720 §12.21 SendTargets; open-iscsi 2.1.11 usr/discovery.c + idbm.c: records added, updated to iscsid.conf defaults, obsolete ones deleted; no records change when nothing is found
import { hostAddresses } from '../net/resolve';
import { connect } from '../net/connect';
import type { World } from '../world';
import { offeredTargets } from './access';
import { initiatorState, type NodeRecord } from './state';
import { TARGET_DAEMON, targetConfig } from './target-service';

/** One SendTargets answer line: `ADDRESS:PORT,TPGT IQN`. */
export interface DiscoveredTarget {
  address: string;
  port: number;
  tpgt: number;
  target: string;
}

/** What a discovery gives: the targets, or the connect error; `ms` is the virtual time it took. */
export type DiscoveryResult =
  | { ok: true; targets: DiscoveredTarget[]; ms: number }
  | { ok: false; errno: 'ECONNREFUSED' | 'EHOSTUNREACH' | 'ETIMEDOUT' | 'ENETUNREACH' | 'EPROTO'; ms: number };

/** Asks the portal at `address:port` for targets, as host `from` with its loaded initiator name. */
export function sendTargets(world: World, from: string, address: string, port: number): DiscoveryResult {
  const conn = connect(world, from, address, port);
  if (!conn.ok) return conn;
  // Something else listens there (sshd on 22): no iSCSI login response comes back.
  if (conn.socket.owner !== TARGET_DAEMON) return { ok: false, errno: 'EPROTO', ms: conn.ms };
  const cfg = targetConfig(world, conn.host.name);
  const name = initiatorState(world, from).loadedName ?? '';
  if (!cfg) return { ok: true, targets: [], ms: conn.ms };
  const targets: DiscoveredTarget[] = [];
  for (const offered of offeredTargets(cfg, name, address)) {
    const portal = cfg.portals.find((p) => p.id === offered.group.portal);
    const ips = (portal?.listen ?? []).flatMap((l) => (l.ip === '0.0.0.0' ? hostAddresses(conn.host).filter((a) => a.includes('.') && !a.startsWith('127.')) : l.ip === '::' ? [] : [l.ip]));
    for (const ip of ips.length > 0 ? ips : [address]) targets.push({ address: ip, port, tpgt: offered.tpgt, target: offered.iqn });
  }
  return { ok: true, targets, ms: conn.ms };
}

/** A node record with iscsid.conf's defaults (Debian: node.startup = manual) and the model's CHAP settings. */
export function defaultNodeRecord(world: World, host: string, found: DiscoveredTarget): NodeRecord {
  const chap = world.lab.hosts.find((h) => h.name === host)?.iscsi?.initiator?.chap;
  return {
    target: found.target,
    address: found.address,
    port: found.port,
    tpgt: found.tpgt,
    startup: 'manual',
    authmethod: chap ? 'CHAP' : 'None',
    username: chap?.username ?? '',
    password: chap?.password ?? '',
    username_in: chap?.username_in ?? '',
    password_in: chap?.password_in ?? '',
  };
}

/**
 * Writes the node records of a discovery through `address:port`: every answer gets a record
 * with the defaults, and records this portal gave before that are not in the answer are
 * deleted (iscsiadm's default discovery op: new, update, delete).
 */
export function storeDiscovery(world: World, host: string, discoveredVia: { address: string; port: number }, found: DiscoveredTarget[]): NodeRecord[] {
  const state = initiatorState(world, host);
  const fresh = found.map((f) => defaultNodeRecord(world, host, f));
  const sameNode = (a: { target: string; address: string; port: number }, b: typeof a) => a.target === b.target && a.address === b.address && a.port === b.port;
  const viaThisPortal = (r: NodeRecord) => r.address === discoveredVia.address && r.port === discoveredVia.port;
  state.nodes = [...state.nodes.filter((r) => !viaThisPortal(r) && !fresh.some((f) => sameNode(f, r))), ...fresh];
  return fresh;
}
