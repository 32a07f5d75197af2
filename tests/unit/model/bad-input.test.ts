// Bad input never throws, never hangs: a clear error for malformed YAML/JSON, wrong
// types, huge files, deep nesting, binary junk, cycles and hostile strings.
import { describe, expect, it } from 'vitest';
import { parseLab, formatIssue, MAX_LAB_BYTES } from '../../../src/simulator/model';
import { everyField, issues, type LabDoc } from './lab-fixtures';

function formatted(input: unknown): string[] {
  const result = parseLab(input);
  return result.ok ? [] : result.errors.map((e) => formatIssue(e, { filename: 'lab.yaml' }));
}

describe('syntax', () => {
  it('malformed YAML says where', () => {
    expect(formatted('version: 1\nname: "unterminated\nhosts: []\n')).toMatchInlineSnapshot(`
      [
        "lab.yaml:4:1: lab: YAML syntax error: Missing closing "quote",
      ]
    `);
    expect(formatted('version: 1\n  name: bad indent\n')).toMatchInlineSnapshot(`
      [
        "lab.yaml:1:10: lab: YAML syntax error: Nested mappings are not allowed in compact mappings",
        "lab.yaml:1:10: lab: YAML syntax error: Implicit keys need to be on a single line",
      ]
    `);
    expect(formatted('version: 1\nversion: 1\n')).toMatchInlineSnapshot(`
      [
        "lab.yaml:2:1: lab: YAML syntax error: Map keys must be unique",
      ]
    `);
  });

  it('malformed JSON says where', () => {
    expect(formatted('{ "version": 1, "name": "x", }')).toMatchInlineSnapshot(`
      [
        "lab.yaml:1:30: lab: not valid JSON: Expected double-quoted property name (check for a missing comma, quote or bracket there)",
      ]
    `);
    expect(formatted('{ "version": 1,\n  "name": "x"\n  "hosts": [] }')).toMatchInlineSnapshot(`
      [
        "lab.yaml:3:3: lab: not valid JSON: Expected ',' or '}' after property value (check for a missing comma, quote or bracket there)",
      ]
    `);
  });

  it('an empty file is named as such', () => {
    expect(formatted('')).toMatchInlineSnapshot(`
      [
        "lab.yaml: lab: the lab file is empty (start with "version: 1", a name and hosts (see src/content/labs/starter.yaml))",
      ]
    `);
    expect(formatted('# only a comment\n')).toMatchInlineSnapshot(`
      [
        "lab.yaml: lab: the lab file is empty (start with "version: 1", a name and hosts (see src/content/labs/starter.yaml))",
      ]
    `);
  });
});

describe('size and content', () => {
  it('a 20 MB file is refused before parsing', () => {
    const text = `version: 1\nname: big\ndescription: "${'x'.repeat(20 * 1024 * 1024)}"\n`;
    const started = performance.now();
    expect(formatted(text)).toMatchInlineSnapshot(`
      [
        "lab.yaml: lab: lab file is 20.0 MB; the limit is 5 MB (a lab file is a few kilobytes of YAML: check that this is the right file)",
      ]
    `);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a file just under the limit is read', () => {
    const text = `version: 1\nname: big\ndescription: "${'x'.repeat(MAX_LAB_BYTES - 100)}"\nhosts: []\n`;
    expect(formatted(text)).toEqual(['lab.yaml:4:8: hosts: needs at least 1 item']);
  });

  it('binary junk is not a lab', () => {
    const junk = Array.from({ length: 512 }, (_, i) => String.fromCharCode((i * 37) % 256)).join('');
    expect(formatted(junk)).toMatchInlineSnapshot(`
      [
        "lab.yaml: lab: not a text lab file (it contains binary data) (open a .yaml or .json lab file)",
      ]
    `);
    expect(formatted('version: 1\u0000\nname: x')).toMatchInlineSnapshot(`
      [
        "lab.yaml: lab: not a text lab file (it contains binary data) (open a .yaml or .json lab file)",
      ]
    `);
  });

  it('a YAML alias bomb is refused', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
    expect(formatted(lines.join('\n'))).toMatchInlineSnapshot(`
      [
        "lab.yaml: lab: too many YAML aliases (a resource exhaustion attack?)",
      ]
    `);
  });
});

describe('nesting 10,000 deep', () => {
  const N = 10_000;

  it('YAML flow sequences', () => {
    expect(formatted(`version: 1\nname: ${'['.repeat(N)}${']'.repeat(N)}\n`)).toMatchInlineSnapshot(`
      [
        "lab.yaml:2:71: lab: nesting is deeper than 64 levels",
      ]
    `);
  });

  it('YAML flow mappings and JSON', () => {
    expect(formatted(`${'{a: '.repeat(N)}1${'}'.repeat(N)}`)).toMatchInlineSnapshot(`
      [
        "lab.yaml:1:257: lab: nesting is deeper than 64 levels",
      ]
    `);
    expect(formatted(`{"version": 1, "name": ${'{"a":'.repeat(N)}1${'}'.repeat(N)}}`)).toMatchInlineSnapshot(`
      [
        "lab.yaml:1:339: lab: nesting is deeper than 64 levels",
      ]
    `);
  });

  it('YAML block sequences on one line', () => {
    expect(formatted(`version: 1\nname:\n  ${'- '.repeat(N)}x\n`)).toMatchInlineSnapshot(`
      [
        "lab.yaml:3:20002: lab: nesting is deeper than 64 levels",
      ]
    `);
  });

  it('YAML block mappings', () => {
    let text = 'version: 1\nname:\n';
    for (let i = 1; i <= 100; i++) text += `${' '.repeat(i)}a:\n`;
    expect(formatted(text)).toMatchInlineSnapshot(`
      [
        "lab.yaml:66:65: lab: nesting is deeper than 64 levels",
      ]
    `);
  });

  it('objects, including a cycle', () => {
    let deep: unknown = 1;
    for (let i = 0; i < N; i++) deep = { a: deep };
    expect(formatted({ version: 1, name: 'x', hosts: [deep] })[0]).toMatchInlineSnapshot(`"lab.yaml: hosts[0].a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a: nesting is deeper than 64 levels"`);
    const cyclic: LabDoc = everyField();
    cyclic.hosts[0].description = cyclic;
    expect(formatted(cyclic)[0]).toMatchInlineSnapshot(`"lab.yaml: hosts[0].description: the lab contains itself here (a cycle)"`);
  });
});

describe('hostile strings in names', () => {
  const hostile = ['$(rm -rf /)', 'a"b', "a'b", 'a\nb', '<script>alert(1)</script>', '`id`', 'a;b', '../../etc'];

  // One setter per kind of name in the lab.
  const places: [string, (lab: LabDoc, value: string) => void][] = [
    ['host name', (lab, v) => (lab.hosts[2].name = v)],
    ['hostname', (lab, v) => (lab.hosts[0].hostname = v)],
    ['zone id', (lab, v) => (lab.zones[0].id = v)],
    ['interface', (lab, v) => (lab.hosts[2].interfaces[1].name = v)],
    ['address', (lab, v) => (lab.hosts[2].interfaces[1].addresses = [v])],
    ['disk', (lab, v) => (lab.hosts[2].disks[0].name = v)],
    ['user', (lab, v) => (lab.hosts[0].users[1].name = v)],
    ['group', (lab, v) => (lab.hosts[0].groups[1].name = v)],
    ['subuid', (lab, v) => (lab.hosts[0].subuid[0] = v)],
    ['pool', (lab, v) => (lab.hosts[1].pools[1].name = v)],
    ['dataset', (lab, v) => (lab.hosts[1].datasets[0].name = v)],
    ['zvol', (lab, v) => (lab.hosts[1].zvols[0].name = v)],
    ['mountpoint', (lab, v) => (lab.hosts[0].datasets[1].properties.mountpoint = v)],
    ['storage id', (lab, v) => (lab.hosts[0].proxmox.storage[0].id = v)],
    ['template', (lab, v) => (lab.hosts[0].proxmox.templates[0] = v)],
    ['initiator name', (lab, v) => (lab.hosts[0].iscsi.initiator.name = v)],
    ['basename', (lab, v) => (lab.hosts[1].iscsi.target.basename = v)],
    ['target name', (lab, v) => (lab.hosts[1].iscsi.target.targets[0].name = v)],
    ['extent disk', (lab, v) => (lab.hosts[1].iscsi.target.extents[0].disk = v)],
    ['portal ip', (lab, v) => (lab.hosts[1].iscsi.target.portals[0].listen[0].ip = v)],
    ['CHAP user', (lab, v) => (lab.hosts[1].iscsi.target.auths[0].user = v)],
    ['container hostname', (lab, v) => (lab.hosts[0].containers[0].hostname = v)],
    ['bind mount', (lab, v) => (lab.hosts[0].containers[0].mounts[0].source = v)],
    ['mount path', (lab, v) => (lab.hosts[0].containers[0].mounts[0].mp = v)],
    ['idmap', (lab, v) => (lab.hosts[0].containers[0].idmap[0] = v)],
    ['lxc line', (lab, v) => (lab.hosts[0].containers[0].lxc[0] = v)],
    ['tag', (lab, v) => (lab.hosts[0].containers[0].tags[0] = v)],
    ['bridge', (lab, v) => (lab.hosts[0].containers[0].net[0].bridge = v)],
    ['vm name', (lab, v) => (lab.hosts[0].vms[0].name = v)],
    ['service', (lab, v) => (lab.services[0].name = v)],
    ['link kind', (lab, v) => (lab.links[0].kind = v)],
  ];

  it.each(places)('%s: every hostile value is refused', (_place, set) => {
    for (const value of hostile) {
      const lab = everyField();
      set(lab, value);
      const found = issues(lab);
      expect(found.length, `${_place} = ${JSON.stringify(value)}`).toBeGreaterThan(0);
      // Quoted safely: a newline in the value never reaches the message raw.
      for (const line of found) expect(line).not.toContain('\n');
    }
  });

  it('a hostile value is quoted, escaped and cut in the message', () => {
    const lab = everyField();
    lab.hosts[0].disks[0].size = `$(rm -rf /)\n${'x'.repeat(100)}`;
    expect(issues(lab)).toMatchInlineSnapshot(`
      [
        "hosts[0].disks[0].size: "$(rm -rf /)\\nxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" is not a size (write a number of bytes or a number with a unit: 512, 16K, 500G, 4T)",
      ]
    `);
  });

  it('free text may hold quotes and markup but not control characters', () => {
    const lab = everyField();
    lab.hosts[0].description = 'Runs "things" <b>here</b> $(not run)\n\tsecond line';
    lab.hosts[1].iscsi.target.portals[0].comment = 'LAN\r';
    expect(issues(lab)).toMatchInlineSnapshot(`
      [
        "hosts[1].iscsi.target.portals[0].comment: text contains the control character '\\r' (keep it to one line of printable text)",
      ]
    `);
  });
});

describe('odd object input', () => {
  it('functions, symbols-free junk and null are reported, not thrown', () => {
    expect(formatted(null)).toMatchInlineSnapshot(`
      [
        "lab.yaml: lab: expected a mapping (key: value), got nothing (null)",
      ]
    `);
    expect(formatted(undefined)).toMatchInlineSnapshot(`
      [
        "lab.yaml: lab: expected a mapping (key: value), got nothing",
      ]
    `);
    expect(formatted({ version: 1, name: () => 1, hosts: [new Date(0)] })).toMatchInlineSnapshot(`
      [
        "lab.yaml: name: expected text, got a function",
        "lab.yaml: hosts[0].name: required key "name" is missing (add name: with text)",
        "lab.yaml: hosts[0].kind: required key "kind" is missing (add kind: one of proxmox, truenas, linux)",
      ]
    `);
  });
});

describe('JSON by file name', () => {
  it('a .json file is read as JSON even when it does not start with {', () => {
    const result = parseLab('[1, 2,]', { filename: 'lab.json' });
    expect(result.ok ? [] : result.errors.map((e) => formatIssue(e))).toMatchInlineSnapshot(`
      [
        "lab: not valid JSON: Unexpected token ']' (check for a missing comma, quote or bracket there)",
      ]
    `);
  });
});
