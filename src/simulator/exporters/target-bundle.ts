/**
 * The target side of the export bundle and every host's preflight check, as one list for
 * the bundle writer (bundle.ts): TrueNAS midclt script and JSON-RPC document, the plain
 * Linux target scripts (tgtadm, targetcli), and preflight.sh.
 */
import type { ExportPart, Exporter } from './bundle-types';
import { preflightFiles } from './preflight';
import { targetcliFiles } from './targetcli';
import { tgtadmFiles } from './tgtadm';
import { truenasJsonRpcFiles } from './truenas-jsonrpc';
import { truenasMidcltFiles } from './truenas-midclt';

/** Each target-side exporter with the `--only` part it belongs to (null: always written, like preflight). */
export const TARGET_EXPORTER_PARTS: readonly { readonly part: ExportPart | null; readonly exporter: Exporter }[] = [
  { part: null, exporter: preflightFiles },
  { part: 'truenas', exporter: truenasMidcltFiles },
  { part: 'truenas', exporter: truenasJsonRpcFiles },
  { part: 'tgt', exporter: tgtadmFiles },
  { part: 'targetcli', exporter: targetcliFiles },
];

/** Every target-side exporter, preflight first. */
export const TARGET_EXPORTERS: Exporter[] = TARGET_EXPORTER_PARTS.map((entry) => entry.exporter);
