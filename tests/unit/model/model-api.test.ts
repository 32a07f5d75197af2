// The small model API the shell and engines use.
import { describe, expect, it } from 'vitest';
import {
  canonicalIp,
  findHost,
  formatIssue,
  fullTargetIqn,
  hostIps,
  parseCidr,
  parseLab,
  parsePortalAddress,
  quoteValue,
  type Lab,
} from '../../../src/simulator/model';
import { datasetMountpoint } from '../../../src/simulator/model/mountpoints';
import { readText } from './lab-fixtures';

const parsed = parseLab(readText('tests/fixtures/labs/every-field.yaml'));
const lab = (parsed.ok ? parsed.lab : undefined) as Lab;

describe('lookups', () => {
  it('findHost by short name', () => {
    expect(findHost(lab, 'truenas')?.kind).toBe('truenas');
    expect(findHost(lab, 'nope')).toBeUndefined();
  });

  it('hostIps lists interface addresses, then static container addresses', () => {
    const pve = findHost(lab, 'pve');
    expect(pve && hostIps(pve)).toEqual(['192.168.5.146', '100.64.0.2', '192.168.5.150']);
    expect(pve && hostIps(pve, { guests: false })).toEqual(['192.168.5.146', '100.64.0.2']);
  });

  it('fullTargetIqn joins basename and name like the middleware', () => {
    expect(fullTargetIqn({ name: 'nextcloud' }, 'iqn.2005-10.org.freenas.ctl')).toBe('iqn.2005-10.org.freenas.ctl:nextcloud');
    expect(fullTargetIqn({ name: 'photos' })).toBe('iqn.2005-10.org.freenas.ctl:photos');
    expect(fullTargetIqn({ name: 'iqn.2020-01.lan.nas:x' }, 'iqn.2005-10.org.freenas.ctl')).toBe('iqn.2020-01.lan.nas:x');
  });

  it('datasetMountpoint follows inheritance and local mountpoints', () => {
    const pve = findHost(lab, 'pve');
    const truenas = findHost(lab, 'truenas');
    expect(pve && [datasetMountpoint(pve, 'tank'), datasetMountpoint(pve, 'rpool/data'), datasetMountpoint(pve, 'tank/archive'), datasetMountpoint(pve, 'tank/none')]).toEqual(['/tank', '/rpool/data', '/tank/archive', undefined]);
    expect(truenas && datasetMountpoint(truenas, 'MyMassStorage/backups')).toBe('/MyMassStorage/backups');
  });
});

describe('addresses', () => {
  it('parseCidr, canonicalIp and parsePortalAddress', () => {
    expect(parseCidr('192.168.5.146/24')).toEqual({ address: '192.168.5.146', prefix: 24, family: 4 });
    expect([parseCidr('192.168.5.146/33'), parseCidr('192.168.5.146'), parseCidr('fd00::1/129')]).toEqual([null, null, null]);
    expect(canonicalIp('FD00:0::1')?.canonical).toBe(canonicalIp('fd00::1')?.canonical);
    expect([canonicalIp('01.2.3.4'), canonicalIp('1::2::3'), canonicalIp('1.2.3')]).toEqual([null, null, null]);
    expect(parsePortalAddress('192.168.5.142')).toEqual({ host: '192.168.5.142', port: 3260 });
    expect(parsePortalAddress('[fd00::1]:3261')).toEqual({ host: 'fd00::1', port: 3261 });
    expect(parsePortalAddress('nas.lan:3260')).toEqual({ host: 'nas.lan', port: 3260 });
    expect(parsePortalAddress('nas lan')).toBeNull();
  });
});

describe('issue formatting', () => {
  it('formatIssue: path: message (fix), with file:line:column when known', () => {
    const issue = { path: 'hosts[0].name', message: 'value does not look like a valid DNS name', fix: 'use letters', line: 3, column: 9 };
    expect(formatIssue(issue)).toBe('hosts[0].name: value does not look like a valid DNS name (use letters)');
    expect(formatIssue(issue, { filename: 'lab.yaml' })).toBe('lab.yaml:3:9: hosts[0].name: value does not look like a valid DNS name (use letters)');
    expect(formatIssue({ path: '', message: 'the lab file is empty' })).toBe('lab: the lab file is empty');
  });

  it('quoteValue JSON-quotes and cuts', () => {
    expect([quoteValue('a"b\n'), quoteValue('x'.repeat(50)), quoteValue(3), quoteValue(null), quoteValue([1]), quoteValue({})]).toEqual(['"a\\"b\\n"', `"${'x'.repeat(40)}…"`, '3', 'null', 'a list of 1', 'a mapping']);
  });

  it('errors are plain JSON (they cross the worker boundary)', () => {
    const result = parseLab('version: 1\nname: x\nhosts: []\n');
    expect(result.ok).toBe(false);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
