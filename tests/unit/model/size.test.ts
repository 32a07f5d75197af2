// Sizes: 1024-based units like OpenZFS and Proxmox, parsed to bytes and written back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSize, parseSize } from '../../../src/simulator/model';

describe('parseSize', () => {
  it('reads bytes and units, case-insensitively, with optional B/iB', () => {
    expect(['512', '16K', '16k', '500G', '4T', '1.5K', '4TiB', '2 GB', 4096].map((s) => parseSize(s))).toEqual([512, 16384, 16384, 500 * 1024 ** 3, 4 * 1024 ** 4, 1536, 4 * 1024 ** 4, 2 * 1024 ** 3, 4096]);
  });

  it('refuses what is not a size', () => {
    expect(['', 'G', '-1', '1X', '1.5.5K', 'lots', '99999999E'].map((s) => parseSize(s))).toEqual([null, null, null, null, null, null, null]);
    expect([parseSize(-1), parseSize(1.5), parseSize(Number.NaN)]).toEqual([null, null, null]);
  });
});

describe('formatSize', () => {
  it('uses the largest exact unit, else bytes', () => {
    expect([0, 512, 16384, 1536, 500 * 1024 ** 3, 4 * 1024 ** 4].map(formatSize)).toEqual(['0', '512', '16K', '1536', '500G', '4T']);
  });

  it('round-trips through parseSize', () => {
    fc.assert(fc.property(fc.maxSafeNat(), (n) => parseSize(formatSize(n)) === n));
  });
});
