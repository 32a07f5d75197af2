/**
 * The command registry of the sandbox's worker: every command by name, as registry.ts has
 * them, but only the shell's basic builtins are loaded up front. Every other command is a stub
 * (lazy-command.ts) until `loadCommands` has imported its module, so the worker's first chunk
 * holds the shell and the engines and each command arrives as its own chunk on first use
 * (Vite splits at each `import()`: https://vite.dev/guide/features#dynamic-import).
 *
 * The worker build resolves `./registry` to this module (astro.config.mjs, `worker.plugins`),
 * so the shell's defaults use it there; Node never does. Adding a command means listing it in
 * registry.ts and here: tests/unit/worker/lazy-registry.test.ts checks that both agree.
 */
import type { Command, HostKind } from './command-spec';
import type { CommandRegistry } from './command-set';
import { isStub, stubCommand } from './lazy-command';
import { cd } from './commands/cd';
import { clear } from './commands/clear';
import { echo } from './commands/echo';
import { exit } from './commands/exit';
import { exportCommand } from './commands/export';
import { falseCommand } from './commands/false';
import { history } from './commands/history';
import { lab } from './commands/lab';
import { pwd } from './commands/pwd';
import { trueCommand } from './commands/true';

export { commandsFor, type CommandRegistry } from './command-set';

/** A module of commands not loaded up front: the names it defines, their hosts, and how to load it. */
interface LazyModule {
  names: readonly string[];
  hosts?: readonly HostKind[];
  load: () => Promise<Record<string, unknown>>;
}

/** Commands loaded up front: the builtins a session uses before anything else, all small. */
const EAGER: readonly Command[] = [cd, clear, echo, exit, exportCommand, falseCommand, history, lab, pwd, trueCommand];

/** Every other command's module. */
export const LAZY_MODULES: readonly LazyModule[] = [
  { names: ['blkid'], hosts: ['proxmox',  'linux',  'truenas'], load: () => import('./commands/blkid') },
  { names: ['cat'], load: () => import('./commands/cat') },
  { names: ['chmod'], load: () => import('./commands/chmod') },
  { names: ['chown'], load: () => import('./commands/chown') },
  { names: ['cp'], load: () => import('./commands/cp') },
  { names: ['dd'], load: () => import('./commands/dd') },
  { names: ['df'], load: () => import('./commands/df') },
  { names: ['dmesg'], load: () => import('./commands/dmesg') },
  { names: ['du'], load: () => import('./commands/du') },
  { names: ['e2fsck', 'fsck.ext4'], hosts: ['proxmox',  'linux'], load: () => import('./commands/e2fsck') },
  { names: ['findmnt'], load: () => import('./commands/findmnt') },
  { names: ['free'], load: () => import('./commands/free') },
  { names: ['grep'], load: () => import('./commands/grep') },
  { names: ['groupadd'], load: () => import('./commands/groupadd') },
  { names: ['head'], load: () => import('./commands/head') },
  { names: ['help'], load: () => import('./commands/help') },
  { names: ['hostname'], load: () => import('./commands/hostname') },
  { names: ['id'], load: () => import('./commands/id') },
  { names: ['ip'], load: () => import('./commands/ip') },
  { names: ['iscsiadm'], hosts: ['proxmox',  'linux'], load: () => import('./commands/iscsiadm') },
  { names: ['ls'], load: () => import('./commands/ls') },
  { names: ['lsblk'], load: () => import('./commands/lsblk') },
  { names: ['lsns'], load: () => import('./commands/lsns') },
  { names: ['midclt'], hosts: ['truenas'], load: () => import('./commands/midclt') },
  { names: ['mkdir'], load: () => import('./commands/mkdir') },
  { names: ['mkfs.ext4'], hosts: ['proxmox',  'linux'], load: () => import('./commands/mkfs-ext4') },
  { names: ['mount'], load: () => import('./commands/mount') },
  { names: ['mv'], load: () => import('./commands/mv') },
  { names: ['nsenter'], load: () => import('./commands/nsenter') },
  { names: ['pct'], hosts: ['proxmox'], load: () => import('./commands/pct') },
  { names: ['ps'], load: () => import('./commands/ps') },
  { names: ['pveam'], hosts: ['proxmox'], load: () => import('./commands/pveam') },
  { names: ['pvesm'], hosts: ['proxmox'], load: () => import('./commands/pvesm') },
  { names: ['qm'], hosts: ['proxmox'], load: () => import('./commands/qm') },
  { names: ['rm'], load: () => import('./commands/rm') },
  { names: ['sleep'], load: () => import('./commands/sleep') },
  { names: ['ssh'], load: () => import('./commands/ssh') },
  { names: ['stat'], load: () => import('./commands/stat') },
  { names: ['stress-ng'], load: () => import('./commands/stress-ng') },
  { names: ['su'], load: () => import('./commands/su') },
  { names: ['sync'], load: () => import('./commands/sync') },
  { names: ['systemctl'], hosts: ['proxmox',  'linux'], load: () => import('./commands/systemctl') },
  { names: ['systemd-cgls'], load: () => import('./commands/systemd-cgls') },
  { names: ['tail'], load: () => import('./commands/tail') },
  { names: ['touch'], load: () => import('./commands/touch') },
  { names: ['umount'], load: () => import('./commands/umount') },
  { names: ['unshare'], load: () => import('./commands/unshare') },
  { names: ['useradd'], load: () => import('./commands/useradd') },
  { names: ['wc'], load: () => import('./commands/wc') },
  { names: ['whoami'], load: () => import('./commands/whoami') },
  { names: ['zdb'], hosts: ['proxmox',  'truenas'], load: () => import('./commands/zdb') },
  { names: ['zfs'], hosts: ['proxmox',  'truenas'], load: () => import('./commands/zfs') },
  { names: ['zpool'], hosts: ['proxmox',  'truenas'], load: () => import('./commands/zpool') },
];

/** Commands that run another command themselves, not through a typed line: load it with them. */
const ALSO: Readonly<Record<string, readonly string[]>> = { pvesm: ['iscsiadm'] };

const registry = new Map<string, Command>();
for (const command of EAGER) registry.set(command.spec.name, command);
for (const mod of LAZY_MODULES) for (const name of mod.names) registry.set(name, stubCommand(name, mod.hosts));

/** Every command by name; a stub until loaded. The map is filled in place as modules load. */
export const COMMANDS: CommandRegistry = registry;

const isCommand = (value: unknown): value is Command =>
  typeof value === 'object' && value !== null && typeof (value as Command).run === 'function' && typeof (value as Command).spec?.name === 'string';

const loading = new Map<LazyModule, Promise<void>>();

/** Loads the modules of `names` (unknown names are ignored; `help` lists every command, so it loads them all). */
export async function loadCommands(names: Iterable<string>): Promise<void> {
  const wanted = new Set<string>();
  for (const name of names) {
    if (name === 'help') for (const mod of LAZY_MODULES) for (const n of mod.names) wanted.add(n);
    wanted.add(name);
    for (const also of ALSO[name] ?? []) wanted.add(also);
  }
  const mods = LAZY_MODULES.filter((mod) => mod.names.some((n) => wanted.has(n) && isStub(registry.get(n) as Command)));
  await Promise.all(
    mods.map((mod) => {
      let pending = loading.get(mod);
      if (!pending) {
        pending = mod.load().then((exports) => {
          for (const value of Object.values(exports)) if (isCommand(value) && mod.names.includes(value.spec.name)) registry.set(value.spec.name, value);
        });
        loading.set(mod, pending);
        // A failed load (the network went away) may be tried again.
        pending.catch(() => loading.delete(mod));
      }
      return pending;
    }),
  );
}

/** Whether every command is loaded (after `help`, or a session that used them all). */
export function allLoaded(): boolean {
  return [...registry.values()].every((c) => !isStub(c));
}

/**
 * The command names a piece of text may run: every word of it that names a command, split at
 * blanks and the shell's operators and quotes. Over-inclusive by design (`echo zpool` loads
 * zpool): loading a command too many costs a chunk, while one missed costs a rerun of the line.
 */
export function commandNamesIn(text: string): string[] {
  const found = new Set<string>();
  for (const word of text.split(/[\s;|&()<>'"`$={}\\]+/)) {
    const name = word.slice(word.lastIndexOf('/') + 1);
    if (registry.has(name)) found.add(name);
  }
  return [...found];
}
