import { describe, expect, it } from 'vitest';
import { iscsiTopologyView } from '../../../../src/simulator/engines/iscsi';
import { boot, run } from '../../shell/sim-fixture';
import { labWithZvol, twoNodeLab } from './lab-with-zvol';

const IQN = 'iqn.2005-10.org.freenas.ctl:nextcloud';
const PVE = 'iqn.1993-08.org.debian:01:e7dd6e7909d';

/** truenas set up with `initiators` in group 1, optional CHAP and LUN; the service started unless told. */
function setUp(opts: { initiators?: string[]; chap?: boolean; lun?: boolean; start?: boolean } = {}) {
  const s = boot({}, labWithZvol());
  run(s, 'ssh truenas');
  const group = opts.chap ? '{"portal":1,"initiator":1,"authmethod":"CHAP","auth":1}' : '{"portal":1,"initiator":1}';
  for (const line of [
    `iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}]}'`,
    `iscsi.initiator.create '${JSON.stringify({ initiators: opts.initiators ?? [PVE] })}'`,
    ...(opts.chap ? [`iscsi.auth.create '{"tag":1,"user":"pve","secret":"s3cretpassw0rd"}'`] : []),
    `iscsi.target.create '{"name":"nextcloud","groups":[${group}]}'`,
    ...(opts.lun === false ? [] : [`iscsi.extent.create '{"name":"nextcloud","disk":"zvol/tank/nextcloud"}'`, `iscsi.targetextent.create '{"target":1,"extent":1}'`]),
    ...(opts.start === false ? [] : ['service.start iscsitarget']),
  ])
    run(s, `midclt call ${line}`);
  run(s, 'exit');
  return s;
}

const link = (s: ReturnType<typeof boot>) => iscsiTopologyView(s.world).links[0];

describe('iscsiTopologyView', () => {
  it('draws both hosts: portal, group and names, target, LUN, extent, zvol; then the session and its disk', () => {
    const s = setUp();
    const before = JSON.stringify(s.world);
    const view = iscsiTopologyView(s.world);
    expect(JSON.stringify(s.world)).toBe(before);
    expect(view.targetHosts).toEqual([
      {
        host: 'truenas',
        addresses: ['192.168.5.142'],
        service: 'running',
        port: 3260,
        basename: 'iqn.2005-10.org.freenas.ctl',
        portals: [{ id: 1, tag: 1, listen: ['0.0.0.0'] }],
        initiatorGroups: [{ id: 1, initiators: [PVE], allowsAll: false, addressEntries: [] }],
        auths: [],
        targets: [{ id: 1, iqn: IQN, groups: [{ portal: 1, initiatorGroup: 1, authmethod: 'NONE', auth: null }], luns: [{ lun: 0, extent: 'nextcloud', zvol: 'tank/nextcloud', zvolDevice: 'zd0', size: 1073741824 }] }],
      },
    ]);
    expect(link(s)).toEqual({ initiator: 'pve', targetHost: 'truenas', target: IQN, portal: '192.168.5.142:3260', state: 'reachable' });
    run(s, 'iscsiadm -m discovery -t st -p 192.168.5.142');
    run(s, 'iscsiadm -m node -l');
    const after = iscsiTopologyView(s.world);
    expect(after.initiatorHosts[0]).toEqual({
      host: 'pve',
      name: PVE,
      loadedName: PVE,
      iscsid: true,
      nodes: [{ target: IQN, portal: '192.168.5.142:3260', startup: 'manual', authmethod: 'None' }],
      sessions: [{ sid: 1, target: IQN, portal: '192.168.5.142:3260', disks: [{ lun: 0, device: 'sdb' }] }],
    });
    expect(after.links[0]?.state).toBe('connected');
  });

  it('marks the failing link and why: an IP in the group', () => {
    expect(link(setUp({ initiators: ['192.168.5.146'] }))).toMatchObject({
      state: 'failing',
      stage: 'acl',
      reason: `initiator group 1 lists 192.168.5.146: an IP address matches no initiator name; list ${PVE}: SendTargets hides the target (No portals found)`,
    });
  });

  it('a wrong name, a stopped service, CHAP without credentials, a target without an extent', () => {
    expect(link(setUp({ initiators: ['iqn.1993-08.org.debian:01:other'] }))).toMatchObject({ state: 'failing', stage: 'acl', reason: expect.stringContaining('does not list') });
    expect(link(setUp({ start: false }))).toMatchObject({ state: 'failing', stage: 'connect', reason: 'the iscsitarget service on truenas is stopped: connection refused' });
    expect(link(setUp({ chap: true }))).toMatchObject({ state: 'failing', stage: 'chap', reason: expect.stringContaining('error 24') });
    expect(link(setUp({ lun: false }))).toMatchObject({ state: 'reachable', stage: 'lun' });
  });

  it('a LUN shared by two initiators: two connected links to one target', () => {
    const s = boot({}, twoNodeLab());
    run(s, 'ssh truenas');
    for (const line of [`iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}]}'`, `iscsi.target.create '{"name":"nextcloud","groups":[{"portal":1}]}'`, `iscsi.extent.create '{"name":"nextcloud","disk":"zvol/tank/nextcloud"}'`, `iscsi.targetextent.create '{"target":1,"extent":1}'`, 'service.start iscsitarget']) run(s, `midclt call ${line}`);
    run(s, 'exit');
    for (const line of ['iscsiadm -m discovery -t st -p 192.168.5.142', 'iscsiadm -m node -l']) {
      run(s, line);
      run(s, `ssh pve2 ${line}`);
    }
    const view = iscsiTopologyView(s.world);
    expect(view.links.map((l) => [l.initiator, l.state])).toEqual([['pve', 'connected'], ['pve2', 'connected']]);
    expect(view.initiatorHosts.map((h) => h.sessions[0]?.disks)).toEqual([[{ lun: 0, device: 'sdb' }], [{ lun: 0, device: 'sdb' }]]);
  });
});
