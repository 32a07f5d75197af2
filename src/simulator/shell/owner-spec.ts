/**
 * chown's OWNER[:GROUP] as gnulib userspec.c parse_user_spec reads it: names from the
 * /etc files the process sees (getpwnam/getgrnam), else decimal IDs; `user:` means the
 * user's login group; `+N` skips the name lookup; `user.group` is read with a warning
 * when no `:` is given and the whole is not a user name.
 */
import { quote } from './quotearg';
import type { IdNames } from './user-names';

/** A parsed spec: the IDs to set (undefined = leave alone), the names the messages use, and a warning to print. */
export type OwnerSpec =
  | { ok: true; uid?: number; gid?: number; userName?: string; groupName?: string; warning?: string }
  | { ok: false; message: string };

// userspec.c: the largest valid ID (uid_t)-2; (uid_t)-1 means "no change" to chown(2).
const MAX_ID = 0xfffffffe;

function numeric(text: string): number | null {
  const t = text.startsWith('+') ? text.slice(1) : text;
  if (!/^\s*\d+$/.test(t)) return null;
  const n = Number(t.trim());
  return n <= MAX_ID ? n : null;
}

function parseWith(names: IdNames, spec: string, sep: number): OwnerSpec {
  const u = sep < 0 ? spec : spec.slice(0, sep);
  const g = sep < 0 ? '' : spec.slice(sep + 1);
  const out: { uid?: number; gid?: number; userName?: string; groupName?: string } = {};
  if (u !== '') {
    const pw = u.startsWith('+') ? null : names.userByName(u);
    if (!pw) {
      // A `user:` whose user is not a name cannot give a login group.
      if (sep >= 0 && g === '') return { ok: false, message: `invalid spec: ${quote(spec)}` };
      const n = numeric(u);
      if (n === null) return { ok: false, message: `invalid user: ${quote(spec)}` };
      out.uid = n;
    } else {
      out.uid = pw.uid;
      if (sep >= 0 && g === '') {
        out.gid = pw.gid;
        out.groupName = names.group(pw.gid) ?? String(pw.gid);
      }
    }
    out.userName = u.startsWith('+') ? u.slice(1) : u;
  }
  if (g !== '') {
    const gr = g.startsWith('+') ? null : names.groupByName(g);
    if (gr === null) {
      const n = numeric(g);
      if (n === null) return { ok: false, message: `invalid group: ${quote(spec)}` };
      out.gid = n;
    } else out.gid = gr;
    out.groupName = g.startsWith('+') ? g.slice(1) : g;
  }
  return { ok: true, ...out };
}

/** parse_user_spec_warn: the spec, or the message `chown: MESSAGE` prints. */
export function parseOwnerSpec(names: IdNames, spec: string): OwnerSpec {
  const colon = spec.indexOf(':');
  if (colon >= 0) return parseWith(names, spec, colon);
  const whole = parseWith(names, spec, -1);
  const dot = spec.indexOf('.');
  if (whole.ok || dot < 0) return whole;
  // userspec.c: accept the obsolete USER.GROUP, with a warning.
  const dotted = parseWith(names, spec, dot);
  return dotted.ok ? { ...dotted, warning: `warning: '.' should be ':': ${quote(spec)}` } : whole;
}
