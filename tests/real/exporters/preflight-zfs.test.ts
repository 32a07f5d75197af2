/**
 * A target host's exported preflight.sh on this machine, with zfs-fuse holding one of the
 * lab's pools (file-backed): a pool that exists is ok, a pool still to be made needs its
 * disks present and blank — this machine's root disk is mounted, another is missing — and
 * the exit status follows. Run under the machine-wide lock (zfs-fuse is shared).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS } from '../../../src/simulator/exporters/bundle-types';
import { preflightFiles } from '../../../src/simulator/exporters/preflight';
import { startZfsFuse, type ZfsFuse } from '../support/zfs-fuse';
import { requireTool } from '../support/tools';
import { mustParse } from './target-labs';

const POOL = 'hlabpreflight';
/** The disk this machine's root filesystem is mounted from (vda here): present, and in use. */
const ROOT_DISK = (() => {
  const rows = spawnSync(requireTool('lsblk'), ['-nro', 'NAME,PKNAME,MOUNTPOINT'], { encoding: 'utf8' }).stdout.split('\n').map((l) => l.split(' '));
  const root = rows.find((r) => r[2] === '/');
  if (!root) throw new Error('no block device is mounted at / (lsblk): this test needs one');
  return root[1] || (root[0] as string);
})();
const dir = mkdtempSync(join(tmpdir(), 'hlab-preflight-'));
let zfs: ZfsFuse;

/** A Linux host with the zfs-fuse pool and, optionally, a pool still to be made on this machine's root disk and sdzz (absent). */
function labText(withNewPool: boolean): string {
  return `version: 1
name: preflight zfs
hosts:
  - name: nas
    kind: linux
    disks:
      - { name: sdx, size: 128M, type: hdd }
      - { name: ${ROOT_DISK}, size: 1G, type: virtual }
      - { name: sdzz, size: 1G, type: hdd }
    pools:
      - { name: ${POOL}, vdevs: [{ type: stripe, disks: [sdx] }] }
${withNewPool ? `      - { name: newpool, vdevs: [{ type: mirror, disks: [${ROOT_DISK}, sdzz] }] }\n` : ''}`;
}

function preflight(text: string) {
  const script = preflightFiles(mustParse(text), DEFAULT_EXPORT_OPTIONS).find((f) => f.host === 'nas')?.content ?? '';
  const file = join(dir, 'preflight.sh');
  writeFileSync(file, script);
  const r = spawnSync(requireTool('bash'), [file], { encoding: 'utf8', env: { ...process.env, PREFLIGHT_ROOT: dir }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout };
}

beforeAll(() => {
  zfs = startZfsFuse(POOL);
}, 60_000);

afterAll(() => {
  zfs.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('preflight.sh with zfs-fuse', () => {
  it('finds the existing pool and passes', () => {
    expect(preflight(labText(false))).toEqual({ status: 0, stdout: `ok   pool ${POOL} exists\npreflight: every check passed.\n` });
  });

  it('says DIFF for a new pool whose disks are mounted or missing, and exits 1', () => {
    const r = preflight(labText(true));
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      `ok   pool ${POOL} exists`,
      'note pool newpool does not exist yet: zfs-setup.sh creates it on these disks',
      `DIFF disk ${ROOT_DISK}: in use (mounted at /); the pool needs it blank`,
      'DIFF disk sdzz: not found (lsblk /dev/sdzz)',
      'preflight: some checks say DIFF; fix them before applying the bundle.',
      '',
    ]);
  });
});
