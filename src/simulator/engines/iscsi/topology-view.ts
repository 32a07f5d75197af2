/**
 * `iscsiTopologyView(world)`: what the sandbox's iSCSI view draws, as plain data — each
 * target host (service state, portals, initiator groups and their names, auth entries,
 * targets with their LUNs, extents and zvols), each initiator host (configured and loaded
 * name, node records, sessions with their disks), and one link per (initiator, target) with
 * how far it gets and, when it fails, the stage and the reason. Pure: reads the World only.
 */
import { fullTargetIqn, type IscsiTarget } from '../../model/iscsi-target';
import { connect } from '../net/connect';
import { hostAddresses } from '../net/resolve';
import type { World } from '../world';
import { chapDenies, groupAt, groupDenies, portalTag, targetLuns } from './access';
import { extentDataset, extentSize, zvolDevice } from './lun';
import type { IscsiState, NodeRecord } from './state';
import { TARGET_DAEMON } from './target-service';

/** A target host as the view shows it. */
export interface TargetHostView {
  host: string;
  addresses: string[];
  service: 'running' | 'stopped';
  port: number;
  basename: string;
  portals: { id: number; tag: number; listen: string[] }[];
  initiatorGroups: { id: number; initiators: string[]; allowsAll: boolean; addressEntries: string[] }[];
  auths: { id: number; tag: number; user: string; mutual: boolean }[];
  targets: {
    id: number;
    iqn: string;
    groups: { portal: number; initiatorGroup: number | null; authmethod: string; auth: number | null }[];
    luns: { lun: number; extent: string; zvol: string | null; zvolDevice: string | null; size: number }[];
  }[];
}

/** An initiator host as the view shows it. */
export interface InitiatorHostView {
  host: string;
  /** The name in /etc/iscsi/initiatorname.iscsi. */
  name: string;
  /** The name iscsid uses (differs until `systemctl restart iscsid`). */
  loadedName: string;
  iscsid: boolean;
  nodes: { target: string; portal: string; startup: string; authmethod: string }[];
  sessions: { sid: number; target: string; portal: string; disks: { lun: number; device: string }[] }[];
}

/** Where a link stops. */
export type LinkStage = 'connect' | 'portal' | 'acl' | 'chap' | 'lun';

/** One initiator → target link. */
export interface TopologyLink {
  initiator: string;
  targetHost: string;
  target: string;
  portal: string;
  /** connected: a session is up; reachable: discovery and login would work; failing: they would not. */
  state: 'connected' | 'reachable' | 'failing';
  /** The stage that fails (or `lun` for a login that brings no disk). */
  stage?: LinkStage;
  reason?: string;
}

/** The whole picture. */
export interface IscsiTopologyView {
  targetHosts: TargetHostView[];
  initiatorHosts: InitiatorHostView[];
  links: TopologyLink[];
}

const IPV4 = (a: string) => a.includes('.') && !a.startsWith('127.');

/** The view of a World's iSCSI setup. */
export function iscsiTopologyView(world: World): IscsiTopologyView {
  const state = world.engines['iscsi'] as IscsiState | undefined;
  const targetHosts: TargetHostView[] = [];
  const initiatorHosts: InitiatorHostView[] = [];
  const links: TopologyLink[] = [];
  const configs: { host: string; cfg: IscsiTarget; address: string }[] = [];
  for (const host of world.lab.hosts) {
    const cfg = host.iscsi?.target;
    if (!cfg) continue;
    const addresses = hostAddresses(host).filter(IPV4);
    const running = state?.targets[host.name]?.running === true;
    const firstListen = cfg.portals[0]?.listen[0]?.ip;
    configs.push({ host: host.name, cfg, address: firstListen && firstListen !== '0.0.0.0' ? firstListen : (addresses[0] ?? '') });
    targetHosts.push({
      host: host.name,
      addresses,
      service: running ? 'running' : 'stopped',
      port: cfg.listen_port,
      basename: cfg.basename,
      portals: cfg.portals.map((p) => ({ id: p.id, tag: portalTag(cfg, p.id), listen: p.listen.map((l) => l.ip) })),
      initiatorGroups: cfg.initiators.map((g) => ({ id: g.id, initiators: [...g.initiators], allowsAll: g.initiators.length === 0, addressEntries: g.initiators.filter((e) => /^[0-9.]+(\/\d+)?$/.test(e)) })),
      auths: cfg.auths.map((a) => ({ id: a.id, tag: a.tag, user: a.user, mutual: a.peeruser !== '' })),
      targets: cfg.targets.map((t) => ({
        id: t.id,
        iqn: fullTargetIqn(t, cfg.basename),
        groups: t.groups.map((g) => ({ portal: g.portal, initiatorGroup: g.initiator, authmethod: g.authmethod, auth: g.auth })),
        luns: targetLuns(cfg, t).map(({ lun, extent }) => {
          const dataset = extentDataset(extent);
          return { lun, extent: extent.name, zvol: dataset, zvolDevice: dataset ? (zvolDevice(world, host.name, dataset)?.name ?? null) : null, size: extentSize(world, host.name, extent) };
        }),
      })),
    });
  }
  for (const host of world.lab.hosts) {
    const initiator = host.iscsi?.initiator;
    if (!initiator || host.kind === 'truenas') continue;
    const st = state?.initiators[host.name];
    const loaded = st ? (st.loadedName ?? '') : initiator.name;
    const nodes: NodeRecord[] = st?.nodes ?? [];
    initiatorHosts.push({
      host: host.name,
      name: initiator.name,
      loadedName: loaded,
      iscsid: st ? st.iscsid : true,
      nodes: nodes.map((r) => ({ target: r.target, portal: `${r.address}:${r.port}`, startup: r.startup, authmethod: r.authmethod })),
      sessions: (st?.sessions ?? []).map((s) => ({ sid: s.sid, target: s.target, portal: `${s.address}:${s.port}`, disks: s.disks.map((d) => ({ lun: d.lun, device: d.name })) })),
    });
    for (const { host: targetHost, cfg, address } of configs) {
      for (const t of cfg.targets) {
        const iqn = fullTargetIqn(t, cfg.basename);
        const portal = `${address}:${cfg.listen_port}`;
        const link: TopologyLink = { initiator: host.name, targetHost, target: iqn, portal, state: 'reachable' };
        links.push(link);
        if (st?.sessions.some((s) => s.target === iqn)) {
          link.state = 'connected';
          if (targetLuns(cfg, t).length === 0) Object.assign(link, { stage: 'lun', reason: 'logged in, but no extent is mapped to this target: no disk appears' });
          continue;
        }
        const fail = (stage: LinkStage, reason: string) => Object.assign(link, { state: 'failing', stage, reason });
        const conn = connect(world, host.name, address, cfg.listen_port);
        if (!conn.ok) {
          fail('connect', state?.targets[targetHost]?.running ? `${conn.errno} connecting to ${portal}` : `the iscsitarget service on ${targetHost} is stopped: connection refused`);
          continue;
        }
        if (conn.socket.owner !== TARGET_DAEMON) {
          fail('connect', `${portal} is not an iSCSI portal`);
          continue;
        }
        const group = groupAt(cfg, t, address);
        if (!group) {
          fail('portal', `no group of ${iqn} uses a portal listening on ${address}`);
          continue;
        }
        const denied = groupDenies(cfg, group, loaded);
        if (denied) {
          fail('acl', `${denied}: SendTargets hides the target (No portals found)`);
          continue;
        }
        const rec = nodes.find((r) => r.target === iqn);
        const chap = initiator.chap;
        const offer = rec ?? { authmethod: chap ? ('CHAP' as const) : ('None' as const), username: chap?.username ?? '', password: chap?.password ?? '', username_in: chap?.username_in ?? '', password_in: chap?.password_in ?? '' };
        const chapProblem = chapDenies(cfg, group, offer);
        if (chapProblem) {
          fail('chap', `${chapProblem}: login fails with error 24`);
          continue;
        }
        if (targetLuns(cfg, t).length === 0) Object.assign(link, { stage: 'lun', reason: 'no extent is mapped to this target: a login brings no disk' });
      }
    }
  }
  return { targetHosts, initiatorHosts, links };
}
