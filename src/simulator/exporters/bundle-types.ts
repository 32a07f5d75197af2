/**
 * The contract every bundle exporter follows: a pure `render(lab, options) → files`.
 * The bundle writer (`hlab export`, the sandbox's export panel) only concatenates these lists.
 */
import type { Lab } from '../model/lab';

/** Which part of the bundle to write (`hlab export --only NAME`). */
export const EXPORT_PARTS = ['truenas', 'proxmox', 'zfs', 'tgt', 'targetcli'] as const;
/** One part of the bundle. */
export type ExportPart = (typeof EXPORT_PARTS)[number];

/** Options every exporter receives. */
export interface ExportOptions {
  /**
   * The Proxmox VE major version the reader deploys to: 9 writes per-mount-point `idmap=`
   * where a mount needs its own mapping; 8 writes container-wide `lxc.idmap` lines only.
   */
  readonly pve: 8 | 9;
}

/** The default options: Proxmox VE 9. */
export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { pve: 9 };

/** One file of the bundle. */
export interface ExportFile {
  /** Path inside the bundle, `/`-separated, starting with the host's folder: `truenas/iscsi-setup.sh`. */
  readonly path: string;
  /** The exact text of the file (always ends with a newline). */
  readonly content: string;
  /** `true` for scripts the reader runs (written with mode 0755). */
  readonly executable?: boolean;
  /** One line for the bundle README: what the file does. */
  readonly summary: string;
  /**
   * Where it goes and when to run it, for the README's ordered steps: lower runs first
   * (preflight 0, target side 10–19, initiator side 20–29, containers 30–39).
   */
  readonly order: number;
  /** The host the file is for (a lab host name), if any. */
  readonly host?: string;
}

/** A bundle exporter. Pure: reads only the lab model; never throws for a valid lab. */
export type Exporter = (lab: Lab, options: ExportOptions) => ExportFile[];
