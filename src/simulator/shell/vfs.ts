/**
 * The shell's window on the kernel's VFS: the view of the current shell process (its mount
 * namespace and owner), and the errno texts commands print. Files derived from the model
 * (the lab's /etc files, /etc/pve) are read-only (EROFS); /proc and /sys refuse writes (EACCES).
 */
import { createVfs, type Vfs } from '../engines/kernel/vfs';
import { currentLogin, currentProcess, type SimState } from './session';

export { STRERROR, type Errno } from '../engines/kernel/errno';
export { byteLength } from '../engines/kernel/content';
export type { Vfs } from '../engines/kernel/vfs';

/** The view of the files of the current login's host, as its shell process sees them. */
export function sessionVfs(state: SimState): Vfs {
  const proc = currentProcess(state);
  return createVfs({ world: state.world, host: currentLogin(state).host, mntNs: proc.ns.mnt, uid: proc.uid, gid: proc.gid, pid: proc.pid });
}
