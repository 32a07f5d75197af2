/**
 * `service.start|stop|restart|reload|started|query` for the services this simulator runs:
 * `iscsitarget` (the iSCSI engine's target service) and `ssh` (always running). Others are
 * listed as stopped. In 25.10 start/stop/restart/reload are jobs (api/v25_10_0/service.py
 * ServiceStartResult: `true` if the service started), so without `-j` midclt prints the
 * job's id; the change is made at once (the job's time is not simulated).
 */
// @sim midclt service.* | TrueNAS 25.10 plugins/service.py + api/v25_10_0/service.py: ServiceEntry {id, service, enable, state, pids}; start/stop/restart/reload as jobs (job id without -j, the boolean with -j)
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

/** A ServiceEntry. */
function entry(world: World, host: string, service: string, id: number): { [key: string]: PyValue } {
  return { id, service, enable: running(world, host, service) && service !== 'iscsitarget', state: running(world, host, service) ? 'RUNNING' : 'STOPPED', pids: pidsOf(world, host, service) };
}

/** Runs a `service.*` method; null when it is not one. `job` is true with midclt -j. */
export function serviceCall(world: World, host: string, method: string, params: PyValue[], job: () => number, waited: boolean): CallResult | null {
  const verb = /^service\.([a-z_]+)$/.exec(method)?.[1];
  if (!verb) return null;
  if (verb === 'query') return filterList(SERVICES.map((s, i) => entry(world, host, s, i + 1)), params[0], params[1]);
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
