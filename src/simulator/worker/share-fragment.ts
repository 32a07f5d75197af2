/**
 * The share link's fragment (`#lab=…`): a session compressed to fit a URL. The payload is a
 * small JSON object — the lab (a reference such as `"starter"` when it is an unchanged
 * example lab, else the whole lab), the boot options that differ from the defaults, how many
 * events are the page's setup lines, and the events (a typed line as a string, an action as
 * its object) — deflated (raw DEFLATE, RFC 1951, fflate `deflateSync`) and written in
 * base64url (RFC 4648 §5, no padding). Reading a fragment never throws: a damaged or hostile
 * one is refused with a sentence saying so, and inflating stops at the session log's size
 * limit, so a small fragment cannot expand into gigabytes.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { DEFAULT_CLOCK } from '../engines/clock';
import { stableHash } from '../engines/random';
import { MAX_SESSION_LOG_BYTES, type SessionEvent, type SessionLog } from '../shell/session-log';

/** The payload's format version. */
export const SHARE_VERSION = 1;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Bytes → base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2];
    out += B64[((a & 3) << 4) | ((b ?? 0) >> 4)];
    if (b !== undefined) out += B64[((b & 15) << 2) | ((c ?? 0) >> 6)];
    if (c !== undefined) out += B64[c & 63];
  }
  return out;
}

/** base64url (padding and the `+`/`/` alphabet tolerated) → bytes, or null for any other character or an impossible length. */
export function fromBase64Url(text: string): Uint8Array | null {
  const body = text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  if (body.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const v = B64.indexOf(body[i] as string);
    if (v < 0) return null;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** What a share link carries. */
export interface SharedSession {
  log: SessionLog;
  /** Events at the start of the log that are the page's setup lines (not undoable). */
  setup: number;
  /** The example lab the log was booted from, when the link names it instead of carrying it. */
  labId?: string;
}

/** A fingerprint of a lab (FNV-1a of its JSON), so a link can tell that an example lab changed since it was made. */
export function labFingerprint(lab: unknown): string {
  return stableHash(0, JSON.stringify(lab)).toString(36);
}

/**
 * Encodes a session for a URL fragment. `labId` names the example lab the session booted, when
 * the log's lab is that lab unchanged: the link then carries the name and a fingerprint only.
 */
export function encodeShare(shared: SharedSession, defaultHost: string): string {
  const { log } = shared;
  const payload: Record<string, unknown> = { v: SHARE_VERSION };
  if (shared.labId !== undefined) {
    payload['lab'] = shared.labId;
    payload['sum'] = labFingerprint(log.lab);
  } else payload['lab'] = log.lab;
  if (log.seed !== 1) payload['seed'] = log.seed;
  if (log.host !== undefined && log.host !== defaultHost) payload['host'] = log.host;
  if (log.clock !== undefined && log.clock !== DEFAULT_CLOCK) payload['clock'] = log.clock;
  if (shared.setup > 0) payload['setup'] = shared.setup;
  payload['ev'] = log.events.map((e) => (e.kind === 'line' ? e.text : e.action));
  return toBase64Url(deflateSync(strToU8(JSON.stringify(payload)), { level: 9 }));
}

/** A decoded fragment before its lab is resolved: the JSON value of the log to check with parseSessionLog. */
export type DecodedShare =
  | { ok: true; value: Record<string, unknown>; setup: number; labId?: string; labChanged: boolean }
  | { ok: false; error: string };

const refuse = (why: string): DecodedShare => ({ ok: false, error: `this share link cannot be opened: ${why}` });

/** Raw DEFLATE → text, or null when it is damaged or would grow past `limit` bytes. */
function inflateLimited(data: Uint8Array, limit: number): string | null {
  const parts: Uint8Array[] = [];
  let total = 0;
  let over = false;
  try {
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > limit) over = true;
      else parts.push(chunk);
    });
    const step = 1024; // at most ~1 MB of output per push (DEFLATE's ratio is at most 1032:1)
    for (let i = 0; i < data.length && !over; i += step) inflater.push(data.subarray(i, i + step), i + step >= data.length);
    if (data.length === 0) return null;
  } catch {
    return null;
  }
  if (over) return null;
  const joined = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    joined.set(p, at);
    at += p.length;
  }
  return strFromU8(joined);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Decodes a fragment (the part after `#lab=`) into a session log's JSON value, for
 * parseSessionLog to check. `resolveLab` turns an example lab's id into its current lab (null
 * when there is no such example); `simulator` is the reader's version. Never throws.
 */
export function decodeShare(fragment: string, resolveLab: (id: string) => unknown, simulator: string): DecodedShare {
  const text = fragment.trim().replace(/^#?(lab=)?/, '');
  if (text === '') return refuse('it is empty');
  if (text.length > MAX_SESSION_LOG_BYTES) return refuse('it is longer than any session this sandbox writes');
  if (!/^[A-Za-z0-9_+/-]*=*$/.test(text)) return refuse('it has characters a share link never contains (was it changed when copied?)');
  const bytes = fromBase64Url(text);
  const json = bytes ? inflateLimited(bytes, MAX_SESSION_LOG_BYTES) : null;
  if (json === null) return refuse('its data is damaged or incomplete (was the link cut short when copied?)');
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return refuse('its data is not a session');
  }
  if (!isObject(payload) || typeof payload['v'] !== 'number') return refuse('its data is not a session');
  if (payload['v'] > SHARE_VERSION) return refuse(`it was made by a newer version of the sandbox (format ${payload['v']}); reload the page to update it`);
  if (payload['v'] !== SHARE_VERSION) return refuse(`unknown format ${String(payload['v'])}`);
  let lab = payload['lab'];
  let labId: string | undefined;
  let labChanged = false;
  if (typeof lab === 'string') {
    labId = lab;
    lab = resolveLab(labId);
    if (lab === null || lab === undefined) return refuse(`it names the example lab ${JSON.stringify(labId)}, which this site does not have`);
    labChanged = payload['sum'] !== labFingerprint(lab);
  }
  const setup = payload['setup'] ?? 0;
  if (typeof setup !== 'number' || !Number.isInteger(setup) || setup < 0) return refuse('its count of setup lines is not a whole number');
  const ev = payload['ev'];
  if (!Array.isArray(ev)) return refuse('it has no list of events');
  const events: unknown[] = ev.map((e): SessionEvent | unknown => (typeof e === 'string' ? { kind: 'line', text: e } : isObject(e) ? { kind: 'action', action: e } : e));
  const value: Record<string, unknown> = {
    format: 'hlab-session',
    version: 1,
    simulator,
    lab,
    seed: payload['seed'] ?? 1,
    ...(payload['host'] !== undefined ? { host: payload['host'] } : {}), // else createSimulator's default host
    clock: payload['clock'] ?? DEFAULT_CLOCK,
    events,
  };
  return { ok: true, value, setup: Math.min(setup, events.length), ...(labId !== undefined ? { labId } : {}), labChanged };
}
