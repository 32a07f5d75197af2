// The name rules of the real tools (names.ts): exact messages, and fast-check properties
// over generated valid and invalid names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkAbsolutePath,
  checkDatasetName,
  checkDnsName,
  checkIqn,
  checkPoolName,
  checkStorageId,
  checkTargetName,
  checkVmid,
  checkInterfaceName,
  checkUserName,
  checkTag,
} from '../../../src/simulator/model';

describe('checkIqn (RFC 3720 §3.2.6, RFC 3722)', () => {
  it('accepts the forms seen in homelabs', () => {
    for (const name of [
      'iqn.2005-10.org.freenas.ctl',
      'iqn.2005-10.org.freenas.ctl:nextcloud',
      'iqn.1993-08.org.debian:01:e7dd6e7909d',
      'iqn.2024-01.lan:pve-lun1',
      'eui.02004567A425678D',
      'naa.52004567ba64678d',
      'naa.6001405f8b2e4c9e9b6f2a1c3d4e5f60',
    ]) {
      expect(checkIqn(name), name).toBeNull();
    }
  });

  it('refuses each broken rule with its reason', () => {
    expect(
      ['IQN.2005-10.org.freenas.ctl', 'iqn.2005-10.org.FreeNAS.ctl', 'iqn.2005-10.org.freenas.ctl:my target', 'iqn.2005-13.org.freenas.ctl', 'iqn.05-10.org.freenas.ctl', 'iqn.2005-10..org', 'iqn.2005-10.org.freenas.ctl:', 'ign.2005-10.org.freenas.ctl', 'eui.1234', 'naa.xyz', `iqn.2005-10.org.freenas.ctl:${'a'.repeat(200)}`, 'iqn.2005-10.org.freenas.ctl:$(reboot)'].map((n) => checkIqn(n)),
    ).toMatchInlineSnapshot(`
      [
        "iSCSI names are lower case (RFC 3722 stringprep maps upper case to lower case)",
        "iSCSI names are lower case (RFC 3722 stringprep maps upper case to lower case)",
        "invalid character ' ' in iSCSI name: only a-z, 0-9, '-', '.' and ':' are allowed (RFC 3722)",
        "month "13" in "iqn.2005-13." is not 01 to 12 (RFC 3720 §3.2.6.3.1)",
        "an "iqn." name needs a date "yyyy-mm." after "iqn." (RFC 3720 §3.2.6.3.1)",
        "'.org' is not a reversed domain name like "org.example" (RFC 3720 §3.2.6.3.1)",
        "nothing follows the ':' in the iSCSI name (RFC 3720 §3.2.6.3.1)",
        "an iSCSI name starts with "iqn.", "eui." or "naa." (RFC 3720 §3.2.6.3)",
        "an "eui." name is "eui." followed by 16 hex digits (RFC 3720 §3.2.6.3.2)",
        "an "naa." name is "naa." followed by 16 or 32 hex digits (RFC 3980 §5)",
        "iSCSI name is 228 bytes; the limit is 223 (RFC 3720 §3.2.6.1)",
        "invalid character '$' in iSCSI name: only a-z, 0-9, '-', '.' and ':' are allowed (RFC 3722)",
      ]
    `);
  });

  it('accepts generated valid IQNs and keeps them at most 223 bytes', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const iqn = fc
      .tuple(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.array(label, { minLength: 1, maxLength: 4 }), fc.option(fc.stringMatching(/^[a-z0-9.:-]{1,40}$/)))
      .map(([y, m, labels, id]) => `iqn.${y}-${String(m).padStart(2, '0')}.${labels.join('.')}${id === null ? '' : `:${id}`}`);
    fc.assert(fc.property(iqn, (name) => checkIqn(name) === null));
  });

  it('refuses any IQN with a character outside a-z 0-9 - . :', () => {
    const bad = fc.tuple(fc.stringMatching(/^[a-z0-9]{0,5}$/), fc.string({ minLength: 1, maxLength: 1 }).filter((c) => !/[a-z0-9.:-]/.test(c)));
    fc.assert(fc.property(bad, ([head, c]) => checkIqn(`iqn.2005-10.org.example:${head}${c}`) !== null));
  });
});

describe('checkTargetName (TrueNAS middleware RE_TARGET_NAME, ≤ 120)', () => {
  it('accepts lower-case names and refuses the rest with TrueNAS words', () => {
    expect(checkTargetName('nextcloud')).toBeNull();
    expect([checkTargetName('Nextcloud'), checkTargetName('next cloud'), checkTargetName(''), checkTargetName('a'.repeat(121))]).toMatchInlineSnapshot(`
      [
        "Only lowercase alphanumeric characters plus dot (.), dash (-), and colon (:) are allowed.",
        "Only lowercase alphanumeric characters plus dot (.), dash (-), and colon (:) are allowed.",
        "Only lowercase alphanumeric characters plus dot (.), dash (-), and colon (:) are allowed.",
        "String should have at most 120 characters",
      ]
    `);
  });
});

describe('ZFS names (zfs_namecheck.c, libzfs)', () => {
  it('pool names', () => {
    expect(['tank', 'boot-pool', 'MyMassStorage', 'a:b.c_d e'].map(checkPoolName)).toEqual([null, null, null, null]);
    expect(['1tank', 'mirror', 'mirrorpool', 'raidz2', 'draid', 'spare1', 'log', 'ta/nk', 'tank%', '', 'p'.repeat(240)].map(checkPoolName)).toMatchInlineSnapshot(`
      [
        "name must begin with a letter",
        "name is reserved",
        "name is reserved",
        "name is reserved",
        "name is reserved",
        "name is reserved",
        "name is reserved",
        "invalid character '/' in pool name",
        "invalid character '%' in pool name",
        "name must begin with a letter",
        "name is too long",
      ]
    `);
  });

  it('dataset and volume names', () => {
    expect(['tank/a', 'tank/a b/c', 'rpool/ROOT/pve-1'].map(checkDatasetName)).toEqual([null, null, null]);
    expect(['/tank/a', 'tank/a/', 'tank//a', 'tank/a*b', 'tank/./a', 'tank/../a', 'tank/a@snap', 'tank/a#mark', 'tank/a@b@c', 'tank/a%b', '1tank/a', `tank/${'a'.repeat(260)}`, `tank${'/a'.repeat(50)}`, ''].map(checkDatasetName)).toMatchInlineSnapshot(`
      [
        "leading slash in name",
        "trailing slash in name",
        "empty component or misplaced '@' or '#' delimiter in name",
        "invalid character '*' in name",
        "self reference, '.' is found in name",
        "parent reference, '..' is found in name",
        "snapshot delimiter '@' is not expected here",
        "bookmark delimiter '#' is not expected here",
        "multiple '@' and/or '#' delimiters in name",
        "invalid character % in name",
        "pool doesn't begin with a letter",
        "name is too long",
        "maximum name nesting depth exceeded",
        "empty component or misplaced '@' or '#' delimiter in name",
      ]
    `);
  });

  it('accepts generated valid dataset names and refuses any with a bad character', () => {
    const component = fc.stringMatching(/^[a-zA-Z0-9_:-][a-zA-Z0-9_.: -]{0,15}$/).filter((c) => c !== '.' && c !== '..');
    const name = fc.tuple(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_-]{0,10}$/), fc.array(component, { maxLength: 5 })).map(([pool, rest]) => [pool, ...rest].join('/'));
    fc.assert(fc.property(name, (n) => checkDatasetName(n) === null));
    const badChar = fc.string({ minLength: 1, maxLength: 1 }).filter((c) => !/[a-zA-Z0-9_.: %/@#-]/.test(c));
    fc.assert(fc.property(name, badChar, (n, c) => checkDatasetName(`${n}${c}`) !== null));
  });
});

describe('Proxmox names (pve-common JSONSchema.pm)', () => {
  it('VMIDs are 100 to 999999999', () => {
    expect([100, 101, 999999999].map(checkVmid)).toEqual([null, null, null]);
    expect([99, 0, -1, 1000000000, 100.5].map(checkVmid)).toMatchInlineSnapshot(`
      [
        "value does not look like a valid VM ID",
        "value does not look like a valid VM ID",
        "value does not look like a valid VM ID",
        "value does not look like a valid VM ID",
        "value does not look like a valid VM ID",
      ]
    `);
    fc.assert(fc.property(fc.integer({ min: 100, max: 999999999 }), (n) => checkVmid(n) === null));
    fc.assert(fc.property(fc.oneof(fc.integer({ max: 99 }), fc.integer({ min: 1000000000 })), (n) => checkVmid(n) !== null));
  });

  it('DNS names', () => {
    expect(['pve', 'syncthing-srv', 'nas.home.arpa', 'a1'].map(checkDnsName)).toEqual([null, null, null, null]);
    expect(['-pve', 'pve-', 'my_host', 'a..b', '', '$(rm -rf /)', '<script>', 'a\nb'].map(checkDnsName)).toMatchInlineSnapshot(`
      [
        "value does not look like a valid DNS name",
        "value does not look like a valid DNS name",
        "value does not look like a valid DNS name",
        "value does not look like a valid DNS name",
        "value does not look like a valid DNS name",
        "value does not look like a valid DNS name",
        "value does not look like a valid DNS name",
        "value does not look like a valid DNS name",
      ]
    `);
    const label = fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9-]{0,20}[a-zA-Z0-9])?$/);
    fc.assert(fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), (labels) => checkDnsName(labels.join('.')) === null));
  });

  it('storage ids and tags', () => {
    expect([checkStorageId('local-zfs'), checkTag('family')]).toEqual([null, null]);
    expect([checkStorageId('9local'), checkStorageId('local-'), checkStorageId('my storage'), checkTag('-x'), checkTag('a b')]).toMatchInlineSnapshot(`
      [
        "storage ID '9local' contains illegal characters",
        "storage ID 'local-' contains illegal characters",
        "storage ID 'my storage' contains illegal characters",
        "invalid tag '-x'",
        "invalid tag 'a b'",
      ]
    `);
  });
});

describe('Linux names', () => {
  it('interfaces, users and paths', () => {
    expect([checkInterfaceName('vmbr0'), checkUserName('alice'), checkAbsolutePath('/tank/archive')]).toEqual([null, null, null]);
    expect([checkInterfaceName('averyveryverylongname'), checkInterfaceName('eth 0'), checkInterfaceName('eth0:1'), checkUserName('Alice'), checkUserName('1alice'), checkAbsolutePath('tank/archive'), checkAbsolutePath('/tank/../etc'), checkAbsolutePath('/tank/a\nb')]).toMatchInlineSnapshot(`
      [
        "'averyveryverylongname' is not a valid interface name (1-15 letters, digits, '.', '-' or '_')",
        "'eth 0' is not a valid interface name (1-15 letters, digits, '.', '-' or '_')",
        "'eth0:1' is not a valid interface name (1-15 letters, digits, '.', '-' or '_')",
        "invalid user name 'Alice'",
        "invalid user name '1alice'",
        "'tank/archive' is not an absolute path",
        "mount point '/tank/../etc' contains illegal character sequences",
        "'/tank/a\\nb' contains a control character",
      ]
    `);
  });
});
