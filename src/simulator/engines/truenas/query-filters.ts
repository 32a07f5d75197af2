/**
 * The middleware's query filters and options (`midclt call X.query '[["name","=","x"]]'
 * '{"get": true}'`), as truenas/middleware utils/filter_list.py applies them: each filter is
 * `[field, op, value]` (dotted field names reach into objects); options `get`, `count`,
 * `select`, `order_by` (`-` for descending), `limit`, `offset`.
 */
// @sim middleware query filters | TrueNAS 25.10 utils/filter_list.py: = != < > <= >= in nin rin rnin ^ $ ~ (regex), OR; options get, count, select, order_by, limit, offset
import type { ApiError } from './api-args';
import type { PyValue } from './py-json';

type Obj = { [key: string]: PyValue };

/** A field of an entry, dotted names reaching into objects. */
function getField(entry: Obj, name: string): PyValue | undefined {
  let cur: PyValue | undefined = entry;
  for (const part of name.split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** Compare as Python would for numbers and strings (other pairs: false). */
function less(a: PyValue | undefined, b: PyValue): boolean {
  return (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string') ? a < b : false;
}

function same(a: PyValue | undefined, b: PyValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether one filter matches; an unknown operator is an error. */
function matches(entry: Obj, filter: PyValue, errors: ApiError[]): boolean {
  if (!Array.isArray(filter)) {
    errors.push({ attr: 'query-filters', message: 'Invalid filter' });
    return false;
  }
  if (filter.length === 2 && filter[0] === 'OR' && Array.isArray(filter[1])) return filter[1].some((f) => (Array.isArray(f) && Array.isArray(f[0]) ? f.every((g) => matches(entry, g, errors)) : matches(entry, f, errors)));
  const [name, op, value] = filter as [PyValue, PyValue, PyValue];
  if (typeof name !== 'string' || typeof op !== 'string' || filter.length !== 3) {
    errors.push({ attr: 'query-filters', message: 'Invalid filter' });
    return false;
  }
  const got = getField(entry, name);
  switch (op) {
    case '=':
      return same(got, value);
    case '!=':
      return !same(got, value);
    case '<':
      return less(got, value);
    case '>':
      return got !== undefined && got !== null && less(value, got);
    case '<=':
      return less(got, value) || same(got, value);
    case '>=':
      return (got !== undefined && got !== null && less(value, got)) || same(got, value);
    case 'in':
      return Array.isArray(value) && value.some((v) => same(got, v));
    case 'nin':
      return Array.isArray(value) && !value.some((v) => same(got, v));
    case 'rin':
      return Array.isArray(got) && got.some((v) => same(v, value));
    case 'rnin':
      return Array.isArray(got) && !got.some((v) => same(v, value));
    case '^':
      return typeof got === 'string' && typeof value === 'string' && got.startsWith(value);
    case '$':
      return typeof got === 'string' && typeof value === 'string' && got.endsWith(value);
    case '~': {
      if (typeof got !== 'string' || typeof value !== 'string') return false;
      try {
        return new RegExp(value).test(got);
      } catch {
        errors.push({ attr: 'query-filters', message: `Invalid regex: ${value}` });
        return false;
      }
    }
    default:
      errors.push({ attr: 'query-filters', message: `Invalid operation: ${op}` });
      return false;
  }
}

/** Applies filters and options to entries; the result is a list, one entry (`get`), or a count. */
export function filterList(entries: Obj[], filters: PyValue | undefined, options: PyValue | undefined): { ok: true; value: PyValue } | { ok: false; errors: ApiError[] } {
  const errors: ApiError[] = [];
  if (filters !== undefined && !Array.isArray(filters)) return { ok: false, errors: [{ attr: 'query-filters', message: 'Input should be a valid list' }] };
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) return { ok: false, errors: [{ attr: 'query-options', message: 'Input should be a valid dictionary or instance of QueryOptions' }] };
  // filter_list validates the filters once (filters.py validate_filters) before matching.
  const probe: Obj = {};
  for (const f of filters ?? []) matches(probe, f, errors);
  if (errors.length > 0) return { ok: false, errors: errors.filter((e, i) => errors.findIndex((x) => x.message === e.message) === i) };
  let out = entries.filter((e) => (filters ?? []).every((f) => matches(e, f, errors)));
  const opts = (options ?? {}) as Obj;
  const orderBy = Array.isArray(opts['order_by']) ? (opts['order_by'] as PyValue[]) : [];
  for (const key of [...orderBy].reverse()) {
    if (typeof key !== 'string') continue;
    const desc = key.startsWith('-');
    const field = desc ? key.slice(1) : key;
    out = [...out].sort((a, b) => {
      const x = getField(a, field);
      const y = getField(b, field);
      const c = less(x, y as PyValue) ? -1 : less(y, x as PyValue) ? 1 : 0;
      return desc ? -c : c;
    });
  }
  if (typeof opts['offset'] === 'number') out = out.slice(opts['offset']);
  if (typeof opts['limit'] === 'number' && opts['limit'] > 0) out = out.slice(0, opts['limit']);
  if (Array.isArray(opts['select'])) {
    const fields = opts['select'].filter((s): s is string => typeof s === 'string');
    out = out.map((e) => Object.fromEntries(fields.filter((f) => getField(e, f) !== undefined).map((f) => [f, getField(e, f) as PyValue])));
  }
  if (opts['count'] === true) return { ok: true, value: out.length };
  if (opts['get'] === true) {
    const first = out[0];
    // filter_list(): `get` with nothing matching raises MatchNotFound.
    return first ? { ok: true, value: first } : { ok: false, errors: [{ attr: '', errno: 'ENOENT', message: 'MatchNotFound()' }] };
  }
  return { ok: true, value: out };
}
