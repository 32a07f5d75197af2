/**
 * Unknown keys: every object in a lab file is strict, so a typo is an error that names the
 * nearest known key (`unknown key "adress" (did you mean "address"?)`).
 */

/** Levenshtein distance between two short strings (keys are a few dozen characters). */
export function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.max(a.length, b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The known key nearest to `key`, if it is close enough to be a typo (at most 40% of its
 * letters differ, or one key contains the other, ignoring case).
 */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = key.toLowerCase();
  for (const candidate of known) {
    const c = candidate.toLowerCase();
    let d = editDistance(lower, c);
    if (d > 0 && (c.includes(lower) || lower.includes(c)) && Math.min(c.length, lower.length) >= 3) d = Math.min(d, 1);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  const limit = Math.max(1, Math.ceil(key.length * 0.4));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/**
 * The message and fix for an unknown key.
 * @example describeUnknownKey('adress', ['address', 'gateway'])
 *   // { message: 'unknown key "adress"', fix: 'did you mean "address"?' }
 */
export function describeUnknownKey(key: string, known: readonly string[]): { message: string; fix: string } {
  const shown = JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
  const near = nearestKey(key, known);
  const fix = near !== undefined ? `did you mean "${near}"?` : `known keys here: ${known.join(', ')}`;
  return { message: `unknown key ${shown}`, fix };
}
