/**
 * Block checksums. ZFS checksums a block's bytes (module/zcommon/zfs_fletcher.c
 * fletcher_4_native: four running sums over 32-bit words); the simulator computes the same
 * four sums over the block's content descriptor (its JSON), so equal data gives equal
 * checksums and any change gives a different one, without materialising the bytes.
 * sha256 is offered as a differently seeded mix of the same (simplified: not SHA-256).
 */
import type { Content } from '../kernel/content';

/** Checksum algorithms a block may carry (zfs_prop.c checksum values that the simulator tells apart). */
export type ChecksumAlgorithm = 'fletcher4' | 'sha256' | 'off';

/** The four fletcher4 sums over the UTF-16 code units of `text` taken as 32-bit words, mod 2^32, as hex. */
function fletcher4(text: string, seed: number): string {
  let a = seed >>> 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let i = 0; i < text.length; i += 2) {
    const word = (text.charCodeAt(i) | ((text.charCodeAt(i + 1) || 0) << 16)) >>> 0;
    a = (a + word) >>> 0;
    b = (b + a) >>> 0;
    c = (c + b) >>> 0;
    d = (d + c) >>> 0;
  }
  const hex = (n: number): string => n.toString(16).padStart(8, '0');
  return `${hex(a)}:${hex(b)}:${hex(c)}:${hex(d)}`;
}

/** The checksum of a block whose data is `content` (zdb shows it as `cksum=a:b:c:d`). */
export function blockChecksum(content: Content, algorithm: ChecksumAlgorithm = 'fletcher4'): string {
  if (algorithm === 'off') return '0:0:0:0';
  return fletcher4(JSON.stringify(content), algorithm === 'sha256' ? 0x6a09e667 : 0);
}
