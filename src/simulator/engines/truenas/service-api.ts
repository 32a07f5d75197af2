/**
 * `service.start|stop|restart|reload|started|query` for the services this simulator runs:
 * `iscsitarget` (the iSCSI engine's target service) and `ssh` (always running). Others are
 * listed as stopped. In 25.10 start/stop/restart/reload are jobs (api/v25_10_0/service.py
 * ServiceStartResult: `true` if the service started), so without `-j` midclt prints the
 * job's id; the change is made at once (the job's time is not simulated).
 */
// @sim midclt service.* | TrueNAS 25.10 plugins/service.py + api/v25_10_0/service.py: ServiceEntry {id, service, enable, state, pids}; control VERB SERVICE (a job); update ID_OR_NAME {enable}; start/stop/restart/reload as jobs (job id without -j, the boolean with -j)
import { isTargetRunning, startTargetService, stopTargetService } from '../iscsi/target-service';
import { listProcesses } from '../kernel/processes';
import type { World } from '../world';
import type { CallResult } from './call-result';
import type { PyValue } from './py-json';
import { filterList } from './query-filters';
import { TARGET_DAEMON } from '../iscsi/target-service';

/** The services table (services.services), in its id order. */
const SERVICES = ['cifs', 'ftp', 'iscsitarget', 'nfs', 'snmp', 'ssh', 'ups', 'smartd', 'nvmet'] as const;

/** The running PIDs of a service on a host. */
function pidsOf(world: World, host: string, service: string): number[] {
  if (!world.kernel[host]) return [];
  const comm = service === 'iscsitarget' ? TARGET_DAEMON : service === 'ssh' ? 'sshd' : service === 'smartd' ? 'smartd' : null;
  return comm ? listProcesses(world, host).filter((p) => p.comm === comm && p.ppid === 1).map((p) => p.pid) : [];
}

/** Whether a service runs. */
function running(world: World, host: string, service: string): boolean {
  if (service === 'iscsitarget') return isTargetRunning(world, host);
  return pidsOf(world, host, service).length > 0;
}

/** The "start automatically" flags `service.update` set, per host (kept in the TrueNAS engine's slot). */
function enableFlags(world: World, host: string): Record<string, boolean> {
  const slot = (world.engines['truenas'] ??= { nextJobId: 1 }) as { serviceEnable?: Record<string, Record<string, boolean>> };
  return ((slot.serviceEnable ??= {})[host] ??= {});
}

/** A ServiceEntry. */
function entry(world: World, host: string, service: string, id: number): { [key: string]: PyValue } {
  const enable = enableFlags(world, host)[service] ?? (running(world, host, service) && service !== 'iscsitarget');
  return { id, service, enable, state: running(world, host, service) ? 'RUNNING' : 'STOPPED', pids: pidsOf(world, host, service) };
}

/** Runs a `service.*` method; null when it is not one. `job` is true with midclt -j. */
export function serviceCall(world: World, host: string, method: string, params: PyValue[], job: () => number, waited: boolean): CallResult | null {
  const verb = /^service\.([a-z_]+)$/.exec(method)?.[1];
  if (!verb) return null;
  if (verb === 'query') return filterList(SERVICES.map((s, i) => entry(world, host, s, i + 1)), params[0], params[1]);
  // service.py (TS-25.10.1) control: a job running start|stop|restart|reload (VERB, SERVICE[, OPTIONS]), the way 25.10 scripts start services.
  if (verb === 'control') {
    const action = params[0];
    if (action !== 'START' && action !== 'STOP' && action !== 'RESTART' && action !== 'RELOAD') return { ok: false, errors: [{ attr: 'verb', message: "Input should be 'START', 'STOP', 'RESTART' or 'RELOAD'" }] };
    return serviceCall(world, host, `service.${action.toLowerCase()}`, params.slice(1, 2), job, waited);
  }
  // service.py do_update(id_or_name, {enable}): the "start automatically" flag; returns the service's id.
  if (verb === 'update') {
    const key = params[0];
    const index = typeof key === 'number' || (typeof key === 'string' && /^\d+$/.test(key)) ? Number(key) - 1 : SERVICES.indexOf(key as (typeof SERVICES)[number]);
    const data = params[1];
    const name = SERVICES[index];
    // do_update raises CallError(f'Service {id_or_name} not found.', errno.ENOENT).
    if (name === undefined) return { ok: false, text: `[ENOENT] Service ${typeof key === 'string' ? key : JSON.stringify(key)} not found.` };
    if (data === null || typeof data !== 'object' || Array.isArray(data) || typeof data['enable'] !== 'boolean') return { ok: false, errors: [{ attr: 'service_update.enable', message: 'Field required' }] };
    enableFlags(world, host)[name] = data['enable'];
    return { ok: true, value: index + 1 };
  }
  const name = params[0];
  if (name === undefined) return { ok: false, errors: [{ attr: 'service', message: 'Field required' }] };
  if (typeof name !== 'string') return { ok: false, errors: [{ attr: 'service', message: 'Input should be a valid string' }] };
  if (!(SERVICES as readonly string[]).includes(name)) return { ok: false, errors: [{ attr: 'service', errno: 'ENOENT', message: `The service '${name}' does not exist` }] };
  if (verb === 'started') return { ok: true, value: running(world, host, name) };
  if (!['start', 'stop', 'restart', 'reload'].includes(verb)) return { ok: false, text: 'Method does not exist' };
  if (name === 'iscsitarget') {
    if (verb === 'stop') stopTargetService(world, host);
    else if (verb === 'restart') {
      stopTargetService(world, host);
      startTargetService(world, host);
    } else startTargetService(world, host);
  }
  const result = verb === 'stop' ? !running(world, host, name) : running(world, host, name);
  return { ok: true, value: waited ? result : job() };
}
