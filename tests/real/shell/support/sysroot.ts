/**
 * A simulated host's kernel view written where the real util-linux tools can read it:
 * /sys copied from the simulator's sysfs, /proc/self/mountinfo from its procfs, and for
 * each block device the property file lsblk reads under `--sysroot` in place of udev's
 * database (util-linux misc-utils/lsblk-properties.c get_properties_by_file(): ID_FS_TYPE,
 * ID_PART_ENTRY_TYPE, ID_MODEL, ID_SERIAL_SHORT... in DIR/dev/NAME).
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLine, type SimState } from '../../../../src/simulator/shell';
import { resolvePath } from '../../../../src/simulator/shell/path';
import { sessionVfs } from '../../../../src/simulator/shell/vfs';

/** GPT type GUIDs of the partition type names the simulator uses (util-linux include/pt-gpt-partnames.h). */
const GPT_GUID: Record<string, string> = {
  'BIOS boot': '21686148-6449-6e6f-744e-656564454649',
  'EFI System': 'c12a7328-f81f-11d2-ba4b-00a0c93ec93b',
  'Solaris /usr & Apple ZFS': '6a898cc3-1dd2-11b2-99a6-080020736631',
  'Solaris reserved 1': '6a945a3b-1dd2-11b2-99a6-080020736631',
  'Linux filesystem': '0fc63daf-8483-4772-8e79-3d69d8477de4',
  'Linux swap': '0657fd6d-a4ab-43c4-84e5-0933c84b4f4f',
};

/** Copies the simulator's tree below `from` (files, directories, symbolic links) to `dir` + the same path. */
export function copyTree(state: SimState, from: string, dir: string): void {
  const vfs = sessionVfs(state);
  const walk = (path: string): void => {
    const listed = vfs.list(path);
    if (!listed.ok) throw new Error(`cannot list ${path}: ${listed.errno}`);
    mkdirSync(join(dir, path), { recursive: true });
    for (const name of listed.names) {
      const child = resolvePath(path, name);
      const st = vfs.stat(child, false);
      if (!st.ok) throw new Error(`cannot stat ${child}: ${st.errno}`);
      if (st.value.type === 'symlink') symlinkSync(st.value.target ?? '', join(dir, child));
      else if (st.value.type === 'dir') walk(child);
      else {
        const read = vfs.read(child);
        if (!read.ok) throw new Error(`cannot read ${child}: ${read.errno}`);
        writeFileSync(join(dir, child), read.text);
      }
    }
  };
  walk(from);
}

/** The simulator's /proc/self/mountinfo, as its shell process sees it. */
export function mountinfoOf(state: SimState): string {
  const r = runLine(state, 'cat /proc/self/mountinfo');
  if (r.exitCode !== 0) throw new Error(`cannot read mountinfo: ${r.stderr}`);
  return r.stdout;
}

/** Writes DIR/sys, DIR/proc/self/mountinfo and DIR/dev/NAME property files for `lsblk --sysroot DIR`. */
export function writeSysroot(state: SimState, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  copyTree(state, '/sys/block', dir);
  copyTree(state, '/sys/dev', dir);
  copyTree(state, '/sys/devices', dir);
  copyTree(state, '/sys/class', dir);
  mkdirSync(join(dir, 'proc/self'), { recursive: true });
  writeFileSync(join(dir, 'proc/self/mountinfo'), mountinfoOf(state));
  writeFileSync(join(dir, 'proc/swaps'), 'Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n');
  mkdirSync(join(dir, 'dev'), { recursive: true });
  const k = state.world.kernel[sessionVfs(state).host];
  for (const dev of k?.devices ?? []) {
    const parted = k?.devices.some((d) => d.parent === dev.name) ?? false;
    const lines: string[] = [];
    if (dev.fstype) lines.push(`ID_FS_TYPE=${dev.fstype}`);
    if (dev.type === 'part' || parted) lines.push('ID_PART_TABLE_TYPE=gpt');
    if (dev.partTypeName) lines.push(`ID_PART_ENTRY_TYPE=${GPT_GUID[dev.partTypeName] ?? ''}`);
    if (dev.partLabel) lines.push(`ID_PART_ENTRY_NAME=${dev.partLabel}`);
    if (dev.model) lines.push(`ID_MODEL=${dev.model}`);
    if (dev.serial) lines.push(`ID_SERIAL_SHORT=${dev.serial}`);
    writeFileSync(join(dir, 'dev', dev.name), lines.map((l) => l + '\n').join(''));
  }
}
