/**
 * open-iscsi's node database (/etc/iscsi/nodes): records matched by target name and portal
 * as iscsiadm matches them (usr/iscsiadm.c rec_match_fn → __iscsi_match_session: a field
 * left out matches anything; a portal without a port matches every port), and the settings
 * `-o update -n KEY -v VALUE` may change (usr/idbm.c idbm_node_set_param).
 */
import type { World } from '../world';
import { initiatorState, type NodeRecord } from './state';

/** What `-T` and `-p` asked for. */
export interface NodePattern {
  target?: string;
  address?: string;
  port?: number;
}

/** The records matching a pattern, in database order. */
export function matchNodes(world: World, host: string, pattern: NodePattern): NodeRecord[] {
  return initiatorState(world, host).nodes.filter(
    (r) => (pattern.target === undefined || r.target === pattern.target) && (pattern.address === undefined || r.address === pattern.address) && (pattern.port === undefined || r.port === pattern.port),
  );
}

/** The node settings this simulator keeps, by idbm key. */
export const NODE_KEYS = ['node.startup', 'node.session.auth.authmethod', 'node.session.auth.username', 'node.session.auth.password', 'node.session.auth.username_in', 'node.session.auth.password_in'] as const;

/**
 * Sets one key on a record; returns false for a key or value idbm refuses (idbm.c:
 * node.startup is manual|automatic|onboot, authmethod None|CHAP).
 */
export function setNodeParam(rec: NodeRecord, key: string, value: string): boolean {
  switch (key) {
    case 'node.startup':
    case 'node.conn[0].startup':
      if (value !== 'manual' && value !== 'automatic' && value !== 'onboot') return false;
      rec.startup = value;
      return true;
    case 'node.session.auth.authmethod':
      if (value !== 'None' && value !== 'CHAP') return false;
      rec.authmethod = value;
      return true;
    case 'node.session.auth.username':
      rec.username = value;
      return true;
    case 'node.session.auth.password':
      rec.password = value;
      return true;
    case 'node.session.auth.username_in':
      rec.username_in = value;
      return true;
    case 'node.session.auth.password_in':
      rec.password_in = value;
      return true;
    // Proxmox's ISCSIPlugin sets this before each login; the simulator's logins do not retry, so it is accepted and not kept.
    case 'node.session.initial_login_retry_max':
      return /^\d+$/.test(value);
    default:
      return false;
  }
}

/** Removes records from the database. */
export function deleteNodes(world: World, host: string, doomed: NodeRecord[]): void {
  const state = initiatorState(world, host);
  state.nodes = state.nodes.filter((r) => !doomed.includes(r));
}
