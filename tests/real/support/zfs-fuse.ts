import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireRoot, requireTool, runTool } from './tools';

/** A zfs-fuse daemon with one file-backed scratch pool, for differential tests. */
export interface ZfsFuse {
  zpool: string;
  zfs: string;
  /** The scratch pool's name. */
  pool: string;
  /** A directory for more backing files. */
  dir: string;
  stop(): void;
}

/**
 * Starts zfs-fuse (Debian package zfs-fuse; needs /dev/fuse and root) unless one already
 * runs, and creates a scratch pool on a 128 MiB sparse file. stop() destroys what it made.
 */
export function startZfsFuse(pool = 'hlabtest'): ZfsFuse {
  requireRoot('zfs-fuse needs /dev/fuse and root');
  const daemon = requireTool('zfs-fuse');
  const zpool = requireTool('zpool');
  const zfs = requireTool('zfs');
  let started = false;
  if (runTool(zpool, ['list']).status !== 0) {
    // zfs-fuse daemonises itself; a daemon stopped just before may still hold its pid file,
    // so wait for it to be gone and try again a few times.
    // The daemon outlives this run: start it with every descriptor above stderr closed, so it
    // does not keep one this process inherited (e.g. the lock of `flock LOCK npm test`) open forever.
    const closed = ['-c', 'for fd in /proc/$$/fd/*; do n=${fd##*/}; if [ "$n" -gt 2 ]; then eval "exec $n>&-"; fi; done 2>/dev/null; exec "$0"', daemon];
    let run = spawnSync('bash', closed, { encoding: 'utf8' });
    for (let i = 0; i < 40 && run.status !== 0; i++) {
      spawnSync('sleep', ['0.1']);
      run = spawnSync('bash', closed, { encoding: 'utf8' });
    }
    if (run.status !== 0) throw new Error(`zfs-fuse did not start: ${run.stderr}`);
    started = true;
    for (let i = 0; i < 100 && runTool(zpool, ['list']).status !== 0; i++) spawnSync('sleep', ['0.05']);
  }
  // A run killed half-way leaves pools in zfs-fuse's cache whose backing files are gone
  // (FAULTED/UNAVAIL); they would hold their names against the next run, so drop them.
  for (const line of runTool(zpool, ['list', '-H', '-o', 'name,health']).stdout.split('\n')) {
    const [name, health] = line.split('\t');
    if (name && health && health !== 'ONLINE' && health !== 'DEGRADED') runTool(zpool, ['destroy', '-f', name]);
  }
  const dir = mkdtempSync(join(tmpdir(), 'hlab-zfs-'));
  runTool(zpool, ['destroy', '-f', pool]);
  const disk = join(dir, 'disk0');
  spawnSync('truncate', ['-s', '128M', disk]);
  const created = runTool(zpool, ['create', '-f', pool, disk]);
  if (created.status !== 0) throw new Error(`zpool create failed: ${created.stderr}`);
  // Unmounted datasets: zfs-fuse reports a just-mounted dataset as busy to `zfs destroy`.
  runTool(zfs, ['set', 'mountpoint=none', pool]);
  return {
    zpool,
    zfs,
    pool,
    dir,
    stop() {
      runTool(zpool, ['destroy', '-f', pool]);
      rmSync(dir, { recursive: true, force: true });
      if (started) {
        spawnSync('pkill', ['-x', 'zfs-fuse']);
        // Wait until it has exited, so the next start does not find it half gone.
        for (let i = 0; i < 100 && spawnSync('pgrep', ['-x', 'zfs-fuse']).status === 0; i++) spawnSync('sleep', ['0.05']);
      }
    },
  };
}
