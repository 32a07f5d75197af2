/**
 * The export bundle: every exporter's files for a lab (one folder per host), a README at
 * the root that says in order what to run where, `--only` filtering, and the .zip the
 * sandbox downloads. `hlab export` writes the same files.
 */
// @sim export bundle | hlab's own layout: <host>/<file>, README.md in ExportFile.order; .zip (PKZIP APPNOTE 4.4.2 unix mode in external attributes, fixed DOS time)
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Lab } from '../model/lab';
import { DEFAULT_EXPORT_OPTIONS, type ExportFile, type ExportOptions, type ExportPart, type Exporter } from './bundle-types';
import { exportProxmox } from './proxmox-files';
import { TARGET_EXPORTER_PARTS } from './target-bundle';
import { exportZfs } from './zfs-script';

/** One exporter and the `--only` part it belongs to (`null`: preflight, written with any file of its host). */
interface PartExporter {
  readonly part: ExportPart | null;
  readonly exporter: Exporter;
}

/** Every exporter of the bundle: ZFS, the Proxmox side, then the target side and preflight (target-bundle.ts). */
const EXPORTERS: readonly PartExporter[] = [{ part: 'zfs', exporter: exportZfs }, { part: 'proxmox', exporter: exportProxmox }, ...TARGET_EXPORTER_PARTS];

/**
 * The bundle for `lab`: every exporter's files (only `only`'s part when given; a host's
 * preflight script comes along with any of its files), sorted by order, then host, then
 * exporter (ZFS first), with README.md first. Pure; never throws for a valid lab.
 * @example exportBundle(lab).map((f) => f.path) // ['README.md', 'pve/zfs-setup.sh', …]
 */
export function exportBundle(lab: Lab, options: ExportOptions = DEFAULT_EXPORT_OPTIONS, only?: ExportPart): ExportFile[] {
  const tagged = EXPORTERS.flatMap(({ part, exporter }) => exporter(lab, options).map((file) => ({ file, part })));
  const chosen = only === undefined ? tagged : tagged.filter((t) => t.part === only);
  const hosts = new Set(chosen.map((t) => t.file.host));
  const preflight = only === undefined ? [] : tagged.filter((t) => t.part === null && hosts.has(t.file.host));
  const hostIndex = new Map(lab.hosts.map((h, i) => [h.name, i]));
  const files = [...chosen, ...preflight.filter((p) => !chosen.includes(p))]
    .map((t) => t.file)
    // Array sort is stable: within one order and host, files keep the exporters' order (zfs-setup.sh before the midclt script that needs its pools).
    .sort((a, b) => a.order - b.order || (hostIndex.get(a.host ?? '') ?? -1) - (hostIndex.get(b.host ?? '') ?? -1));
  return [renderReadme(lab, options, files, only), ...files];
}

/** `README.md` at the bundle root: what to run where, in order, and what each file does. */
function renderReadme(lab: Lab, options: ExportOptions, files: readonly ExportFile[], only: ExportPart | undefined): ExportFile {
  const lines = [
    `# Bundle for the lab "${oneLine(lab.name)}"`,
    '',
    `Written by \`hlab export\`${only ? ` (only the ${only} part)` : ''} for Proxmox VE ${options.pve}. One folder per host: copy each`,
    'folder to its host and work through the list below from the top, as root. Every script',
    'is bash, stops at the first error, and leaves in place what already matches, so it is',
    'safe to run again. Run each host\'s preflight.sh first where there is one: it changes',
    'nothing and says what would fail.',
    '',
    '## In order',
    '',
    ...files.map((file, i) => `${i + 1}. \`${file.path}\`${file.host ? ` (${file.executable ? 'run on' : 'for'} ${file.host})` : ''}: ${oneLine(file.summary)}`),
  ];
  if (files.length === 0) lines.push('Nothing to export: the lab has no hosts this part applies to.');
  return { path: 'README.md', content: `${lines.join('\n')}\n`, summary: 'this list', order: -1 };
}

/** Free text on one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** DOS date of 2026-01-01 and time 00:00:00 (APPNOTE 4.4.6: date = (year-1980)<<9 | month<<5 | day). */
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
/** 2026-01-01T00:00:00Z in ms, for fflate (its stamp is then overwritten: see zipBundle). */
const FIXED_MTIME = 1767225600000;

/**
 * The bundle as a .zip: scripts with unix mode 0755, other files 0644 (PKZIP APPNOTE
 * 4.4.2: made by 3 = Unix, mode in the high 16 bits of the external attributes). The same
 * files always give the same bytes: fflate stamps the local time, so every entry's DOS
 * time and date are overwritten with 2026-01-01 00:00 afterwards, whatever the clock or
 * time zone.
 * @example zipBundle(exportBundle(lab)) // Uint8Array [0x50, 0x4b, 0x03, 0x04, …]
 */
export function zipBundle(files: readonly ExportFile[]): Uint8Array {
  const tree: Zippable = {};
  for (const file of files) {
    tree[file.path] = [strToU8(file.content), { os: 3, attrs: (file.executable ? 0o100755 : 0o100644) << 16, mtime: FIXED_MTIME }];
  }
  const zip = zipSync(tree, { level: 6 });
  fixTimes(zip);
  return zip;
}

/** Overwrite the DOS time and date of every entry (local headers and central directory). */
function fixTimes(zip: Uint8Array): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // APPNOTE 4.3.16: the end of central directory record, 22 bytes when there is no comment.
  const end = zip.byteLength - 22;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    // APPNOTE 4.3.12 central header: time +12, date +14, name/extra/comment lengths +28/+30/+32, local header offset +42.
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    const local = view.getUint32(at + 42, true);
    // APPNOTE 4.3.7 local header: time +10, date +12.
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}
