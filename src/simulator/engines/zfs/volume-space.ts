/**
 * The refreservation each dataset holds, for the space figures: a thick volume's
 * (zvol.ts refreservationOf), or the property a filesystem sets.
 */
import type { Host } from '../../model/host';
import { localProperties } from './properties';
import type { PoolState } from './state';
import { refreservationOf } from './zvol';

/** Bytes of refreservation of a dataset (0 for none). */
export function datasetRefreservation(host: Host, _pool: PoolState, name: string): number {
  const zvol = host.zvols.find((z) => z.name === name);
  if (zvol) return refreservationOf(zvol);
  const r = localProperties(host, name).refreservation;
  return typeof r === 'number' ? r : 0;
}

/** A dataset's `quota` and `refquota` in bytes (undefined for none). */
export interface DatasetQuotas {
  quota?: number;
  refquota?: number;
}

/** The quotas set on a dataset in the lab (zfsprops(7) quota, refquota; `none` is no limit). */
export function datasetQuotas(host: Host, name: string): DatasetQuotas {
  const props = localProperties(host, name);
  const bytes = (v: unknown) => (typeof v === 'number' && v > 0 ? v : undefined);
  const quota = bytes(props.quota);
  const refquota = bytes(props.refquota);
  return { ...(quota !== undefined ? { quota } : {}), ...(refquota !== undefined ? { refquota } : {}) };
}

