/**
 * The refreservation each dataset holds, for the space figures: a thick volume's
 * (zvol.ts refreservationOf), or the property a filesystem sets.
 */
import type { Host } from '../../model';
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
