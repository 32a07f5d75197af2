/**
 * The JSON-RPC document, sent in order to the simulator's middleware with each `{"$ref":
 * ID}` replaced by the `id` of request ID's result (the convention in truenas-jsonrpc.ts),
 * builds the objects the lab declares: the middleware then answers as for the lab itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boot } from '../../../src/simulator/engines';
import { callMiddleware, type PyValue } from '../../../src/simulator/engines/truenas';
import { DEFAULT_EXPORT_OPTIONS } from '../../../src/simulator/exporters/bundle-types';
import { truenasJsonRpcFiles } from '../../../src/simulator/exporters/truenas-jsonrpc';
import { parseLab, type Lab } from '../../../src/simulator/model';
import { loadExampleLabs } from './example-labs';
import { middlewareAnswers, strippedLab } from './truenas-roundtrip';

const hostile = parseLab(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'labs', 'hostile-target.yaml'), 'utf8'));
const labs: { id: string; lab: Lab }[] = [...loadExampleLabs(), ...(hostile.ok ? [{ id: 'hostile-target', lab: hostile.lab }] : [])];
const docs = labs.flatMap(({ id, lab }) => truenasJsonRpcFiles(lab, DEFAULT_EXPORT_OPTIONS).map((file) => ({ name: `${id}/${file.path}`, lab, file })));

/** A parameter with every `{"$ref": ID}` replaced by the id of ID's result. */
function resolve(value: unknown, results: Map<string, PyValue>): PyValue {
  if (Array.isArray(value)) return value.map((v) => resolve(v, results));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]?.[0] === '$ref') {
      const result = results.get(String(entries[0][1]));
      if (result === undefined || result === null || typeof result !== 'object' || Array.isArray(result)) throw new Error(`no result for ${String(entries[0][1])}`);
      return result['id'] as PyValue;
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, resolve(v, results)]));
  }
  return value as PyValue;
}

describe('truenas-iscsi.jsonrpc.json against the simulator middleware', () => {
  it('exists for the labs with TrueNAS iSCSI objects', () => {
    expect(docs.map((d) => d.name)).toEqual(['every-field/truenas/truenas-iscsi.jsonrpc.json', 'seed-000-r630-truenas-iscsi/truenas/truenas-iscsi.jsonrpc.json', 'hostile-target/truenas/truenas-iscsi.jsonrpc.json']);
  });

  it.each(docs)('$name builds the objects the lab declares', ({ lab, file }) => {
    const host = file.host ?? '';
    const world = boot(strippedLab(lab), 1);
    const results = new Map<string, PyValue>();
    for (const request of JSON.parse(file.content) as { id: string; method: string; params: unknown[] }[]) {
      // service.control is a job: waiting for it gives its result (midclt -j, core.job_wait over the socket).
      const r = callMiddleware(world, host, request.method, request.params.map((p) => resolve(p, results)), request.method === 'service.control');
      expect(r, `${request.id} ${request.method}`).toMatchObject({ ok: true });
      if (r.ok) results.set(request.id, r.value);
    }
    expect(results.get('service-start')).toBe(true);
    expect(middlewareAnswers(world, host)).toEqual({ ...(middlewareAnswers(boot(lab, 1), host) as object), service: { ok: true, value: { enable: true, state: 'RUNNING' } } });
  });
});
