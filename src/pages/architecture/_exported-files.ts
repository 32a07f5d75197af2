/**
 * The files the exporters write for a lab, as the architecture pages show them: the export
 * bundle (`hlab export`, the sandbox's download) rendered at build time, never pasted by hand.
 */
import { exportBundle } from '../../simulator/exporters/bundle';
import type { Lab } from '../../simulator/model';

/** One exported file, ready to show. */
export interface ShownFile {
  /** The host it belongs on, or undefined for the bundle's README. */
  host: string | undefined;
  /** Path inside the bundle: `pve/pct-create.sh`. */
  path: string;
  /** Its exact text. */
  content: string;
  /** What it is, in one line. */
  summary: string;
  /** Expressive Code language for the block. */
  lang: string;
}

/** Expressive Code language of a bundle file, from its name. */
function languageOf(path: string): string {
  if (path.endsWith('.sh')) return 'sh';
  if (path.endsWith('.md')) return 'md';
  if (path.endsWith('.json')) return 'json';
  return 'text';
}

/** The export bundle of `lab` for Proxmox VE 9, README first, then in the order to run. */
export function exportedFiles(lab: Lab): ShownFile[] {
  return exportBundle(lab).map((file) => ({
    host: file.host,
    path: file.path,
    content: file.content,
    summary: file.summary,
    lang: languageOf(file.path),
  }));
}
