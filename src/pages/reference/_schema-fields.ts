/**
 * The lab file's fields, read from its JSON Schema (src/simulator/model/json-schema.ts, the
 * same schema as lab.schema.json) for the lab-file reference: one section per object, in
 * the order a lab file nests them.
 */
import { labJsonSchema } from '../../simulator/model/json-schema';

/** One field of an object. */
export interface SchemaField {
  name: string;
  /** `string`, `list of numbers`, `one of: lan, tailnet`, `object (below)`… */
  type: string;
  required: boolean;
  /** The default as JSON, when the schema has one. */
  defaultValue?: string;
  /** The schema's description, when it has one. */
  description?: string;
}

/** One object of the format: where it sits in a lab file and its fields. */
export interface SchemaSection {
  /** `hosts[].containers[].mounts[]`, or `top level`. */
  path: string;
  /** Anchor id for the section. */
  slug: string;
  /** A variant's discriminator, `type: zfspool`, for objects that have several shapes. */
  variant?: string;
  fields: SchemaField[];
  /** True for property bags (ZFS properties): many optional scalar fields, shown as a list. */
  bag: boolean;
}

type Node = Record<string, unknown>;
const asNode = (v: unknown): Node | undefined => (v && typeof v === 'object' ? (v as Node) : undefined);
const alternatives = (n: Node): Node[] => ((n['anyOf'] ?? n['oneOf']) as Node[] | undefined) ?? [];

/** A short type description of a schema node. */
function typeText(n: Node | undefined): string {
  if (!n) return 'any';
  if ('const' in n) return JSON.stringify(n['const']);
  if (Array.isArray(n['enum'])) return `one of: ${(n['enum'] as unknown[]).map(String).join(', ')}`;
  const alts = alternatives(n);
  if (alts.length) return [...new Set(alts.map(typeText))].join(' or ');
  const t = n['type'];
  if (Array.isArray(t)) return t.join(' or ');
  if (t === 'array') {
    const items = asNode(n['items']);
    const inner = typeText(items);
    return items?.['type'] === 'object' || alternatives(items ?? {}).length ? 'list of objects (below)' : `list of ${inner.startsWith('one of') ? `(${inner})` : `${inner}s`}`;
  }
  if (t === 'object') return 'object (below)';
  return typeof t === 'string' ? t : 'any';
}

/** Every object section of the lab format, depth first. */
export function schemaSections(): SchemaSection[] {
  const sections: SchemaSection[] = [];
  const walk = (node: Node | undefined, path: string): void => {
    if (!node) return;
    const alts = alternatives(node);
    if (alts.length) {
      for (const alt of alts) walk(alt, path);
      return;
    }
    if (node['type'] === 'array') return walk(asNode(node['items']), `${path}[]`);
    const props = asNode(node['properties']);
    if (node['type'] !== 'object' || !props) return;
    const required = new Set((node['required'] as string[] | undefined) ?? []);
    const typeConst = asNode(props['type'])?.['const'];
    const variant = typeConst !== undefined ? `type: ${String(typeConst)}` : undefined;
    const fields = Object.entries(props).map(([name, value]) => {
      const v = asNode(value) ?? {};
      return {
        name,
        type: typeText(v),
        required: required.has(name),
        ...('default' in v ? { defaultValue: JSON.stringify(v['default']) } : {}),
        ...(typeof v['description'] === 'string' ? { description: v['description'] as string } : {}),
      };
    });
    const label = path || 'top level';
    const slug = `field-${(label + (variant ? `-${String(typeConst)}` : '')).replace(/\[\]/g, '').replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase()}`;
    const bag = /properties$/i.test(path) && fields.every((f) => !f.required && !f.type.includes('(below)'));
    sections.push({ path: label, slug, ...(variant ? { variant } : {}), fields, bag });
    for (const [name, value] of Object.entries(props)) walk(asNode(value), path ? `${path}.${name}` : name);
  };
  walk(labJsonSchema(), '');
  return sections;
}

/** Text split into plain and `code` runs (backquoted in schema descriptions), spaces kept. */
export function codeRuns(text: string): { code: boolean; text: string }[] {
  return text.split(/(`[^`]+`)/).filter((s) => s !== '').map((s) => (s.startsWith('`') && s.endsWith('`') && s.length > 2 ? { code: true, text: s.slice(1, -1) } : { code: false, text: s }));
}
