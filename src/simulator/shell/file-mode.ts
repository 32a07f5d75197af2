/**
 * File types and permission bits as the coreutils print them: gnulib filemode.c
 * (filemodestring: `drwxr-sr-t`), the st_mode type bits (stat %f), and stat.c file_type()
 * names (`regular empty file`, `character special file`...).
 */
import type { NodeType } from '../engines/kernel/types';

/** The S_IFMT bits of each type (sys/stat.h), for stat's raw mode %f. */
export const TYPE_BITS: Record<NodeType, number> = {
  fifo: 0o010000,
  chr: 0o020000,
  dir: 0o040000,
  blk: 0o060000,
  file: 0o100000,
  symlink: 0o120000,
  sock: 0o140000,
};

/** filemode.c ftypelet(): the first letter of `ls -l`. */
export function typeLetter(type: NodeType): string {
  return { file: '-', dir: 'd', symlink: 'l', chr: 'c', blk: 'b', fifo: 'p', sock: 's' }[type];
}

/** filemode.c strmode() without the trailing space: `-rwsr-xr-T`. */
export function modeString(type: NodeType, mode: number): string {
  const bit = (mask: number, ch: string): string => (mode & mask ? ch : '-');
  const special = (exec: number, flag: number, on: string, off: string): string => {
    if (mode & flag) return mode & exec ? on : off;
    return mode & exec ? 'x' : '-';
  };
  return (
    typeLetter(type) +
    bit(0o400, 'r') + bit(0o200, 'w') + special(0o100, 0o4000, 's', 'S') +
    bit(0o040, 'r') + bit(0o020, 'w') + special(0o010, 0o2000, 's', 'S') +
    bit(0o004, 'r') + bit(0o002, 'w') + special(0o001, 0o1000, 't', 'T')
  );
}

/** stat.c file_type(): what `stat` prints after "IO Block:" and for %F. */
export function fileTypeName(type: NodeType, size: number): string {
  switch (type) {
    case 'file':
      return size === 0 ? 'regular empty file' : 'regular file';
    case 'dir':
      return 'directory';
    case 'symlink':
      return 'symbolic link';
    case 'chr':
      return 'character special file';
    case 'blk':
      return 'block special file';
    case 'fifo':
      return 'fifo';
    case 'sock':
      return 'socket';
  }
}

/** `0644`-style octal of the permission bits (chmod -v, stat %04a). */
export function octalMode(mode: number, width = 4): string {
  return (mode & 0o7777).toString(8).padStart(width, '0');
}
