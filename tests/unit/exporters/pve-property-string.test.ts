import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPveSize, printPropertyString } from '../../../src/simulator/exporters';
import { parseSize } from '../../../src/simulator/model';

describe('printPropertyString', () => {
  it('prints the default key bare, then required keys sorted, then the rest sorted', () => {
    expect(
      printPropertyString([
        { key: 'size', value: '8G' },
        { key: 'mp', value: '/data', required: true },
        { key: 'volume', value: 'local-zfs:subvol-101-disk-1', defaultKey: true },
        { key: 'backup', value: true },
      ]),
    ).toBe('local-zfs:subvol-101-disk-1,mp=/data,backup=1,size=8G');
  });

  it('leaves out undefined values and prints booleans as 1/0', () => {
    expect(printPropertyString([{ key: 'b', value: false }, { key: 'a', value: undefined }, { key: 'c', value: 3 }])).toBe('b=0,c=3');
  });

  it('sorts keys by code point, as Perl sort does', () => {
    expect(printPropertyString([{ key: 'ip6', value: 'auto' }, { key: 'ip', value: 'dhcp' }, { key: 'hwaddr', value: 'BC:24:11:00:00:01' }])).toBe(
      'hwaddr=BC:24:11:00:00:01,ip=dhcp,ip6=auto',
    );
  });
});

describe('formatPveSize', () => {
  it.each([
    [8 * 1024 ** 3, '8G'],
    [32 * 1024 ** 3, '32G'],
    [1536 * 1024 ** 2, '1536M'],
    [4 * 1024 ** 4, '4T'],
    [2 * 1024 ** 5, '2048T'],
    [512, '512'],
    [1536, '1536'],
    [0, '0T'],
  ])('%i bytes is %s, as pve-common format_size writes it', (bytes, text) => {
    expect(formatPveSize(bytes)).toBe(text);
  });

  it('round-trips through the model size parser', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 52 }), (bytes) => {
        expect(parseSize(formatPveSize(bytes))).toBe(bytes);
      }),
    );
  });
});
