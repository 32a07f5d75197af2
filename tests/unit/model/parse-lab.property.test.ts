// Property tests for parseLab: it never throws on any text or value, every error has a path
// and a message, and a valid lab survives JSON.stringify → parseLab unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLab, type Lab } from '../../../src/simulator/model';
import { everyField, type LabDoc } from './lab-fixtures';

function wellFormed(result: ReturnType<typeof parseLab>): boolean {
  if (result.ok) return typeof result.lab === 'object';
  return result.errors.length > 0 && result.errors.every((e) => typeof e.path === 'string' && typeof e.message === 'string' && e.message.length > 0);
}

describe('parseLab never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => wellFormed(parseLab(text))), { numRuns: 300 });
  });

  it('on strings made of YAML punctuation', () => {
    const yamlish = fc.array(fc.constantFrom('version: 1\n', 'name: x\n', 'hosts:\n', '  - ', '{', '}', '[', ']', ':', '&a ', '*a', '"', "'", '\n', '  ', '- ', '#', '!!str ', '? ', '|', '>'), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(fc.property(yamlish, (text) => wellFormed(parseLab(text))), { numRuns: 300 });
  });

  it('on arbitrary JSON values, as objects and as JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => wellFormed(parseLab(value)) && wellFormed(parseLab(JSON.stringify(value) ?? 'null'))),
      { numRuns: 200 },
    );
  });

  it('on the every-field lab with any one value replaced by any JSON value', () => {
    const base = everyField();
    const paths: (string | number)[][] = [];
    const walk = (node: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
      else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
    };
    walk(base, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue({ maxDepth: 2 }), (path, value) => {
        const lab = everyField();
        let node = lab;
        for (const key of path.slice(0, -1)) node = node[key];
        node[path[path.length - 1] as string] = value;
        return wellFormed(parseLab(lab));
      }),
      { numRuns: 200 },
    );
  });
});

/** Small valid labs: hosts with disks, a pool, datasets, zvols, storage and containers. */
const validLab = fc
  .record({
    hostCount: fc.integer({ min: 1, max: 3 }),
    kinds: fc.array(fc.constantFrom('proxmox', 'truenas', 'linux'), { minLength: 3, maxLength: 3 }),
    diskCounts: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }),
    sizes: fc.array(fc.constantFrom('500G', '1T', '4T', 512 * 1024 ** 3), { minLength: 5, maxLength: 5 }),
    datasetNames: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/), { maxLength: 3 }),
    zvolSizes: fc.array(fc.integer({ min: 1, max: 64 }).map((g) => `${g}G`), { maxLength: 2 }),
    containers: fc.uniqueArray(fc.integer({ min: 100, max: 999999999 }), { maxLength: 3 }),
    props: fc.record({ compression: fc.constantFrom('lz4', 'zstd', 'off'), atime: fc.constantFrom('on', 'off'), recordsize: fc.constantFrom('128K', '1M') }, { requiredKeys: [] }),
    description: fc.option(fc.string({ maxLength: 40 }).map((s) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''))),
  })
  .map((g) => {
    const hosts = Array.from({ length: g.hostCount }, (_, h) => {
      const kind = g.kinds[h] as string;
      const diskNames = Array.from({ length: g.diskCounts[h] as number }, (_, d) => `sd${String.fromCharCode(97 + d)}`);
      const layout = diskNames.length >= 4 ? 'raidz2' : diskNames.length >= 2 ? 'mirror' : 'stripe';
      const host: LabDoc = {
        name: `host${h}`,
        kind,
        interfaces: [{ name: 'eth0', addresses: [`10.0.${h}.2/24`], gateway: `10.0.${h}.1` }],
        disks: diskNames.map((name, d) => ({ name, size: g.sizes[d], type: 'hdd' })),
        pools: [{ name: 'tank', vdevs: [{ type: layout, disks: diskNames }], properties: { ashift: 12 } }],
        datasets: g.datasetNames.map((name) => ({ name: `tank/${name}`, properties: g.props })),
        zvols: g.zvolSizes.map((size, z) => ({ name: `tank/vol${z}`, size, sparse: z % 2 === 0 })),
      };
      if (kind === 'proxmox') {
        host.proxmox = { storage: [{ id: 'local', type: 'dir', path: '/var/lib/vz', content: ['rootdir', 'vztmpl'] }] };
        host.containers = g.containers
          .filter((_, c) => c % g.hostCount === h)
          .map((vmid) => ({ vmid, rootfs: { storage: 'local', size: '8G' }, mounts: [{ index: 0, source: '/tank', mp: '/data' }] }));
      }
      if (kind === 'truenas' && g.zvolSizes.length > 0) {
        host.iscsi = {
          target: {
            portals: [{ listen: [{ ip: '0.0.0.0' }] }],
            extents: [{ name: 'vol0', disk: 'zvol/tank/vol0' }],
            targets: [{ name: 'vol0', groups: [{ portal: 1 }] }],
            targetextents: [{ target: 1, extent: 1 }],
          },
        };
      }
      return host;
    });
    return { version: 1, name: 'generated', ...(g.description === null ? {} : { description: g.description }), hosts };
  });

describe('round trip', () => {
  it('generated labs are valid, and a parsed lab → JSON → parseLab is the same Lab', () => {
    fc.assert(
      fc.property(validLab, (input) => {
        const first = parseLab(input);
        if (!first.ok) throw new Error(JSON.stringify(first.errors));
        const again = parseLab(JSON.stringify(first.lab));
        expect(again).toEqual({ ok: true, lab: first.lab });
        const fromObject = parseLab(structuredClone(first.lab) as Lab);
        expect(fromObject).toEqual({ ok: true, lab: first.lab });
      }),
      { numRuns: 100 },
    );
  });
});
