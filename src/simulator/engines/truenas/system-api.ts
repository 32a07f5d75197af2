/**
 * `system.info` (TrueNAS 25.10 plugins/system_/info.py, api/v25_10_0/system.py SystemInfo):
 * the version, hostname, memory, CPU and uptime the middleware reports, from the host's
 * kernel and the virtual clock. Simplified: representative fields with fixed hardware
 * figures (the simulated box has no DMI tables).
 */
// @sim midclt system.info | TrueNAS 25.10 plugins/system_/info.py: version, hostname, physmem, cores, uptime_seconds, boottime, datetime, timezone (representative fields)
import { hostnameOf } from '../net/resolve';
import type { World } from '../world';
import type { CallResult } from './call-result';

/** TrueNAS 25.10.1 "Goldeye". */
export const TRUENAS_VERSION = '25.10.1';

/** Python's str(timedelta(seconds=s)): `1 day, 2:03:04` (whole seconds here). */
function pyTimedelta(seconds: number): string {
  const s = Math.floor(seconds);
  const days = Math.floor(s / 86400);
  const rest = s % 86400;
  const hms = `${Math.floor(rest / 3600)}:${String(Math.floor((rest % 3600) / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}`;
  return days > 0 ? `${days} day${days === 1 ? '' : 's'}, ${hms}` : hms;
}

/** Runs `system.info` (and `system.version`); null for other methods. */
export function systemCall(world: World, host: string, method: string): CallResult | null {
  if (method !== 'system.info' && method !== 'system.version') return null;
  const h = world.lab.hosts.find((x) => x.name === host);
  if (!h) return { ok: false, text: 'Method does not exist' };
  if (method === 'system.version') return { ok: true, value: `TrueNAS-${TRUENAS_VERSION}` };
  const boot = world.kernel[host]?.bootTime ?? world.clock;
  const up = Math.max(0, (world.clock - boot) / 1000);
  return {
    ok: true,
    value: {
      version: `TrueNAS-${TRUENAS_VERSION}`,
      buildtime: { $date: 1761753600000 },
      hostname: hostnameOf(h),
      physmem: 34359738368,
      model: 'Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz',
      cores: 28,
      physical_cores: 14,
      loadavg: [0.08, 0.05, 0.01],
      uptime: pyTimedelta(up),
      uptime_seconds: Math.floor(up),
      system_serial: '',
      system_product: 'PowerEdge R630',
      system_product_version: '',
      license: null,
      boottime: { $date: boot },
      datetime: { $date: world.clock },
      timezone: 'Etc/UTC',
      system_manufacturer: 'Dell Inc.',
      ecc_memory: true,
    },
  };
}
