/**
 * Argument checking as the TrueNAS 25.10 middleware's pydantic models do it (strict types,
 * `extra="forbid"`): each problem becomes a validation error at `ARGNAME.FIELD[.INDEX]`
 * worded as pydantic 2 words it ("Field required", "Extra inputs are not permitted",
 * "Input should be a valid integer", "Input should be 'NONE', 'CHAP' or 'CHAP_MUTUAL'").
 * Source: truenas/middleware src/middlewared/middlewared/api/v25_10_0/iscsi_*.py.
 */
import type { PyValue } from './py-json';

/** One validation error: the attribute path and the message. */
export interface ApiError {
  attr: string;
  message: string;
  /** errno name (EINVAL for validation, ENOENT for a missing instance). */
  errno?: string;
}

/** A field's type. */
export type FieldType =
  | { kind: 'str'; nonEmpty?: boolean; max?: number; pattern?: RegExp; patternMessage?: string }
  | { kind: 'int'; min?: number; max?: number }
  | { kind: 'bool' }
  | { kind: 'literal'; values: readonly (string | number)[] }
  | { kind: 'list'; of: FieldType }
  | { kind: 'object'; cls: string; fields: Record<string, Field> }
  | { kind: 'any' };

/** A field of an argument object. */
export interface Field {
  type: FieldType;
  required?: boolean;
  nullable?: boolean;
}

/** pydantic's "Input should be 'A', 'B' or 'C'" list. */
function literalList(values: readonly (string | number)[]): string {
  const shown = values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

/** Checks `value` against `type`, adding errors at `at`. */
export function checkValue(value: PyValue | undefined, field: Field, at: string, errors: ApiError[]): void {
  if (value === null && field.nullable) return;
  const t = field.type;
  const bad = (message: string): void => {
    errors.push({ attr: at, message });
  };
  switch (t.kind) {
    case 'any':
      return;
    case 'str':
      if (typeof value !== 'string') return bad('Input should be a valid string');
      if (t.nonEmpty && value.length === 0) return bad('String should have at least 1 character');
      if (t.max !== undefined && value.length > t.max) return bad(`String should have at most ${t.max} characters`);
      if (t.pattern && !t.pattern.test(value)) return bad(t.patternMessage ?? `String should match pattern '${t.pattern.source}'`);
      return;
    case 'int':
      if (typeof value !== 'number' || typeof value === 'boolean') return bad('Input should be a valid integer');
      if (!Number.isInteger(value)) return bad('Input should be a valid integer, got a number with a fractional part');
      if (t.min !== undefined && value < t.min) return bad(`Input should be greater than or equal to ${t.min}`);
      if (t.max !== undefined && value > t.max) return bad(`Input should be less than or equal to ${t.max}`);
      return;
    case 'bool':
      if (typeof value !== 'boolean') bad('Input should be a valid boolean');
      return;
    case 'literal':
      if (!t.values.includes(value as string | number)) bad(`Input should be ${literalList(t.values)}`);
      return;
    case 'list':
      if (!Array.isArray(value)) return bad('Input should be a valid list');
      value.forEach((item, i) => checkValue(item, { type: t.of }, `${at}.${i}`, errors));
      return;
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return bad(`Input should be a valid dictionary or instance of ${t.cls}`);
      for (const [key, sub] of Object.entries(t.fields)) {
        if (!(key in value)) {
          if (sub.required) errors.push({ attr: `${at}.${key}`, message: 'Field required' });
          continue;
        }
        checkValue(value[key], sub, `${at}.${key}`, errors);
      }
      for (const key of Object.keys(value)) if (!(key in t.fields)) errors.push({ attr: `${at}.${key}`, message: 'Extra inputs are not permitted' });
      return;
    }
  }
}

/** An object type with its fields, for brevity in method tables. */
export function obj(cls: string, fields: Record<string, Field>): FieldType {
  return { kind: 'object', cls, fields };
}
