import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { requireRoot, requireTool } from './tools';

/** A process in a fresh user namespace whose uid_map/gid_map have not been written yet. */
export interface FreshUserNamespace {
  pid: number;
  /** Write a whole map in ONE write(2), as the kernel requires; returns the errno code or null. */
  writeMap(kind: 'uid_map' | 'gid_map', text: string): string | null;
  /** The map as the kernel prints it (`%10u %10u %10u` lines). */
  readMap(kind: 'uid_map' | 'gid_map'): string;
  stop(): void;
}

/** Starts `unshare -U sleep` (util-linux) and waits until it is inside its new user namespace. */
export async function freshUserNamespace(): Promise<FreshUserNamespace> {
  requireRoot('writing another process uid_map with host ids needs CAP_SETUID in the initial namespace');
  const unshare = requireTool('unshare');
  const child: ChildProcess = spawn(unshare, ['-U', 'sleep', '60'], { stdio: 'ignore' });
  const pid = child.pid;
  if (pid === undefined) throw new Error('unshare did not start');
  const ours = readlinkSync('/proc/self/ns/user');
  for (let i = 0; i < 200; i++) {
    try {
      // unshare(1) execs sleep after unshare(2): wait until the namespace differs from ours.
      if (readlinkSync(`/proc/${pid}/ns/user`) !== ours && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'sleep') break;
    } catch {
      // /proc entry not there yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return {
    pid,
    writeMap(kind, text) {
      try {
        writeFileSync(`/proc/${pid}/${kind}`, text);
        return null;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code ?? String(error);
      }
    },
    readMap: (kind) => readFileSync(`/proc/${pid}/${kind}`, 'utf8'),
    stop: () => void child.kill('SIGKILL'),
  };
}
