/**
 * The open-iscsi initiator of a Proxmox or Linux host: its name
 * (`/etc/iscsi/initiatorname.iscsi`), CHAP credentials (`node.session.auth.*` in iscsid.conf)
 * and the sessions that are logged in.
 */
import { z } from 'zod';
import { LineTextSchema } from './free-text';
import { IqnSchema, DEFAULT_ISCSI_PORT } from './iscsi-target';
import { canonicalIp } from './network';
import { checkedString } from './checked-string';
import { checkChapUser } from './names';

/** Split `IP[:PORT]` or `[IPv6]:PORT` (the form iscsiadm -p takes). */
export function parsePortalAddress(text: string): { host: string; port: number } | null {
  let host = text;
  let port = DEFAULT_ISCSI_PORT;
  const v6 = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (v6) {
    host = v6[1] as string;
    if (v6[2] !== undefined) port = Number(v6[2]);
  } else {
    const m = /^([^:]+):(\d{1,5})$/.exec(text);
    if (m) {
      host = m[1] as string;
      port = Number(m[2]);
    }
  }
  if (port < 1 || port > 65535) return null;
  const isName = /^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$/.test(host);
  if (!canonicalIp(host) && !isName) return null;
  return { host, port };
}

/**
 * A portal address `IP[:PORT]` (port 3260 when left out) or a host name.
 * @example 192.168.5.142:3260
 */
export const PortalAddressSchema = z.string().superRefine((value, ctx) => {
  if (!parsePortalAddress(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `${JSON.stringify(value.slice(0, 40))} is not a portal address`,
      params: { labCode: 'portal', fix: 'write IP[:PORT] or a host name, like 192.168.5.142:3260' },
    });
  }
});

/** A logged-in session (an open-iscsi node record that is logged in). */
export const SessionSchema = z.strictObject({
  /** Portal the session was made to. @example 192.168.5.142:3260 */
  portal: PortalAddressSchema,
  /** Full target IQN. @example iqn.2005-10.org.freenas.ctl:nextcloud */
  target: IqnSchema,
});

/** CHAP credentials (`node.session.auth.username/password`, `_in` for mutual). */
export const InitiatorChapSchema = z.strictObject({
  /** node.session.auth.username. @example pve */
  username: checkedString(checkChapUser, 'chap-user'),
  /** node.session.auth.password. @example s3cretpassw0rd */
  password: LineTextSchema,
  /** node.session.auth.username_in (mutual CHAP). */
  username_in: checkedString(checkChapUser, 'chap-user').optional(),
  /** node.session.auth.password_in (mutual CHAP). */
  password_in: LineTextSchema.optional(),
});

/** The initiator side of a host. */
export const IscsiInitiatorSchema = z.strictObject({
  /**
   * InitiatorName in /etc/iscsi/initiatorname.iscsi.
   * @example iqn.1993-08.org.debian:01:e7dd6e7909d
   */
  name: IqnSchema,
  /** Logged-in sessions. */
  sessions: z.array(SessionSchema).default([]),
  /** CHAP credentials used for logins. */
  chap: InitiatorChapSchema.optional(),
});

/** The initiator side of a host. */
export type IscsiInitiator = z.output<typeof IscsiInitiatorSchema>;
/** A logged-in session. */
export type Session = IscsiInitiator['sessions'][number];
