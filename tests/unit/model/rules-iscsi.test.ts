// iSCSI rules: the TrueNAS target objects (middleware wording) and the initiator's
// sessions, each broken once.
import { describe, expect, it } from 'vitest';
import { breakEveryField, type LabDoc } from './lab-fixtures';

// every-field.yaml: host 0 (pve, proxmox) is the initiator, host 1 (truenas) the target.
const target = (lab: LabDoc) => lab.hosts[1].iscsi.target;

describe('where iSCSI roles may live', () => {
  it('a target belongs on truenas or linux, an initiator on proxmox or linux', () => {
    expect(
      breakEveryField((lab) => {
        lab.hosts[0].iscsi.target = { basename: 'iqn.2005-10.org.freenas.ctl' };
        lab.hosts[1].iscsi.initiator = { name: 'iqn.2005-10.org.freenas.ctl:self' };
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].iscsi.target: an iSCSI target belongs on a truenas or linux host; pve is a proxmox host (move iscsi.target to the storage host)",
        "hosts[1].iscsi.initiator: the iSCSI initiator belongs on a proxmox or linux host; truenas is a truenas host (move iscsi.initiator to the host that uses the LUN)",
      ]
    `);
  });
});

describe('global, portals and initiator groups', () => {
  it('the basename and initiator names are IQNs; listen_port is 1025-65535; an IP in a group is accepted (it matches nobody)', () => {
    expect(
      breakEveryField((lab) => {
        target(lab).basename = 'iqn.2005-10.org.FreeNAS.ctl';
        target(lab).listen_port = 860;
        // The middleware stores group entries unchecked (plugins/iscsi_/initiator.py): the classic mistake must be possible.
        target(lab).initiators[0].initiators = ['192.168.5.146', 'pve.lan'];
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.basename: iSCSI names are lower case (RFC 3722 stringprep maps upper case to lower case) (write iqn.yyyy-mm.reversed.domain[:name] in lower case, like iqn.1993-08.org.debian:01:e7dd6e7909d)",
        "hosts[1].iscsi.target.listen_port: 860 is too small: it must be at least 1025",
        "hosts[1].iscsi.target.initiators[0].initiators[1]: an iSCSI name starts with "iqn.", "eui." or "naa." (RFC 3720 §3.2.6.3) (write iqn.yyyy-mm.reversed.domain[:name] in lower case, like iqn.1993-08.org.debian:01:e7dd6e7909d)",
      ]
    `);
  });

  it('a portal listens on an address of this host, once', () => {
    expect(breakEveryField((lab) => (target(lab).portals[0].listen = [{ ip: '192.168.5.99' }]))).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.portals[0].listen[0].ip: IP 192.168.5.99 not configured on this system. (addresses of truenas: 192.168.5.142/24)",
      ]
    `);
    expect(breakEveryField((lab) => target(lab).portals.push({ listen: [{ ip: '0.0.0.0' }] }))).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.portals[1].listen[0].ip: '0.0.0.0' IP is already in use.",
      ]
    `);
    expect(breakEveryField((lab) => (target(lab).portals[0].listen = []))).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.portals[0].listen: At least one listen entry is required.",
      ]
    `);
  });

  it('explicit ids are unique', () => {
    expect(breakEveryField((lab) => target(lab).initiators.push({ id: 1, initiators: [] }))).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.initiators[1].id: initiator group id 1 is used twice (give each one its own id, or leave ids out)",
      ]
    `);
  });
});

describe('authorized access (CHAP)', () => {
  it('secrets are 12 to 16 characters, and the peer rules hold', () => {
    expect(
      breakEveryField((lab) => {
        target(lab).auths = [
          { tag: 1, user: 'pve', secret: 'short' },
          { tag: 2, user: 'pve', secret: 's3cretpassw0rd', peeruser: 'nas', peersecret: 's3cretpassw0rd' },
          { tag: 3, user: 'pve', secret: 's3cretpassw0rd', peersecret: 'an0thersecret' },
          { tag: 4, user: 'pve', secret: 's3cretpassw0rd', peeruser: 'nas' },
        ];
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.auths[0].secret: Secret must be between 12 and 16 characters.",
        "hosts[1].iscsi.target.auths[1].peersecret: The peer secret cannot be the same as user secret.",
        "hosts[1].iscsi.target.auths[2].peersecret: The peer user is required if you set a peer secret.",
        "hosts[1].iscsi.target.auths[3].peersecret: The peer secret is required if you set a peer user.",
      ]
    `);
  });
});

describe('extents', () => {
  it('a DISK extent names an existing zvol as zvol/<pool>/<name>', () => {
    expect(breakEveryField((lab) => (target(lab).extents[0].disk = '/dev/zvol/MyMassStorage/nextcloud'))).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.extents[0].disk: Disk name must start with "zvol/" (write zvol/MyMassStorage/nextcloud)",
      ]
    `);
    expect(breakEveryField((lab) => (target(lab).extents[0].disk = 'zvol/MyMassStorage/nextcloud2'))).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.extents[0].disk: Device '/dev/zvol/MyMassStorage/nextcloud2' for volume 'MyMassStorage/nextcloud2' does not exist (zvols on truenas: MyMassStorage/nextcloud)",
      ]
    `);
    expect(breakEveryField((lab) => delete target(lab).extents[0].disk)).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.extents[0].disk: This field is required (write disk: zvol/<pool>/<zvol>)",
      ]
    `);
  });

  it('a FILE extent needs a path; names are unique; blocksize is 512-4096', () => {
    expect(breakEveryField((lab) => target(lab).extents.push({ name: 'nextcloud', type: 'FILE' }))).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.extents[1].name: Extent name must be unique",
        "hosts[1].iscsi.target.extents[1].path: This field is required (write path: /mnt/<pool>/<file>)",
      ]
    `);
    expect(breakEveryField((lab) => (target(lab).extents[0].blocksize = 8192))).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.extents[0].blocksize: 8192 is not one of: 512, 1024, 2048, 4096",
      ]
    `);
  });
});

describe('targets', () => {
  it('names follow TrueNAS rules and are unique; the full IQN stays within 223 bytes', () => {
    expect(breakEveryField((lab) => (target(lab).targets[0].name = 'Nextcloud'))).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.targets[0].name: Only lowercase alphanumeric characters plus dot (.), dash (-), and colon (:) are allowed. (use lower-case letters, digits, ".", "-" and ":")",
      ]
    `);
    expect(breakEveryField((lab) => target(lab).targets.push({ name: 'nextcloud' }))).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.targets[1].name: Target with this name already exists",
      ]
    `);
    expect(
      breakEveryField((lab) => {
        target(lab).basename = `iqn.2005-10.org.${'example.'.repeat(12)}ctl`;
        target(lab).targets[0].name = 'n'.repeat(120);
        lab.hosts[0].iscsi.initiator.sessions = [];
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.targets[0].name: full target name "iqn.2005-10.org.example.example.example.example.example.exam…": iSCSI name is 236 bytes; the limit is 223 (RFC 3720 §3.2.6.1) (use a shorter target name or basename)",
      ]
    `);
  });

  it('aliases: no double quotes, not "target", unique', () => {
    expect(breakEveryField((lab) => (target(lab).targets[0].alias = 'my "data"'))).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.targets[0].alias: Double quotes are not allowed",
      ]
    `);
    expect(breakEveryField((lab) => (target(lab).targets[0].alias = 'target'))).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.targets[0].alias: target is a reserved word",
      ]
    `);
    expect(breakEveryField((lab) => target(lab).targets.push({ name: 'other', alias: 'Nextcloud data' }))).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.targets[1].alias: Alias already exists",
      ]
    `);
  });

  it('groups refer to an existing portal (once), initiator group and auth tag', () => {
    expect(
      breakEveryField((lab) => {
        target(lab).targets[0].groups = [
          { portal: 1, initiator: 1, authmethod: 'CHAP', auth: 1 },
          { portal: 1, initiator: 7, authmethod: 'NONE' },
          { portal: 9, authmethod: 'NONE', auth: 5 },
        ];
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.targets[0].groups[1].portal: Portal 1 cannot be duplicated on a target",
        "hosts[1].iscsi.target.targets[0].groups[1].initiator: 7 Initiator not found in database (initiator group ids: 1)",
        "hosts[1].iscsi.target.targets[0].groups[2].portal: 9 Portal not found in database (portal ids: 1)",
        "hosts[1].iscsi.target.targets[0].groups[2].auth: Authentication group not found (auth tags: 1)",
      ]
    `);
  });

  it('CHAP needs an auth group; CHAP_MUTUAL needs a peer user', () => {
    expect(breakEveryField((lab) => (target(lab).targets[0].groups = [{ portal: 1, initiator: 1, authmethod: 'CHAP' }]))).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.targets[0].groups[0].auth: Authentication group is required for CHAP and CHAP Mutual (set auth to the tag of an entry under auths)",
      ]
    `);
    expect(breakEveryField((lab) => (target(lab).targets[0].groups = [{ portal: 1, initiator: 1, authmethod: 'CHAP_MUTUAL', auth: 1 }]))).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.targets[0].groups[0].auth: Authentication group 1 does not support CHAP Mutual (set peeruser and peersecret on that auth entry)",
      ]
    `);
  });
});

describe('target-extent associations', () => {
  it('refer to existing targets and extents', () => {
    expect(breakEveryField((lab) => (target(lab).targetextents = [{ target: 2, extent: 3, lunid: 0 }]))).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.targetextents[0].target: 2 Target not found in database (target ids: 1)",
        "hosts[1].iscsi.target.targetextents[0].extent: 3 Extent not found in database (extent ids: 1)",
      ]
    `);
  });

  it('a LUN is used once per target, and an extent once', () => {
    expect(
      breakEveryField((lab) => {
        lab.hosts[1].zvols.push({ name: 'MyMassStorage/photos', size: '100G' });
        target(lab).extents.push({ name: 'photos', disk: 'zvol/MyMassStorage/photos' });
        target(lab).targetextents.push({ target: 1, extent: 2, lunid: 0 }, { target: 1, extent: 1, lunid: 5 });
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.targetextents[1].lunid: LUN ID is already being used for this target.",
        "hosts[1].iscsi.target.targetextents[2].extent: Extent is already in use.",
      ]
    `);
  });
});

describe('initiator sessions', () => {
  const session = (lab: LabDoc) => lab.hosts[0].iscsi.initiator.sessions[0];

  it('point at a host of the lab that has the target, on its port', () => {
    expect(breakEveryField((lab) => (session(lab).portal = '192.168.5.99:3260'))).toMatchInlineSnapshot(`
      [
        "hosts[0].iscsi.initiator.sessions[0].portal: no host in this lab has the address '192.168.5.99' (use the address of the storage host)",
      ]
    `);
    expect(breakEveryField((lab) => (session(lab).portal = '203.0.113.10'))).toMatchInlineSnapshot(`
      [
        "hosts[0].iscsi.initiator.sessions[0].portal: vps has no iSCSI target configured (add iscsi.target to vps)",
      ]
    `);
    expect(breakEveryField((lab) => (session(lab).portal = '192.168.5.142:3261'))).toMatchInlineSnapshot(`
      [
        "hosts[0].iscsi.initiator.sessions[0].portal: truenas listens for iSCSI on port 3260, not 3261",
      ]
    `);
    expect(breakEveryField((lab) => (session(lab).target = 'iqn.2005-10.org.freenas.ctl:photos'))).toMatchInlineSnapshot(`
      [
        "hosts[0].iscsi.initiator.sessions[0].target: truenas has no target 'iqn.2005-10.org.freenas.ctl:photos' (targets on truenas: iqn.2005-10.org.freenas.ctl:nextcloud)",
      ]
    `);
  });

  it('portal addresses and target names are checked for form', () => {
    expect(
      breakEveryField((lab) => {
        session(lab).portal = '192.168.5.142:99999';
        session(lab).target = 'nextcloud';
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].iscsi.initiator.sessions[0].portal: "192.168.5.142:99999" is not a portal address (write IP[:PORT] or a host name, like 192.168.5.142:3260)",
        "hosts[0].iscsi.initiator.sessions[0].target: an iSCSI name starts with "iqn.", "eui." or "naa." (RFC 3720 §3.2.6.3) (write iqn.yyyy-mm.reversed.domain[:name] in lower case, like iqn.1993-08.org.debian:01:e7dd6e7909d)",
      ]
    `);
  });
});
