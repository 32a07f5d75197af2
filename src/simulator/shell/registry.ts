/**
 * The command registry: every simulated command by name. Adding a command means writing
 * commands/<name>.ts and listing it here and in lazy-registry.ts (a unit test compares them).
 *
 * The sandbox's worker build replaces this module by lazy-registry.ts (the worker plugin in
 * astro.config.mjs), which loads each command's module on first use; Node (the `hlab` command
 * line, tests) always gets this one, with every command loaded.
 */
import type { CommandRegistry } from './command-set';

export { commandsFor, type CommandRegistry } from './command-set';
import { blkid } from './commands/blkid';
import { cat } from './commands/cat';
import { chmod } from './commands/chmod';
import { chown } from './commands/chown';
import { cp } from './commands/cp';
import { mkdir } from './commands/mkdir';
import { mkfsExt4 } from './commands/mkfs-ext4';
import { mv } from './commands/mv';
import { rm } from './commands/rm';
import { stat } from './commands/stat';
import { touch } from './commands/touch';
import { cd } from './commands/cd';
import { clear } from './commands/clear';
import { dd } from './commands/dd';
import { df } from './commands/df';
import { du } from './commands/du';
import { e2fsck, fsckExt4 } from './commands/e2fsck';
import { echo } from './commands/echo';
import { exit } from './commands/exit';
import { exportCommand } from './commands/export';
import { falseCommand } from './commands/false';
import { findmnt } from './commands/findmnt';
import { grep } from './commands/grep';
import { head } from './commands/head';
import { help } from './commands/help';
import { history } from './commands/history';
import { hostname } from './commands/hostname';
import { ip } from './commands/ip';
import { iscsiadm } from './commands/iscsiadm';
import { lab } from './commands/lab';
import { ls } from './commands/ls';
import { lsblk } from './commands/lsblk';
import { midclt } from './commands/midclt';
import { mount } from './commands/mount';
import { pct } from './commands/pct';
import { qm } from './commands/qm';
import { pveam } from './commands/pveam';
import { pvesm } from './commands/pvesm';
import { id } from './commands/id';
import { whoami } from './commands/whoami';
import { free } from './commands/free';
import { dmesg } from './commands/dmesg';
import { stressNg } from './commands/stress-ng';
import { lsns } from './commands/lsns';
import { unshare } from './commands/unshare';
import { nsenter } from './commands/nsenter';
import { useradd } from './commands/useradd';
import { groupadd } from './commands/groupadd';
import { su } from './commands/su';
import { systemdCgls } from './commands/systemd-cgls';
import { ps } from './commands/ps';
import { pwd } from './commands/pwd';
import { sleep } from './commands/sleep';
import { ssh } from './commands/ssh';
import { systemctl } from './commands/systemctl';
import { sync } from './commands/sync';
import { tail } from './commands/tail';
import { trueCommand } from './commands/true';
import { umount } from './commands/umount';
import { wc } from './commands/wc';
import { zdb } from './commands/zdb';
import { zfs } from './commands/zfs';
import { zpool } from './commands/zpool';

/** Every simulated command, by name. */
export const COMMANDS: CommandRegistry = new Map(
  [blkid, cat, cd, chmod, chown, clear, cp, dd, df, dmesg, du, e2fsck, echo, exit, exportCommand, falseCommand, findmnt, free, fsckExt4, grep, groupadd, head, help, history, hostname, id, ip, iscsiadm, lab, ls, lsblk, lsns, midclt, mkdir, mkfsExt4, mount, mv, nsenter, pct, ps, pveam, pvesm, pwd, qm, rm, sleep, ssh, stat, stressNg, su, sync, systemctl, systemdCgls, tail, touch, trueCommand, umount, unshare, useradd, wc, whoami, zdb, zfs, zpool].map((c) => [c.spec.name, c]),
);
