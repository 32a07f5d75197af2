/**
 * Helpers for proving the TrueNAS exporters against the simulator's own middleware: a lab
 * without what the exported calls must build, and the middleware's answers to compare.
 */
import { callMiddleware } from '../../../src/simulator/engines/truenas';
import type { World } from '../../../src/simulator/engines/world';
import type { Lab } from '../../../src/simulator/model';

/** The lab without what the calls build: the TrueNAS hosts' iSCSI objects, zvols and the datasets above them, and the sessions to them. */
export function strippedLab(lab: Lab): Lab {
  const copy = structuredClone(lab);
  for (const host of copy.hosts) {
    if (host.kind === 'truenas' && host.iscsi?.target) {
      host.iscsi.target = { ...host.iscsi.target, portals: [], initiators: [], auths: [], extents: [], targets: [], targetextents: [] };
      // The datasets between a pool and its zvols go too: the calls make them.
      host.datasets = host.datasets.filter((d) => !host.zvols.some((z) => z.name.startsWith(`${d.name}/`)));
      host.zvols = [];
    }
    if (host.iscsi?.initiator) host.iscsi.initiator = { ...host.iscsi.initiator, sessions: [] };
  }
  return copy;
}

/** What the middleware answers about the iSCSI objects, the zvols and the service (extent serials are generated, so left out). */
export function middlewareAnswers(world: World, host: string): unknown {
  const query = (method: string): unknown => {
    const r = callMiddleware(world, host, method, []);
    return r.ok ? r.value : r;
  };
  const extents = (query('iscsi.extent.query') as Record<string, unknown>[]).map(({ serial: _serial, ...rest }) => rest);
  const prop = (d: Record<string, unknown>, key: string, field: string): unknown => (d[key] as Record<string, unknown> | undefined)?.[field];
  const volumes = (query('pool.dataset.query') as Record<string, unknown>[])
    .filter((d) => d['type'] === 'VOLUME')
    .map((d) => ({ name: d['name'], volsize: prop(d, 'volsize', 'parsed'), volblocksize: prop(d, 'volblocksize', 'parsed'), sparse: prop(d, 'sparse', 'parsed'), compression: prop(d, 'compression', 'value') }));
  return {
    portals: query('iscsi.portal.query'),
    initiators: query('iscsi.initiator.query'),
    auths: query('iscsi.auth.query'),
    targets: query('iscsi.target.query'),
    extents,
    targetextents: query('iscsi.targetextent.query'),
    volumes,
    service: callMiddleware(world, host, 'service.query', [[['service', '=', 'iscsitarget']], { get: true, select: ['enable', 'state'] }]),
  };
}
