import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZfsFuse, type ZfsFuse } from '../../support/zfs-fuse';
import { runTool } from '../../support/tools';
import { boot, run } from '../../../unit/shell/sim-fixture';

// zpool attach/detach/offline/online/replace/add against a real ZFS (zfs-fuse 0.7, a pool on
// 128 MiB files). Compared: exit statuses, the refusals' words and the NAME/STATE columns of
// `zpool status` after each step. zfs-fuse names file vdevs by path and calls them `file`,
// prints the old scan line and "resilvered" notes; those are mapped or left out (the 2.3
// text is pinned in tests/unit/shell/commands/zpool-vdevs.test.ts and zpool-add.test.ts).
let z: ZfsFuse;
const POOL = 'hlabvdev';
beforeAll(() => {
  z = startZfsFuse();
});
afterAll(() => {
  runTool(z.zpool, ['destroy', '-f', POOL]);
  z?.stop();
});

const DISKS = ['sda', 'sdb', 'sdc', 'sdd'];

/** The NAME and STATE columns of a status config tree, indentation kept. */
function tree(status: string): string {
  const config = status.split('config:\n')[1]?.split('\nerrors:')[0] ?? '';
  return config.split('\n').filter((l) => l.trim() !== '').map((l) => {
    const m = /^\t( *)(\S+) +(\S+)/.exec(l);
    return m ? `${m[1]}${m[2]} ${m[3]}` : l;
  }).join('\n');
}

describe('zpool vdev changes on a real ZFS', () => {
  it('attach, offline, online, add refused, replace, detach: same statuses, words and trees', () => {
    const file = (i: number) => join(z.dir, `v${i}`);
    for (let i = 0; i < 4; i++) spawnSync('truncate', ['-s', '128M', file(i)]);
    runTool(z.zpool, ['destroy', '-f', POOL]);
    const toReal = (w: string) => (DISKS.includes(w) ? file(DISKS.indexOf(w)) : w === 'tank' ? POOL : w);
    const fromReal = (text: string) => {
      let out = text.replace(/^Defaulting to 4K blocksize.*\n/gm, '').replaceAll(POOL, 'tank').replace(/\bfile\b/g, 'disk');
      DISKS.forEach((d, i) => (out = out.replaceAll(file(i), d)));
      return out;
    };
    const s = boot({ host: 'truenas' });
    const steps = [
      'create tank sda', 'attach tank sda sdb', 'STATUS', 'offline tank sdb', 'STATUS', 'offline tank sda', 'online tank sdb', 'STATUS',
      'add tank sdc', 'attach tank sdz sdc', 'detach tank sdd', 'replace tank sdb sdd', 'STATUS', 'detach tank sda', 'STATUS',
      'detach tank sdd', 'offline tank sdd', 'add tank mirror sda sdb', 'add -f tank mirror sda sdb', 'STATUS', 'offline tank sdb', 'STATUS',
    ];
    for (const step of steps) {
      const words = step === 'STATUS' ? ['status', 'tank'] : step.split(' ');
      const real = runTool(z.zpool, words.map(toReal));
      const sim = run(s, `zpool ${words.join(' ')}`);
      // The real resilver of a few hundred K is done by the next step; the simulated one takes a virtual second.
      run(s, 'sleep 2');
      if (step === 'STATUS') {
        expect(tree(sim.stdout), step).toBe(tree(fromReal(real.stdout)));
        expect(tree(sim.stdout)).toMatch(/^NAME STATE\ntank /);
        expect(sim.stdout.split('\n').slice(0, 2), step).toEqual(fromReal(real.stdout).split('\n').slice(0, 2));
        continue;
      }
      expect([sim.exitCode, sim.stderr], step).toEqual([real.status, fromReal(real.stderr)]);
    }
  });

  it('export and import: same statuses, refusals and importable config tree', () => {
    // A directory of its own: `import -d` reads every label in it, and the first test's detached files keep theirs.
    const dir = join(z.dir, 'export');
    mkdirSync(dir, { recursive: true });
    const file = (i: number) => join(dir, `e${i}`);
    for (let i = 0; i < 2; i++) spawnSync('truncate', ['-s', '128M', file(i)]);
    runTool(z.zpool, ['destroy', '-f', POOL]);
    const fromReal = (text: string) => text.replace(/^Defaulting to 4K blocksize.*\n/gm, '').replaceAll(POOL, 'tank').replaceAll(file(0), 'sda').replaceAll(file(1), 'sdb');
    const s = boot({ host: 'truenas' });
    const steps = ['create tank mirror sda sdb', 'export tank', 'export tank', 'LIST', 'import nope', 'import tank', 'import tank', 'export'];
    for (const step of steps) {
      const words = step === 'LIST' ? ['import'] : step.split(' ');
      const realWords = words.map((w) => (w === 'tank' ? POOL : w === 'sda' ? file(0) : w === 'sdb' ? file(1) : w));
      if (words[0] === 'import') realWords.splice(1, 0, '-d', dir);
      const real = runTool(z.zpool, realWords);
      const sim = run(s, `zpool ${words.join(' ')}`);
      if (step === 'LIST') {
        // zfs-fuse aligns the labels two columns less (2.3 pads them to " action:"); the tree is the same.
        // zfs-fuse's name column is as wide as its file paths; the names and states are the same.
        expect(tree(sim.stdout)).toBe(tree(fromReal(real.stdout)));
        expect(tree(sim.stdout)).toMatch(/^tank ONLINE\n  mirror-0 ONLINE\n/);
        const labels = (text: string) => text.split('config:')[0]?.replace(/^ +/gm, '').replace(/id: [0-9]+/, 'id: N');
        expect(labels(sim.stdout)).toBe(labels(fromReal(real.stdout)));
        continue;
      }
      // zfs-fuse's usage line for export is the 2.3 one too.
      expect([sim.exitCode, sim.stderr], step).toEqual([real.status, fromReal(real.stderr)]);
    }
  });
});
