import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireRoot, requireTool } from './tools';

/** What the real kernel did with one uid_map write. */
export interface KernelMapResult {
  /** null when the write succeeded, else the errno code (EINVAL, EPERM). */
  errno: string | null;
  /** /proc/PID/uid_map after the write, as the kernel prints it. */
  readBack: string;
  /** The owners of the sample files as `stat -c %u` shows them inside the namespace. */
  owners: number[];
}

/**
 * Writes each map to the uid_map of a fresh `unshare -U` child, all in ONE spawned Python
 * process (idmap-batch.py) so a thousand maps take seconds, and reports what the kernel did
 * and how files owned by `sampleIds` (host IDs) look from inside.
 */
export function kernelMapBatch(maps: string[], sampleIds: number[]): KernelMapResult[] {
  requireRoot('writing another process uid_map with host ids needs CAP_SETUID in the initial namespace');
  const unshare = requireTool('unshare');
  const python = requireTool('python3');
  const dir = mkdtempSync(join(tmpdir(), 'idmap-'));
  try {
    const files = sampleIds.map((id, i) => {
      const name = `f${i}`;
      writeFileSync(join(dir, name), '');
      chownSync(join(dir, name), id, 0);
      return name;
    });
    const r = spawnSync(python, [fileURLToPath(new URL('./idmap-batch.py', import.meta.url))], { input: JSON.stringify({ unshare, dir, files, maps }), encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`idmap-batch.py failed: ${r.stderr}`);
    return r.stdout.trim().split('\n').map((line) => JSON.parse(line) as KernelMapResult);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
