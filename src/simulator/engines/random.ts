/**
 * Deterministic randomness for the simulator: a seeded mulberry32 generator whose whole
 * state is one 32-bit number kept in the World (so it survives JSON and undo), and a stable
 * FNV-1a hash for values that must not change between two looks (a NIC's MAC address).
 */

/** Advances a mulberry32 state; returns the new state and a number in [0, 1). */
export function mulberry32(state: number): { state: number; value: number } {
  // mulberry32 by Tommy Ettinger (public domain): one 32-bit word of state, period 2^32.
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { state: next, value: ((t ^ (t >>> 14)) >>> 0) / 4294967296 };
}

/** Draws the next number in [0, 1) from `holder.rng`, advancing it (for engines). */
export function nextRandom(holder: { rng: number }): number {
  const { state, value } = mulberry32(holder.rng);
  holder.rng = state;
  return value;
}

/** FNV-1a 32-bit hash of the seed and parts; the same inputs always give the same number. */
export function stableHash(seed: number, ...parts: string[]): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      h ^= part.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0xff; // separator, so ('ab','c') and ('a','bc') differ
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A stable MAC address for a host's interface: a unicast, universally administered address
 * (first octet with the two low bits clear) derived from the seed, host and interface names.
 */
export function stableMac(seed: number, host: string, iface: string): string {
  const a = stableHash(seed, 'mac', host, iface);
  const b = stableHash(seed, 'mac2', host, iface);
  const bytes = [(a >>> 24) & 0xfc, (a >>> 16) & 0xff, (a >>> 8) & 0xff, a & 0xff, (b >>> 8) & 0xff, b & 0xff];
  return bytes.map((x) => x.toString(16).padStart(2, '0')).join(':');
}
