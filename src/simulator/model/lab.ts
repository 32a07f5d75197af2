/**
 * The lab file: version 1. A lab is zones, hosts, services and links; see
 * tests/fixtures/labs/every-field.yaml for every field once.
 */
import { z } from 'zod';
import { DescriptionSchema, LineTextSchema } from './free-text';
import { HostSchema, type Host } from './host';
import { LinkSchema, ServiceSchema, ZoneSchema } from './service';

/** The lab file format version this model reads. */
export const LAB_VERSION = 1;

/** A whole lab. */
export const LabSchema = z
  .strictObject({
    /** Format version; must be 1. @example 1 */
    version: z.literal(LAB_VERSION),
    /** Lab title. @example Starter lab */
    name: LineTextSchema,
    /** What the lab shows. */
    description: DescriptionSchema.optional(),
    /** Trust zones. */
    zones: z.array(ZoneSchema).default([]),
    /** Hosts, at least one. */
    hosts: z.array(HostSchema).min(1),
    /** Services and their exposed ports. */
    services: z.array(ServiceSchema).default([]),
    /** Links between hosts. */
    links: z.array(LinkSchema).default([]),
  })
  .meta({ description: 'A lab file for the Homelab Handbook simulator (version 1): zones, hosts, services, links.' });

/** A whole lab, defaults filled in, sizes in bytes. */
export type Lab = z.output<typeof LabSchema>;

/**
 * The host called `name` (its short name), or undefined.
 * @example findHost(lab, 'truenas')?.kind // 'truenas'
 */
export function findHost(lab: Lab, name: string): Host | undefined {
  return lab.hosts.find((host) => host.name === name);
}
