/**
 * What runs where and who can reach it: trust zones, services with their exposed ports, and
 * links between hosts. These drive the architecture diagrams and threat tables.
 */
import { z } from 'zod';
import { checkedString } from './checked-string';
import { DescriptionSchema, LineTextSchema } from './free-text';
import { checkDnsName, checkSlug } from './names';

/** Kinds of trust zone. */
export const ZONE_KINDS = ['internet', 'lan', 'tailnet', 'management'] as const;
/** Where a port is reachable from: a zone kind, or `local` (the host itself only). */
export const EXPOSURES = [...ZONE_KINDS, 'local'] as const;

const IdSchema = checkedString(checkSlug, 'id', 'use lower-case letters, digits, "-" and "_"');
const HostRefSchema = checkedString(checkDnsName, 'dns-name');

/** A trust zone. */
export const ZoneSchema = z.strictObject({
  /** Id that hosts and interfaces refer to. @example lan */
  id: IdSchema,
  /** Display name. @example Home LAN */
  name: LineTextSchema,
  /** Kind. @example lan */
  kind: z.enum(ZONE_KINDS),
});

/** A trust zone. */
export type Zone = z.output<typeof ZoneSchema>;

/** One exposed port of a service. */
export const ServicePortSchema = z.strictObject({
  /** Port number. @example 443 */
  port: z.number().int().min(1).max(65535),
  /** Protocol. @example tcp */
  protocol: z.enum(['tcp', 'udp']).default('tcp'),
  /** Who can reach it. @example lan */
  exposure: z.enum(EXPOSURES),
});

/** A service: something that runs on a host (or in one of its guests) and listens. */
export const ServiceSchema = z.strictObject({
  /** Service name. @example nextcloud */
  name: IdSchema,
  /** Host name (a host's `name`). @example pve */
  host: HostRefSchema,
  /** VMID of the container or VM it runs in, on that host. @example 101 */
  guest: z.number().int().optional(),
  /** Ports it exposes. */
  ports: z.array(ServicePortSchema).default([]),
  /** Notes. */
  description: DescriptionSchema.optional(),
});

/** A service. */
export type Service = z.output<typeof ServiceSchema>;

/** A link between two hosts (a protocol that crosses the network). */
export const LinkSchema = z.strictObject({
  /** From host. @example pve */
  from: HostRefSchema,
  /** To host. @example truenas */
  to: HostRefSchema,
  /** What flows: iscsi, nfs, wireguard, ssh, https… @example iscsi */
  kind: IdSchema,
  /** Notes. @example zvol MyMassStorage/nextcloud at LUN 0 */
  description: DescriptionSchema.optional(),
});

/** A link between hosts. */
export type Link = z.output<typeof LinkSchema>;
