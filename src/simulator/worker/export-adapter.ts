/**
 * Where the sandbox's export panel meets the exporters' bundle (exporters/bundle.ts,
 * `exportBundle` and `zipBundle`). Until that bundle exists this adapter offers no files and
 * an empty .zip; it is the one place to wire it.
 */
import { zipSync } from 'fflate';
import type { Lab } from '../model';
import type { ExportFile, ExportOptions } from '../exporters/bundle-types';

/** The bundle's files for `lab` (none until exporters/bundle.ts lands). */
export function bundleFiles(_lab: Lab, _options: ExportOptions): ExportFile[] {
  return [];
}

/** The files as a .zip (an empty archive until exporters/bundle.ts lands). */
export function bundleZip(_files: ExportFile[]): Uint8Array {
  return zipSync({});
}
