// Shape errors: unknown keys, wrong types, missing keys, bad enum values, with the path,
// the line:column in the YAML text, and a fix.
import { describe, expect, it } from 'vitest';
import { parseLab, formatIssue } from '../../../src/simulator/model';
import { breakEveryField, issues, readText } from './lab-fixtures';

describe('unknown keys', () => {
  it('suggest the nearest key', () => {
    expect(breakEveryField((lab) => (lab.hosts[0].interfaces[0].adresses = lab.hosts[0].interfaces[0].addresses))).toMatchInlineSnapshot(`
      [
        "hosts[0].interfaces[0].adresses: unknown key "adresses" (did you mean "addresses"?)",
      ]
    `);
  });

  it('list the known keys when nothing is close', () => {
    expect(breakEveryField((lab) => (lab.zones[0].colour = 'red'))).toMatchInlineSnapshot(`
      [
        "zones[0].colour: unknown key "colour" (known keys here: id, name, kind)",
      ]
    `);
  });

  it('are found at every level, all at once', () => {
    expect(
      breakEveryField((lab) => {
        lab.verison = 1;
        lab.hosts[1].iscsi.target.extents[0].blocksise = 512;
        lab.hosts[0].containers[0].feature = {};
      }),
    ).toMatchInlineSnapshot(`
      [
        "hosts[0].containers[0].feature: unknown key "feature" (did you mean "features"?)",
        "hosts[1].iscsi.target.extents[0].blocksise: unknown key "blocksise" (did you mean "blocksize"?)",
        "verison: unknown key "verison" (did you mean "version"?)",
      ]
    `);
  });
});

describe('wrong types', () => {
  it('say what was expected and what was given', () => {
    expect(
      breakEveryField((lab) => {
        lab.hosts[0].containers[0].memory = '512MB';
        lab.hosts[0].containers[0].cores = '2';
        lab.hosts[0].containers[0].unprivileged = 'yes';
        lab.zones[0].name = 42;
        lab.hosts[0].disks = 'sda';
      }),
    ).toMatchInlineSnapshot(`
      [
        "zones[0].name: expected text, got a number (42) (put the value in quotes)",
        "hosts[0].disks: expected a list, got text ("sda") (write a list: [a, b] or one "- item" per line)",
        "hosts[0].containers[0].cores: expected a number, got text ("2") (remove the quotes around the number)",
        "hosts[0].containers[0].memory: expected a number, got text ("512MB")",
        "hosts[0].containers[0].unprivileged: expected true or false, got text ("yes") (write true or false)",
      ]
    `);
  });

  it('a missing required key is named', () => {
    expect(breakEveryField((lab) => delete lab.hosts[2].kind)).toMatchInlineSnapshot(`
      [
        "hosts[2].kind: required key "kind" is missing (add kind: one of proxmox, truenas, linux)",
      ]
    `);
  });

  it('an enum value that is nearly right gets a suggestion', () => {
    expect(breakEveryField((lab) => (lab.hosts[1].pools[1].vdevs[0].type = 'raidz'))).toMatchInlineSnapshot(`
      [
        "hosts[1].pools[1].vdevs[0].type: "raidz" is not one of: stripe, mirror, raidz1, raidz2, raidz3 (did you mean "raidz1"?)",
      ]
    `);
  });

  it('an unknown storage type names the types', () => {
    expect(breakEveryField((lab) => (lab.hosts[0].proxmox.storage[0].type = 'zfs'))).toMatchInlineSnapshot(`
      [
        "hosts[0].proxmox.storage[0].type: "zfs" is not one of: dir, zfspool, iscsi, lvm, nfs (did you mean "zfspool"?)",
      ]
    `);
  });

  it('a value that is neither of a union says both', () => {
    expect(breakEveryField((lab) => (lab.hosts[0].disks[0].size = true))).toMatchInlineSnapshot(`
      [
        "hosts[0].disks[0].size: expected a number or text, got true",
      ]
    `);
  });

  it('the whole file must be a mapping', () => {
    expect(issues('just some text')).toMatchInlineSnapshot(`
      [
        "lab: expected a mapping (key: value), got text ("just some text")",
      ]
    `);
    expect(issues([1, 2])).toMatchInlineSnapshot(`
      [
        "lab: expected a mapping (key: value), got a list of 2",
      ]
    `);
  });

  it('version must be 1', () => {
    expect(breakEveryField((lab) => (lab.version = 2))).toMatchInlineSnapshot(`
      [
        "version: lab file version 2 is not supported; this simulator reads version 1 (write version: 1)",
      ]
    `);
  });

  it('a lab needs a host', () => {
    expect(breakEveryField((lab) => (lab.hosts = []))).toMatchInlineSnapshot(`
      [
        "hosts: needs at least 1 item",
      ]
    `);
  });
});

describe('positions in the text', () => {
  const text = ['version: 1', 'name: Positions', 'hosts:', '  - name: pve', '    kind: proxmox', '    interfaces:', '      - name: vmbr0', '        adress: [10.0.0.1/24]', '    disks:', '      - { name: sda, size: lots, type: ssd }', ''].join('\n');

  it('issues carry line and column and come in file order', () => {
    const result = parseLab(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.path, e.line, e.column, e.code])).toMatchInlineSnapshot(`
      [
        [
          "hosts[0].interfaces[0].adress",
          8,
          9,
          "unknown-key",
        ],
        [
          "hosts[0].disks[0].size",
          10,
          28,
          "size",
        ],
      ]
    `);
    expect(result.errors.map((e) => formatIssue(e, { filename: 'lab.yaml' }))).toMatchInlineSnapshot(`
      [
        "lab.yaml:8:9: hosts[0].interfaces[0].adress: unknown key "adress" (did you mean "addresses"?)",
        "lab.yaml:10:28: hosts[0].disks[0].size: "lots" is not a size (write a number of bytes or a number with a unit: 512, 16K, 500G, 4T)",
      ]
    `);
  });

  it('JSON text gets positions too', () => {
    const json = '{\n  "version": 1,\n  "name": "j",\n  "hosts": [\n    { "name": "pve", "kind": "proxmox", "zone": 7 }\n  ]\n}\n';
    const result = parseLab(json);
    expect(result.ok ? [] : result.errors.map((e) => formatIssue(e, { filename: 'lab.json' }))).toMatchInlineSnapshot(`
      [
        "lab.json:5:49: hosts[0].zone: expected text, got a number (7) (put the value in quotes)",
      ]
    `);
  });
});

describe('reference problems in text', () => {
  it('also carry the line and column of the value', () => {
    const text = readText('tests/fixtures/labs/every-field.yaml').replace('disk: zvol/MyMassStorage/nextcloud', 'disk: zvol/MyMassStorage/nope');
    const result = parseLab(text);
    expect(result.ok ? [] : result.errors.map((e) => formatIssue(e, { filename: 'every-field.yaml' }))).toMatchInlineSnapshot(`
      [
        "every-field.yaml:149:57: hosts[1].iscsi.target.extents[0].disk: Device '/dev/zvol/MyMassStorage/nope' for volume 'MyMassStorage/nope' does not exist (zvols on truenas: MyMassStorage/nextcloud)",
      ]
    `);
  });
});
