/**
 * `zfs set volsize` (OpenZFS 2.3 libzfs zfs_valid_proplist, zfs_add_synthetic_resv,
 * zfs_setprop_error; zvol_set_volsize) and zfs_nicestrtonum's refusals. zfs-fuse has no
 * volumes, so these are pinned to the 2.3 source.
 */
import { describe, expect, it } from 'vitest';
import { nicestrtonum } from '../../../../src/simulator/engines/zfs/nicestrtonum';
import { zvolState } from '../../../../src/simulator/engines/zfs/zvol';
import { contentLength } from '../../../../src/simulator/engines/kernel/content';
import { boot, out, run } from '../../shell/sim-fixture';

describe('zfs_nicestrtonum', () => {
  it('reads sizes with B K M G T P E Z suffixes, G = GB = GiB, fractions, and refuses the rest in its words', () => {
    expect(['0', '512', '1K', '1k', '1KB', '1KiB', '1.5T', '2g', '10M', '.5K'].map((v) => nicestrtonum(v))).toEqual(
      [0, 512, 1024, 1024, 1024, 1024, 1.5 * 2 ** 40, 2 * 2 ** 30, 10 * 2 ** 20, 512].map((bytes) => ({ ok: true, bytes })),
    );
    expect(nicestrtonum('abc')).toEqual({ ok: false, message: "bad numeric value 'abc'" });
    expect(nicestrtonum('-1G')).toEqual({ ok: false, message: "bad numeric value '-1G'" });
    expect(nicestrtonum('5Q')).toEqual({ ok: false, message: "invalid numeric suffix 'Q'" });
    expect(nicestrtonum('1BB')).toEqual({ ok: false, message: "invalid numeric suffix 'BB'" });
    expect(nicestrtonum('1GBB')).toEqual({ ok: false, message: "invalid numeric suffix 'GBB'" });
    expect(nicestrtonum('99999999999999999999')).toEqual({ ok: false, message: 'numeric value is too large' });
    expect(nicestrtonum('20E')).toEqual({ ok: false, message: 'numeric value is too large' });
  });
});

describe('zfs set volsize', () => {
  function withVolumes() {
    const s = boot();
    for (const l of ['zfs create -V 1G rpool/thick', 'zfs create -s -V 1G rpool/thin']) expect(run(s, l).exitCode).toBe(0);
    return s;
  }

  it('grows a thick volume with its refreservation, and its device; a sparse one keeps none', () => {
    const s = withVolumes();
    expect(out(s, 'zfs get -H -o value volsize,refreservation rpool/thick')).toBe('1G\n1.02G\n[0]');
    expect(out(s, 'zfs set volsize=2G rpool/thick')).toBe('[0]');
    expect(out(s, 'zfs get -H -o value volsize,refreservation rpool/thick')).toBe('2G\n2.03G\n[0]');
    expect(out(s, 'zfs set volsize=3G rpool/thin')).toBe('[0]');
    expect(out(s, 'zfs get -H -o value volsize,refreservation rpool/thin')).toBe('3G\nnone\n[0]');
    expect(out(s, 'lsblk -b -n -o SIZE /dev/zvol/rpool/thick /dev/zvol/rpool/thin')).toBe(`${2 * 2 ** 30}\n${3 * 2 ** 30}\n[0]`);
  });

  it('refuses what libzfs refuses, in its words, and changes nothing', () => {
    const s = withVolumes();
    const refuse = (line: string) => out(s, line);
    expect(refuse('zfs set volsize=1000000 rpool/thick')).toBe("cannot set property for 'rpool/thick': 'volsize' must be a multiple of volume block size (16K)\n[1]");
    expect(refuse('zfs set volsize=0 rpool/thick')).toBe("cannot set property for 'rpool/thick': 'volsize' cannot be zero\n[1]");
    expect(refuse('zfs set volsize=big rpool/thick')).toBe("cannot set property for 'rpool/thick': bad numeric value 'big'\n[1]");
    expect(refuse('zfs set volsize=1G rpool/data')).toBe("cannot set property for 'rpool/data': 'volsize' does not apply to datasets of this type\n[1]");
    // A thick volume's refreservation must fit: ENOSPC, worded for the refreservation it tried.
    expect(refuse('zfs set volsize=900T rpool/thick')).toBe("cannot set property for 'rpool/thick': size is greater than available space\n[1]");
    expect(out(s, 'zfs get -H -o value volsize rpool/thick')).toBe('1G\n[0]');
  });

  it('a smaller size drops what was written past it', () => {
    const s = withVolumes();
    run(s, 'dd if=/dev/urandom of=/dev/zvol/rpool/thin bs=1M count=8 seek=600 status=none');
    expect(zvolState(s.world, 'pve', 'rpool/thin')?.data.some((piece) => piece.kind !== 'hole')).toBe(true);
    expect(out(s, 'zfs set volsize=512M rpool/thin')).toBe('[0]');
    expect(out(s, 'lsblk -b -n -o SIZE /dev/zvol/rpool/thin')).toBe(`${512 * 2 ** 20}\n[0]`);
    expect(out(s, 'zfs set volsize=1G rpool/thin')).toBe('[0]');
    // Grown again, the volume is a hole past 512M: the bytes written at 600M are gone.
    const data = zvolState(s.world, 'pve', 'rpool/thin')?.data ?? [];
    expect(data.every((piece) => piece.kind === 'hole')).toBe(true);
    expect(contentLength(data)).toBe(2 ** 30);
  });
});
