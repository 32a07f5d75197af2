// lab.schema.json is generated from the zod schema and must be kept in sync with it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labJsonSchema, labJsonSchemaText } from '../../../src/simulator/model/json-schema';
import { root, type LabDoc } from './lab-fixtures';

describe('lab.schema.json', () => {
  it('is up to date', () => {
    const onDisk = readFileSync(`${root}lab.schema.json`, 'utf8');
    if (onDisk !== labJsonSchemaText()) throw new Error('lab.schema.json is stale: run npm run gen:lab-schema');
  });

  it('names itself and describes the input side (defaults are optional, unknown keys refused)', () => {
    const schema = labJsonSchema() as LabDoc;
    expect(Object.keys(schema).slice(0, 3)).toEqual(['$schema', '$id', 'title']);
    expect(schema.required).toEqual(['version', 'name', 'hosts']);
    expect(schema.additionalProperties).toBe(false);
    const host = schema.properties.hosts.items;
    expect(host.required).toEqual(['name', 'kind']);
    expect(host.properties.kind.enum).toEqual(['proxmox', 'truenas', 'linux']);
    expect(host.additionalProperties).toBe(false);
  });
});
