/**
 * Where the sandbox's export panel meets the exporters' bundle (exporters/bundle.ts): the
 * same files `hlab export` writes, for the lab as the session has changed it, and their .zip.
 */
import { exportBundle, zipBundle } from '../exporters/bundle';
import type { Lab } from '../model/lab';
import type { ExportFile, ExportOptions } from '../exporters/bundle-types';

/** The bundle's files for `lab` (README.md first, then in the order to run them). */
export function bundleFiles(lab: Lab, options: ExportOptions): ExportFile[] {
  return exportBundle(lab, { pve: options?.pve === 8 ? 8 : 9 });
}

/** The files as a .zip (scripts 0755, fixed times: the same files give the same bytes). */
export function bundleZip(files: ExportFile[]): Uint8Array {
  return zipBundle(files);
}
