/**
 * The iSCSI target service of a TrueNAS host, shaped like the TrueNAS middleware API
 * (`midclt call iscsi.global.update / iscsi.portal.create / iscsi.initiator.create /
 * iscsi.auth.create / iscsi.extent.create / iscsi.target.create / iscsi.targetextent.create`,
 * truenas/middleware src/middlewared/middlewared/api/v25_04_2/iscsi_*.py). Ids may be left
 * out: they are then numbered 1.. in order, as the middleware's database does; a
 * target-extent without `lunid` gets the lowest LUN free on its target, from 0.
 */
import { z } from 'zod';
import { checkedString } from './checked-string';
import { LineTextSchema } from './free-text';
import { IpSchema } from './network';
import { checkChapUser, checkIqn, checkTargetName } from './names';
import { SizeSchema } from './size';

/** TrueNAS default global basename (iscsi.global.config). */
export const DEFAULT_BASENAME = 'iqn.2005-10.org.freenas.ctl';
/** Default iSCSI port (RFC 3720 §13: well-known port 3260). */
export const DEFAULT_ISCSI_PORT = 3260;

const IdSchema = z.number().int().min(1);

/** An iSCSI name: IQN (`iqn.yyyy-mm.reversed.domain[:id]`), `eui.` or `naa.`. */
export const IqnSchema = checkedString(checkIqn, 'iqn', (_message, value) =>
  // The "0 data bytes" mistake: initiator groups match names, so an IP address there matches nothing.
  /^[0-9.]+$|^[0-9a-fA-F:]+:[0-9a-fA-F:]*$/.test(value)
    ? 'this is an address: iSCSI matches initiators by IQN (see /etc/iscsi/initiatorname.iscsi on the initiator)'
    : 'write iqn.yyyy-mm.reversed.domain[:name] in lower case, like iqn.1993-08.org.debian:01:e7dd6e7909d',
);

/**
 * One entry of an initiator group. The middleware stores the list as text and checks
 * nothing (truenas/middleware plugins/iscsi_/initiator.py compress: entries joined by
 * newlines; api/v25_10_0/iscsi_initiator.py `initiators: list[str]`), and SCST matches each
 * entry against initiator *names* — so an IP address is accepted and then matches nobody,
 * the classic "discovery finds nothing" mistake a reader must be able to make. Anything
 * else must be an iSCSI name.
 */
export const InitiatorEntrySchema = checkedString(
  (value) => (/^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/.test(value) ? null : checkIqn(value)),
  'iqn',
  'write iqn.yyyy-mm.reversed.domain[:name] in lower case, like iqn.1993-08.org.debian:01:e7dd6e7909d',
);

/** One listen address of a portal. */
export const PortalListenSchema = z.strictObject({
  /**
   * IP address to listen on; 0.0.0.0 means every IPv4 address.
   * @example 0.0.0.0
   */
  ip: IpSchema,
});

/** iscsi.portal: where the target listens (SCALE: no per-portal port; see listen_port). */
export const PortalSchema = z.strictObject({
  /** Portal id (also its tag); assigned 1.. when left out. @example 1 */
  id: IdSchema.optional(),
  /** Addresses to listen on. @example [{ ip: 0.0.0.0 }] */
  listen: z.array(PortalListenSchema).min(1, { message: 'At least one listen entry is required.' }),
  /** Free comment. @example LAN */
  comment: LineTextSchema.default(''),
});

/** iscsi.initiator: an initiator group. An empty `initiators` list allows every initiator. */
export const InitiatorGroupSchema = z.strictObject({
  /** Group id; assigned 1.. when left out. @example 1 */
  id: IdSchema.optional(),
  /**
   * Initiator IQNs allowed. Names, not IP addresses (SCST matches initiator names).
   * @example ["iqn.1993-08.org.debian:01:e7dd6e7909d"]
   */
  initiators: z.array(InitiatorEntrySchema).default([]),
  /** Free comment. @example pve */
  comment: LineTextSchema.default(''),
});

// truenas/middleware plugins/iscsi_/auth.py validate: 12 to 16 characters.
const SecretSchema = z.string().superRefine((value, ctx) => {
  if (value.length < 12 || value.length > 16) {
    ctx.addIssue({ code: 'custom', message: 'Secret must be between 12 and 16 characters.', params: { labCode: 'chap-secret' } });
  } else if (/[\x00-\x1f\x7f]/.test(value)) {
    ctx.addIssue({ code: 'custom', message: 'Secret contains a control character.', params: { labCode: 'chap-secret' } });
  }
});

/** iscsi.auth: an authorized-access entry (CHAP user/secret, optional mutual peer). */
export const AuthSchema = z
  .strictObject({
    /** Entry id; assigned 1.. when left out. @example 1 */
    id: IdSchema.optional(),
    /** Group tag that targets refer to (`groups[].auth`). @example 1 */
    tag: IdSchema,
    /** CHAP user name. @example pve */
    user: checkedString(checkChapUser, 'chap-user'),
    /** CHAP secret, 12 to 16 characters. @example s3cretpassw0rd */
    secret: SecretSchema,
    /** Mutual CHAP: the target's user name. @example "" */
    peeruser: z.union([z.literal(''), checkedString(checkChapUser, 'chap-user')]).default(''),
    /** Mutual CHAP: the target's secret, 12 to 16 characters. @example "" */
    peersecret: z.string().default(''),
  })
  .superRefine((auth, ctx) => {
    // plugins/iscsi_/auth.py validate, same order and wording.
    const add = (message: string) => ctx.addIssue({ code: 'custom', path: ['peersecret'], message, params: { labCode: 'chap-secret' } });
    if (!auth.peeruser && auth.peersecret) add('The peer user is required if you set a peer secret.');
    if (!auth.peeruser) return;
    if (!auth.peersecret) add('The peer secret is required if you set a peer user.');
    else if (auth.peersecret === auth.secret) add('The peer secret cannot be the same as user secret.');
    else if (auth.peersecret.length < 12 || auth.peersecret.length > 16) add('Peer Secret must be between 12 and 16 characters.');
  });

/** Extent types: a zvol (DISK) or a file (FILE). */
export const EXTENT_TYPES = ['DISK', 'FILE'] as const;

/** iscsi.extent: what a LUN serves, a zvol (`disk: zvol/pool/name`) or a file. */
export const ExtentSchema = z.strictObject({
  /** Extent id; assigned 1.. when left out. @example 1 */
  id: IdSchema.optional(),
  /** Extent name, at most 64 characters. @example nextcloud */
  name: LineTextSchema.pipe(z.string().min(1).max(64)),
  /** DISK (zvol) or FILE. @example DISK */
  type: z.enum(EXTENT_TYPES).default('DISK'),
  /** For DISK: `zvol/<pool>/<zvol>`. @example zvol/MyMassStorage/nextcloud */
  disk: LineTextSchema.optional(),
  /** For FILE: the file's path. @example /mnt/tank/iscsi/file0 */
  path: LineTextSchema.optional(),
  /** For FILE: the file's size. @example 100G */
  filesize: SizeSchema.optional(),
  /** Logical block size reported to initiators. @example 512 */
  blocksize: z.union([z.literal(512), z.literal(1024), z.literal(2048), z.literal(4096)]).default(512),
  /** Reported rotation rate. @example SSD */
  rpm: z.enum(['UNKNOWN', 'SSD', '5400', '7200', '10000', '15000']).default('SSD'),
  /** Read-only LUN. @example false */
  ro: z.boolean().default(false),
  /** Whether the extent is served. @example true */
  enabled: z.boolean().default(true),
  /** SCSI serial number. @example 6589cfc000000abc */
  serial: z.string().regex(/^[A-Za-z0-9]{1,16}$/, { message: 'Serial number is 1 to 16 letters and digits' }).optional(),
  /** Free comment. @example Nextcloud data */
  comment: LineTextSchema.default(''),
});

/** Authentication methods of a target group. */
export const AUTH_METHODS = ['NONE', 'CHAP', 'CHAP_MUTUAL'] as const;

/** One group of a target: which portal, which initiators, which authentication. */
export const TargetGroupSchema = z.strictObject({
  /** Portal id. @example 1 */
  portal: IdSchema,
  /** Initiator group id, or null for any initiator. @example 1 */
  initiator: IdSchema.nullable().default(null),
  /** NONE, CHAP or CHAP_MUTUAL. @example CHAP */
  authmethod: z.enum(AUTH_METHODS).default('NONE'),
  /** Auth group *tag* (not id), or null. @example 1 */
  auth: IdSchema.nullable().default(null),
});

/** iscsi.target: a target named `${basename}:${name}`. */
export const TargetSchema = z.strictObject({
  /** Target id; assigned 1.. when left out. @example 1 */
  id: IdSchema.optional(),
  /**
   * Name appended to the basename (`^[-a-z0-9\.:]+$`, at most 120).
   * @example nextcloud
   */
  name: checkedString(checkTargetName, 'target-name', 'use lower-case letters, digits, ".", "-" and ":"'),
  /** Alias shown to initiators. @example Nextcloud data */
  alias: LineTextSchema.superRefine((alias, ctx) => {
    // plugins/iscsi_/targets.py __validate.
    if (alias.includes('"')) ctx.addIssue({ code: 'custom', message: 'Double quotes are not allowed', params: { labCode: 'target-alias' } });
    else if (alias === 'target') ctx.addIssue({ code: 'custom', message: 'target is a reserved word', params: { labCode: 'target-alias' } });
  }).optional(),
  /** Mode; only ISCSI is simulated. @example ISCSI */
  mode: z.literal('ISCSI').default('ISCSI'),
  /** Groups (portal + initiator group + auth). @example [{ portal: 1, initiator: 1, authmethod: CHAP, auth: 1 }] */
  groups: z.array(TargetGroupSchema).default([]),
});

/** iscsi.targetextent: an extent at a LUN of a target. */
export const TargetExtentSchema = z.strictObject({
  /** Association id; assigned 1.. when left out. @example 1 */
  id: IdSchema.optional(),
  /** Target id. @example 1 */
  target: IdSchema,
  /** Extent id. @example 1 */
  extent: IdSchema,
  /** LUN number; lowest free on the target from 0 when left out. @example 0 */
  lunid: z.number().int().min(0).max(1023).optional(),
});

/** Fill in ids 1.. in order where left out, as the middleware's database would. */
function numberIds<T extends { id?: number | undefined }>(items: T[]): (T & { id: number })[] {
  const used = new Set(items.map((item) => item.id).filter((id): id is number => id !== undefined));
  let next = 1;
  return items.map((item) => {
    if (item.id !== undefined) return item as T & { id: number };
    while (used.has(next)) next++;
    used.add(next);
    return { ...item, id: next };
  });
}

/** The whole iSCSI target configuration of a host (iscsi.global + the object lists). */
export const IscsiTargetSchema = z
  .strictObject({
    /** Global basename; target IQN is `${basename}:${name}`. @example iqn.2005-10.org.freenas.ctl */
    basename: IqnSchema.default(DEFAULT_BASENAME),
    /** TCP port every portal listens on (SCALE: 1025–65535). @example 3260 */
    listen_port: z.number().int().min(1025).max(65535).default(DEFAULT_ISCSI_PORT),
    /** Portals. */
    portals: z.array(PortalSchema).default([]),
    /** Initiator groups. */
    initiators: z.array(InitiatorGroupSchema).default([]),
    /** Authorized access (CHAP) entries. */
    auths: z.array(AuthSchema).default([]),
    /** Extents. */
    extents: z.array(ExtentSchema).default([]),
    /** Targets. */
    targets: z.array(TargetSchema).default([]),
    /** Target-extent associations (LUNs). */
    targetextents: z.array(TargetExtentSchema).default([]),
  })
  .transform((cfg) => {
    const targetextents = numberIds(cfg.targetextents);
    // plugins/iscsi_/targetextents.py: lunid defaults to the lowest unused LUN of the target.
    const taken = new Map<number, Set<number>>();
    for (const te of targetextents) {
      if (te.lunid !== undefined) (taken.get(te.target) ?? taken.set(te.target, new Set()).get(te.target))?.add(te.lunid);
    }
    const withLuns = targetextents.map((te) => {
      if (te.lunid !== undefined) return { ...te, lunid: te.lunid };
      const luns = taken.get(te.target) ?? new Set<number>();
      taken.set(te.target, luns);
      let lunid = 0;
      while (luns.has(lunid)) lunid++;
      luns.add(lunid);
      return { ...te, lunid };
    });
    return {
      ...cfg,
      portals: numberIds(cfg.portals),
      initiators: numberIds(cfg.initiators),
      auths: numberIds(cfg.auths),
      extents: numberIds(cfg.extents),
      targets: numberIds(cfg.targets),
      targetextents: withLuns,
    };
  });

/** The iSCSI target configuration of a host, ids and LUNs filled in. */
export type IscsiTarget = z.output<typeof IscsiTargetSchema>;
/** An iSCSI portal. */
export type Portal = IscsiTarget['portals'][number];
/** An initiator group. */
export type InitiatorGroup = IscsiTarget['initiators'][number];
/** A CHAP authorized-access entry. */
export type Auth = IscsiTarget['auths'][number];
/** An extent. */
export type Extent = IscsiTarget['extents'][number];
/** A target. */
export type Target = IscsiTarget['targets'][number];
/** A target-extent association (a LUN). */
export type TargetExtent = IscsiTarget['targetextents'][number];

/**
 * The full IQN of a TrueNAS target: `${basename}:${name}`, unless the name already is an
 * iSCSI name (middleware targets.py active_sessions_for_targets does the same).
 * @example fullTargetIqn({ name: 'nextcloud' }, 'iqn.2005-10.org.freenas.ctl') // 'iqn.2005-10.org.freenas.ctl:nextcloud'
 */
export function fullTargetIqn(target: { name: string }, basename: string = DEFAULT_BASENAME): string {
  return /^(iqn|eui|naa)\./.test(target.name) ? target.name : `${basename}:${target.name}`;
}
