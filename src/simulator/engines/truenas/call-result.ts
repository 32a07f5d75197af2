/**
 * What a middleware method call gives: a result, validation errors (printed by midclt as
 * `[EINVAL] attr: message`), or another error's text (e.g. `Method does not exist`).
 */
import type { ApiError } from './api-args';
import type { PyValue } from './py-json';

/** A method's outcome. */
export type CallResult = { ok: true; value: PyValue } | { ok: false; errors: ApiError[] } | { ok: false; text: string };

/** Validation errors as ValidationErrors.__str__ words them: `[ERRNO] attribute: message`, one a line. */
export function formatErrors(errors: ApiError[]): string {
  return errors.map((e) => `[${e.errno ?? 'EINVAL'}] ${e.attr === '' ? 'None' : e.attr}: ${e.message}\n`).join('');
}
