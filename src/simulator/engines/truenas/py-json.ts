/**
 * JSON as Python's `json.dumps` writes it with its defaults, which is how `midclt call`
 * prints a result (truenas/api_client truenas_api_client/__init__.py main: `print(json.dumps(rv))`):
 * `", "` between items, `": "` after keys, non-ASCII as `\uXXXX` (ensure_ascii), keys in
 * insertion order. A bare int or str result is printed as Python's `print(rv)` shows it
 * (`True` for a bool, which is an int in Python).
 */
// @sim midclt output | truenas/api_client main(): print(rv) for int/str/bool, else json.dumps(rv) (separators ", " and ": ", ensure_ascii)

/** A JSON value as the middleware returns it. */
export type PyValue = null | boolean | number | string | PyValue[] | { [key: string]: PyValue };

/** A string as json.dumps encodes it (ensure_ascii: everything past 0x7e as \uXXXX, surrogate pairs split). */
function pyString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text[i] as string;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** json.dumps(value). */
export function pyJsonDumps(value: PyValue): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pyFloat(value);
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${pyString(k)}: ${pyJsonDumps(v)}`).join(', ')}}`;
}

/** float repr: shortest round-trip digits, with ".0" for whole numbers and Python's exponent form. */
function pyFloat(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity';
  const s = String(n);
  return s.includes('e') ? s.replace(/e([+-])(\d)$/, 'e$10$2') : s;
}

/** What `midclt call` prints for a result: `print(rv)` for int/str (and bool), json.dumps otherwise. */
export function midcltPrint(value: PyValue): string {
  if (value === true) return 'True\n';
  if (value === false) return 'False\n';
  if (typeof value === 'string') return `${value}\n`;
  if (typeof value === 'number' && Number.isInteger(value)) return `${value}\n`;
  return `${pyJsonDumps(value)}\n`;
}
