// lxc.idmap rules: Proxmox's parse and overlap messages, the kernel's limits, and the
// unmapped-range check for unprivileged containers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdmap, effectiveIdmap, parseIdmapLine, formatIdmapEntry } from '../../../src/simulator/model';
import { breakEveryField } from './lab-fixtures';

const PASSTHROUGH_1000 = ['u 0 100000 1000', 'g 0 100000 1000', 'u 1000 1000 1', 'g 1000 1000 1', 'u 1001 101001 64535', 'g 1001 101001 64535'];

describe('parsing', () => {
  it('reads "type container host count" like pve-container parse_id_maps', () => {
    expect(parseIdmapLine('u 0 100000 65536')).toEqual({ type: 'u', container: 0, host: 100000, count: 65536 });
    expect(parseIdmapLine('g  1000   1000 1 ')).toEqual({ type: 'g', container: 1000, host: 1000, count: 1 });
    expect([parseIdmapLine('x 0 1 2'), parseIdmapLine('u 0 100000'), parseIdmapLine('u -1 0 1')]).toEqual([null, null, null]);
  });

  it('a line that does not parse gets Proxmox\'s message', () => {
    expect(checkIdmap(['u 0 100000 65536', 'g 0 100000 65536', 'u 0:100000:65536'], true)).toMatchInlineSnapshot(`
      [
        {
          "fix": "write "u|g CONTAINER-ID HOST-ID COUNT", like "u 0 100000 65536"",
          "index": 2,
          "message": "failed to parse idmap: u 0:100000:65536",
        },
      ]
    `);
  });

  it('round-trips through formatIdmapEntry', () => {
    const entry = fc.record({ type: fc.constantFrom('u' as const, 'g' as const), container: fc.nat(), host: fc.nat(), count: fc.nat() });
    fc.assert(
      fc.property(entry, (e) => {
        expect(parseIdmapLine(formatIdmapEntry(e))).toEqual(e);
      }),
    );
  });
});

describe('overlaps (pve-container LXC.pm validate_id_maps)', () => {
  it('the container side, in Proxmox\'s words', () => {
    expect(checkIdmap(['u 0 100000 65536', 'u 1005 1005 1', 'u 1006 201006 64530', 'g 0 100000 65536'], true)).toMatchInlineSnapshot(`
      [
        {
          "fix": "make the container ranges of the uid lines disjoint",
          "index": 1,
          "message": "invalid map entry 'u 1005 1005 1': container uid 1005 is also mapped by entry 'u 0 100000 65536'",
        },
        {
          "fix": "make the container ranges of the uid lines disjoint",
          "index": 2,
          "message": "invalid map entry 'u 1006 201006 64530': container uid 1006 is also mapped by entry 'u 0 100000 65536'",
        },
      ]
    `);
  });

  it('the host side', () => {
    expect(checkIdmap(['u 0 100000 1005', 'u 1005 1005 2', 'u 1007 101007 992', 'u 11000 1000 10', 'g 0 100000 65536'], false)).toMatchInlineSnapshot(`
      [
        {
          "fix": "make the host ranges of the uid lines disjoint",
          "index": 1,
          "message": "invalid map entry 'u 1005 1005 2': host uid 1005 is also mapped by entry 'u 11000 1000 10'",
        },
      ]
    `);
  });

  it('a conflict hidden behind a shorter range is still found', () => {
    // Proxmox's own test notes its neighbour-only check misses 0..10 vs 5..10 here.
    expect(checkIdmap(['u 5 100000 6', 'u 0 200000 11', 'u 3 300000 2'], false).map((p) => p.message)).toMatchInlineSnapshot(`
      [
        "invalid map entry 'u 3 300000 2': container uid 3 is also mapped by entry 'u 0 200000 11'",
        "invalid map entry 'u 5 100000 6': container uid 5 is also mapped by entry 'u 0 200000 11'",
      ]
    `);
  });

  it('uid and gid lines never conflict with each other', () => {
    expect(checkIdmap(['u 0 100000 65536', 'g 0 100000 65536'], true)).toEqual([]);
  });
});

describe('kernel limits (user_namespaces(7))', () => {
  it('a count of 0 is refused', () => {
    expect(checkIdmap(['u 0 100000 0'], false)).toMatchInlineSnapshot(`
      [
        {
          "fix": "remove the line or give it a count",
          "index": 0,
          "message": "invalid map entry 'u 0 100000 0': count must be at least 1 (the kernel rejects the map with "Invalid argument")",
        },
      ]
    `);
  });

  it('at most 340 lines per map', () => {
    const lines = Array.from({ length: 341 }, (_, i) => `u ${i} ${100000 + i} 1`);
    expect(checkIdmap(lines, false)).toMatchInlineSnapshot(`
      [
        {
          "fix": "merge adjacent ranges into fewer lines",
          "message": "341 uid map lines; the kernel accepts at most 340 (user_namespaces(7))",
        },
      ]
    `);
  });
});

describe('a map must fit in one page', () => {
  it('340 short lines fit, 340 long lines do not', () => {
    const short = Array.from({ length: 340 }, (_, i) => `u ${i} ${i + 10} 1`);
    expect(checkIdmap(short, false)).toEqual([]);
    const long = Array.from({ length: 340 }, (_, i) => `u ${i} ${100000 + i} 1`);
    expect(checkIdmap(long, false)).toMatchInlineSnapshot(`
      [
        {
          "fix": "merge adjacent ranges into fewer lines",
          "message": "the uid map is 4310 bytes as the kernel reads it; a map must be shorter than 4096 bytes (user_namespaces(7))",
        },
      ]
    `);
  });
});

describe('unprivileged containers map 0-65535 of both types', () => {
  it('the pass-through map of every-field.yaml is complete', () => {
    expect(checkIdmap(PASSTHROUGH_1000, true)).toEqual([]);
  });

  it('the first gap is named, with a line that fills it', () => {
    expect(checkIdmap(['u 0 100000 1000', 'u 1001 101001 64535', 'g 0 100000 65536'], true)).toMatchInlineSnapshot(`
      [
        {
          "fix": "add "u 1000 101000 1" or widen a neighbouring line: an unprivileged container needs uids 0-65535 mapped",
          "message": "container uid 1000-1000 is not mapped",
        },
      ]
    `);
    expect(checkIdmap(['u 0 100000 65536'], true)).toMatchInlineSnapshot(`
      [
        {
          "fix": "add "g 0 100000 65536" or widen a neighbouring line: an unprivileged container needs gids 0-65535 mapped",
          "message": "container gid 0-65535 is not mapped",
        },
      ]
    `);
    expect(checkIdmap(['u 0 100000 60000', 'g 0 100000 65536'], true)).toMatchInlineSnapshot(`
      [
        {
          "fix": "add "u 60000 160000 5536" or widen a neighbouring line: an unprivileged container needs uids 0-65535 mapped",
          "message": "container uid 60000-65535 is not mapped",
        },
      ]
    `);
  });

  it('privileged containers may map part of the range', () => {
    expect(checkIdmap(['u 1000 1000 1'], false)).toEqual([]);
  });

  it('any complete, disjoint map passes', () => {
    // Cut 0..65535 into consecutive ranges and map each somewhere disjoint on the host.
    const cuts = fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 20 }).map((c) => [0, ...c.sort((a, b) => a - b), 65536]);
    fc.assert(
      fc.property(cuts, (points) => {
        const lines: string[] = [];
        for (let i = 0; i + 1 < points.length; i++) {
          const from = points[i] as number;
          const count = (points[i + 1] as number) - from;
          lines.push(`u ${from} ${200000 + from} ${count}`, `g ${from} ${200000 + from} ${count}`);
        }
        expect(checkIdmap(lines, true)).toEqual([]);
      }),
    );
  });
});

describe('effective map', () => {
  it('is Proxmox\'s default for an unprivileged container without lines, none for a privileged one', () => {
    expect(effectiveIdmap([], true).map(formatIdmapEntry)).toEqual(['u 0 100000 65536', 'g 0 100000 65536']);
    expect(effectiveIdmap([], false)).toEqual([]);
    expect(effectiveIdmap(['u 0 100000 65536'], true).map(formatIdmapEntry)).toEqual(['u 0 100000 65536']);
  });
});

describe('in a lab', () => {
  it('issues point at the line', () => {
    expect(breakEveryField((lab) => (lab.hosts[0].containers[0].idmap = [...PASSTHROUGH_1000, 'u 1005 1005 1']))).toMatchInlineSnapshot(`
      [
        "hosts[0].containers[0].idmap[6]: invalid map entry 'u 1005 1005 1': container uid 1005 is also mapped by entry 'u 1001 101001 64535' (make the container ranges of the uid lines disjoint)",
      ]
    `);
  });
});
