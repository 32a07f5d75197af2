/**
 * Writing a TrueNAS call plan's arguments (JSON with id placeholders) as text: plain JSON
 * with `{"$ref": STEP}` objects for the JSON-RPC document, or pieces of one bash word whose
 * placeholders are shell variables for the midclt script.
 */
import { isIdRef, type PlanValue } from './truenas-call-plan';
import { shq } from './shell-quote';

/** One piece of serialised JSON: literal text, or the id of an earlier step. */
type Piece = { text: string } | { ref: string };

/** JSON.stringify's output for a plan value, placeholders kept apart as pieces. */
function pieces(value: PlanValue): Piece[] {
  if (isIdRef(value)) return [{ ref: value.ref }];
  if (Array.isArray(value)) {
    const items = value as readonly PlanValue[];
    return [{ text: '[' }, ...items.flatMap((item, i) => [...(i > 0 ? [{ text: ',' }] : []), ...pieces(item)]), { text: ']' }];
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as { [key: string]: PlanValue });
    return [{ text: '{' }, ...entries.flatMap(([k, v], i) => [{ text: `${i > 0 ? ',' : ''}${JSON.stringify(k)}:` }, ...pieces(v)]), { text: '}' }];
  }
  return [{ text: JSON.stringify(value) }];
}

/**
 * The bash variable that holds a step's id: `portal-1` → `portal_1`. Step names are made
 * from the lab's numeric ids, so this is always a valid name.
 */
export function stepVariable(step: string): string {
  return step.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * One bash word whose value is the JSON text of `value`, each placeholder expanded from its
 * step's variable (`"$portal_1"`, a number the script has checked). Literal text goes
 * through `shq`, so no lab string is ever unquoted.
 * @example planWord({ portal: idRef('portal-1') }) // `'{"portal":'"$portal_1"'}'`
 */
export function planWord(value: PlanValue): string {
  const merged: Piece[] = [];
  for (const piece of pieces(value)) {
    const last = merged[merged.length - 1];
    if ('text' in piece && last && 'text' in last) last.text += piece.text;
    else merged.push({ ...piece });
  }
  return merged.map((p) => ('text' in p ? shq(p.text) : `"$${stepVariable(p.ref)}"`)).join('');
}

/** The plan value as plain JSON, each placeholder written `{"$ref": STEP}`. */
export function planJson(value: PlanValue): unknown {
  if (isIdRef(value)) return { $ref: value.ref };
  if (Array.isArray(value)) return (value as readonly PlanValue[]).map(planJson);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value as { [key: string]: PlanValue }).map(([k, v]) => [k, planJson(v)]));
  return value;
}
