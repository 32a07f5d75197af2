/**
 * The TrueNAS middleware as `midclt call METHOD ARGS...` reaches it: a method name and its
 * positional arguments (each parsed as JSON when it parses, else passed as a string), to
 * the iSCSI, service, pool, pool.dataset and system.info methods; unknown methods give the JSON-RPC "Method does not exist".
 * Job ids come from a per-World counter (`world.engines.truenas`).
 */
import type { World } from '../world';
import type { CallResult } from './call-result';
import { ISCSI_METHODS, iscsiCall } from './iscsi-api';
import type { PyValue } from './py-json';
import { serviceCall } from './service-api';
import { DATASET_METHODS, datasetCall } from './dataset-api';
import { POOL_METHODS, poolCall } from './pool-api';
import { systemCall } from './system-api';

/** The TrueNAS engine's slot: the next job id. */
interface TruenasState {
  nextJobId: number;
}

/** Every method name answered here (midclt completion). */
export const MIDDLEWARE_METHODS: readonly string[] = [...ISCSI_METHODS, 'service.query', 'service.control', 'service.update', 'service.start', 'service.stop', 'service.restart', 'service.reload', 'service.started', ...POOL_METHODS, ...DATASET_METHODS, 'system.info', 'system.version'].sort();

/** Calls a middleware method on `host`; `waited` is midclt's `-j` (wait for a job and give its result). */
export function callMiddleware(world: World, host: string, method: string, params: PyValue[], waited = false): CallResult {
  const job = (): number => {
    const slot = (world.engines['truenas'] ??= { nextJobId: 1 }) as TruenasState;
    return slot.nextJobId++;
  };
  return (
    iscsiCall(world, host, method, params) ??
    serviceCall(world, host, method, params, job, waited) ??
    datasetCall(world, host, method, params) ??
    poolCall(world, host, method, params, job, waited) ??
    systemCall(world, host, method) ?? { ok: false, text: 'Method does not exist' }
  );
}
