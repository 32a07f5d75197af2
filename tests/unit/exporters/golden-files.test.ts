import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExampleLabs } from './example-labs';
import { GOLDEN_DIR } from './golden-file';

/** Every file under a directory, as paths relative to tests/golden/. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [relative(GOLDEN_DIR, join(dir, entry.name))],
  );
}

describe('golden files', () => {
  it('exist only for outputs the tests still produce (no stale files left behind)', () => {
    const expected = loadExampleLabs().flatMap(({ id, lab }) => [
      `diagram/${id}.mmd`,
      ...lab.hosts.flatMap((h) => [
        ...h.containers.map((ct) => `pve-lxc-conf/${id}/${h.name}-${ct.vmid}.conf`),
        ...(h.kind === 'proxmox' ? [`pve-storage-cfg/${id}/${h.name}.cfg`] : []),
        ...(h.iscsi?.initiator ? [`iscsi-initiatorname/${id}/${h.name}.iscsi`] : []),
      ]),
    ]);
    const exporterDirs = ['diagram', 'pve-lxc-conf', 'pve-storage-cfg', 'iscsi-initiatorname'];
    const present = exporterDirs.flatMap((d) => filesUnder(join(GOLDEN_DIR, d)));
    expect(present.sort()).toEqual(expected.sort());
  });
});
