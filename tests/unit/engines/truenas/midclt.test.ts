import { describe, expect, it } from 'vitest';
import { connect } from '../../../../src/simulator/engines/net';
import { boot, run } from '../../shell/sim-fixture';

/** A simulator on the starter lab, logged in to truenas. */
function onTruenas() {
  const s = boot();
  run(s, 'ssh truenas');
  return s;
}

const out = (s: ReturnType<typeof boot>, line: string) => {
  const r = run(s, line);
  return `${r.stdout}${r.stderr}[${r.exitCode}]`;
};

describe('midclt call iscsi.*', () => {
  it('creates the five objects with ids from the model and prints them as json.dumps does', () => {
    const s = onTruenas();
    expect(out(s, `midclt call iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}]}'`)).toBe('{"id": 1, "listen": [{"ip": "0.0.0.0", "port": 3260}], "tag": 1, "comment": ""}\n[0]');
    expect(out(s, `midclt call iscsi.initiator.create '{"initiators":["iqn.1993-08.org.debian:01:e7dd6e7909d"]}'`)).toBe('{"id": 1, "initiators": ["iqn.1993-08.org.debian:01:e7dd6e7909d"], "comment": ""}\n[0]');
    expect(out(s, `midclt call iscsi.auth.create '{"tag":1,"user":"pve","secret":"s3cretpassw0rd"}'`)).toBe(
      '{"id": 1, "tag": 1, "user": "pve", "secret": "s3cretpassw0rd", "peeruser": "", "peersecret": "", "discovery_auth": "NONE"}\n[0]',
    );
    expect(out(s, `midclt call iscsi.target.create '{"name":"nextcloud","groups":[{"portal":1,"initiator":1}]}'`)).toBe(
      '{"id": 1, "name": "nextcloud", "alias": null, "mode": "ISCSI", "groups": [{"portal": 1, "initiator": 1, "authmethod": "NONE", "auth": null}], "auth_networks": [], "rel_tgt_id": 1, "iscsi_parameters": null}\n[0]',
    );
    const cfg = () => s.world.lab.hosts.find((h) => h.name === 'truenas')?.iscsi?.target;
    expect(cfg()?.targets.map((t) => [t.id, t.name])).toEqual([[1, 'nextcloud']]);
    expect(out(s, 'midclt call iscsi.target.delete 1')).toBe('True\n[0]');
    expect(cfg()?.targets).toEqual([]);
  });

  it('words argument errors as pydantic and business errors as the middleware, and changes nothing', () => {
    const s = onTruenas();
    const before = JSON.stringify(s.world.lab);
    expect(out(s, `midclt call iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}],"port":3260}'`)).toBe('[EINVAL] iscsi_portal_create.port: Extra inputs are not permitted\n[1]');
    expect(out(s, `midclt call iscsi.portal.create '{}'`)).toBe('[EINVAL] iscsi_portal_create.listen: Field required\n[1]');
    expect(out(s, `midclt call iscsi.portal.create '{"listen":[]}'`)).toBe('[EINVAL] iscsi_portal_create.listen: At least one listen entry is required.\n[1]');
    expect(out(s, `midclt call iscsi.portal.create '{"listen":[{"ip":"10.9.9.9"}]}'`)).toBe('[EINVAL] iscsi_portal_create.listen: IP 10.9.9.9 not configured on this system.\n[1]');
    expect(out(s, `midclt call iscsi.portal.create '{"listen":[{"ip":"nope"}]}'`)).toBe('[EINVAL] iscsi_portal_create.listen.0.ip: Value error, value is not a valid IPv4 or IPv6 address\n[1]');
    expect(out(s, `midclt call iscsi.target.create '{"name":"Nextcloud"}'`)).toBe(
      '[EINVAL] iscsi_target_create.name: Value error, Name can only contain lowercase alphanumeric charactersplus dot (.), dash (-), and colon (:)\n[1]',
    );
    expect(out(s, `midclt call iscsi.auth.create '{"tag":1,"user":"pve","secret":"short"}'`)).toBe('[EINVAL] data.secret: Secret must be between 12 and 16 characters.\n[1]');
    expect(out(s, `midclt call iscsi.extent.create '{"name":"x","disk":"tank/x"}'`)).toBe('[EINVAL] iscsi_extent_create.disk: Disk name must start with "zvol/"\n[1]');
    expect(out(s, `midclt call iscsi.target.create '{"name":"t","groups":[{"portal":1,"authmethod":"CHAP"}]}'`)).toContain('[EINVAL] iscsi_target_create.groups: ');
    expect(out(s, `midclt call iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}]'`)).toBe('[EINVAL] iscsi_portal_create: Input should be a valid dictionary or instance of IscsiPortalCreate\n[1]');
    expect(out(s, 'midclt call iscsi.portal.get_instance 7')).toBe('[ENOENT] None: Iscsi Portal 7 does not exist\n[1]');
    expect(out(s, 'midclt call iscsi.nothing.create')).toBe('Method does not exist\n[1]');
    expect(out(s, 'midclt call -q iscsi.portal.get_instance 7')).toBe('[1]');
    expect(JSON.stringify(s.world.lab)).toBe(before);
  });

  it('accepts an IP address in an initiator group, as the middleware does (it will match nobody)', () => {
    const s = onTruenas();
    expect(out(s, `midclt call iscsi.initiator.create '{"initiators":["192.168.5.146"],"comment":"pve"}'`)).toBe('{"id": 1, "initiators": ["192.168.5.146"], "comment": "pve"}\n[0]');
  });

  it('queries with filters and options', () => {
    const s = onTruenas();
    run(s, `midclt call iscsi.portal.create '{"listen":[{"ip":"192.168.5.142"}],"comment":"lan"}'`);
    expect(out(s, `midclt call iscsi.portal.query '[["comment","=","lan"]]' '{"select":["id","tag"]}'`)).toBe('[{"id": 1, "tag": 1}]\n[0]');
    expect(out(s, `midclt call iscsi.portal.query '[]' '{"count":true}'`)).toBe('1\n[0]');
    expect(out(s, `midclt call iscsi.portal.query '[["comment","=","wan"]]'`)).toBe('[]\n[0]');
  });

  it('refuses a LUN id used twice on a target and an extent used twice, as targetextents.py words it', () => {
    const s = boot();
    run(s, 'ssh truenas');
    run(s, `midclt call iscsi.portal.create '{"listen":[{"ip":"0.0.0.0"}]}'`);
    run(s, `midclt call iscsi.target.create '{"name":"a","groups":[{"portal":1}]}'`);
    run(s, `midclt call iscsi.extent.create '{"name":"f1","type":"FILE","path":"/mnt/f1","filesize":1048576}'`);
    run(s, `midclt call iscsi.extent.create '{"name":"f2","type":"FILE","path":"/mnt/f2","filesize":1048576}'`);
    expect(out(s, `midclt call iscsi.targetextent.create '{"target":1,"extent":1}'`)).toBe('{"id": 1, "target": 1, "lunid": 0, "extent": 1}\n[0]');
    expect(out(s, `midclt call iscsi.targetextent.create '{"target":1,"extent":2,"lunid":0}'`)).toBe('[EINVAL] iscsi_target_to_extent_create.lunid: LUN ID is already being used for this target.\n[1]');
    expect(out(s, `midclt call iscsi.targetextent.create '{"target":1,"extent":1,"lunid":5}'`)).toBe('[EINVAL] iscsi_target_to_extent_create.extent: Extent is already in use.\n[1]');
    expect(out(s, `midclt call iscsi.targetextent.create '{"target":1,"extent":2}'`)).toBe('{"id": 2, "target": 1, "lunid": 1, "extent": 2}\n[0]');
  });

  it('is only on TrueNAS', () => {
    const s = boot();
    expect(run(s, 'midclt call iscsi.global.config').stderr).toContain('command not found');
  });
});

describe('midclt call service.* iscsitarget', () => {
  it('listens on the portal addresses only while started, and follows portal and port changes', () => {
    const s = onTruenas();
    run(s, `midclt call iscsi.portal.create '{"listen":[{"ip":"192.168.5.142"}]}'`);
    expect(connect(s.world, 'pve', '192.168.5.142', 3260)).toMatchObject({ ok: false, errno: 'ECONNREFUSED' });
    expect(out(s, `midclt call service.query '[["service","=","iscsitarget"]]' '{"get":true,"select":["service","state"]}'`)).toBe('{"service": "iscsitarget", "state": "STOPPED"}\n[0]');
    expect(out(s, 'midclt call service.start iscsitarget')).toMatch(/^\d+\n\[0\]$/);
    expect(out(s, 'midclt call -j service.started iscsitarget')).toBe('True\n[0]');
    expect(connect(s.world, 'pve', '192.168.5.142', 3260)).toMatchObject({ ok: true });
    run(s, `midclt call iscsi.global.update '{"listen_port":3261}'`);
    expect(connect(s.world, 'pve', '192.168.5.142', 3260)).toMatchObject({ ok: false, errno: 'ECONNREFUSED' });
    expect(connect(s.world, 'pve', '192.168.5.142', 3261)).toMatchObject({ ok: true });
    expect(out(s, 'midclt call -j service.stop iscsitarget')).toBe('True\n[0]');
    expect(connect(s.world, 'pve', '192.168.5.142', 3261)).toMatchObject({ ok: false, errno: 'ECONNREFUSED' });
    expect(out(s, 'midclt call service.start nope')).toBe("[ENOENT] service: The service 'nope' does not exist\n[1]");
  });
});
