/**
 * The JSON Schema of lab files, generated from the zod schema (zod 4 `z.toJSONSchema`, input
 * side: what a person writes, defaults optional). Editors use it to autocomplete and check
 * lab files (`# yaml-language-server: $schema=…/lab.schema.json`). Refinements such as name
 * rules and cross-references are not in it; `parseLab` checks those.
 */
import { z } from 'zod';
import { LabSchema } from './lab';

/** The `$id` of the schema (where the built site serves it). */
export const LAB_SCHEMA_ID = 'https://homelab-handbook.example/lab.schema.json';

/** Build the lab JSON Schema as a plain object with stable key order. */
export function labJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(LabSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: LAB_SCHEMA_ID, title: 'Homelab Handbook lab file', ...rest };
}

/** The schema as the text of lab.schema.json (2-space JSON and a final newline). */
export function labJsonSchemaText(): string {
  return `${JSON.stringify(labJsonSchema(), null, 2)}\n`;
}
