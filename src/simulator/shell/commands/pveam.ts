/**
 * `pveam`: the Proxmox appliance (container template) manager (pve-manager PVE/CLI/pveam.pm).
 */
// @sim pveam | pve-manager 9.x pveam.pm: update, available [--section] ("%-15s %s"), list STORAGE ("%-60s %4.2fMB"), download STORAGE TEMPLATE, remove VOLUME; exit 255 on errors
import { APPLIANCE_INDEX, downloadTemplate, proxmoxHost, removeTemplate, templateSize } from '../../engines/proxmox';
import type { Command } from '../command-spec';
import { parsePveArgs, pveError, pveUsageError } from '../pve-args';

const USAGES: Record<string, string> = {
  available: 'pveam available  [OPTIONS]',
  download: 'pveam download <storage> <template>',
  list: 'pveam list <storage> [OPTIONS]',
  remove: 'pveam remove <template_path>',
  update: 'pveam update',
};
const POSITIONALS: Record<string, number> = { available: 0, download: 2, list: 1, remove: 1, update: 0 };

/** The `pveam` command. */
export const pveam: Command = {
  spec: {
    name: 'pveam',
    summary: 'manage container templates',
    usage: 'pveam <COMMAND> [ARGS] [OPTIONS]',
    description: 'List the templates Proxmox offers, download them to a storage, and list or remove downloaded ones.\n',
    options: [],
    arguments: 'raw',
    usageStatus: 255,
    imitates: 'pve-manager 9.x pveam (Proxmox VE 9)',
    simplified: 'a fixed part of the appliance index (system, mail and a few TurnKey templates); downloads take no network and verify nothing',
  },
  hosts: ['proxmox'],
  complete({ args }) {
    return args.length === 0 ? Object.keys(USAGES) : args[0] === 'download' && args.length === 2 ? APPLIANCE_INDEX.map((t) => t.template) : null;
  },
  run(ctx, argv) {
    const sub = argv[0];
    const list = `USAGE: pveam <COMMAND> [ARGS] [OPTIONS]\n${Object.values(USAGES).map((u) => `       ${u}\n`).join('')}`;
    if (sub === undefined) return { stdout: '', stderr: `ERROR: no command specified\n${list}`, exitCode: 255 };
    const usage = USAGES[sub];
    if (!usage) return { stdout: '', stderr: `ERROR: unknown command 'pveam ${sub}'\n${list}`, exitCode: 255 };
    const parsed = parsePveArgs(argv.slice(1), (n) => (sub === 'available' && n === 'section') || (sub === 'list' && n === 'content'), () => false);
    if ('error' in parsed) return pveUsageError(parsed.error, usage);
    const wanted = POSITIONALS[sub] ?? 0;
    if (parsed.positional.length < wanted) return pveUsageError(['400 not enough arguments'], usage);
    if (parsed.positional.length > wanted) return pveUsageError(['400 too many arguments'], usage);
    const host = ctx.host;
    const options = Object.fromEntries(parsed.options);
    switch (sub) {
      case 'update':
        proxmoxHost(ctx.world, host.name).indexUpdated = true;
        ctx.shell.spend(2000);
        return { stdout: 'update successful\n', stderr: '', exitCode: 0 };
      case 'available': {
        const rows = APPLIANCE_INDEX.filter((t) => options.section === undefined || t.section === options.section);
        return { stdout: rows.map((t) => `${t.section.padEnd(15)} ${t.template}\n`).join(''), stderr: '', exitCode: 0 };
      }
      case 'list': {
        const storage = parsed.positional[0] as string;
        if (!host.proxmox?.storage.some((s) => s.id === storage)) return pveError(`storage '${storage}' does not exist`);
        const mine = (host.proxmox?.templates ?? []).filter((t) => t.startsWith(`${storage}:`)).sort();
        const lines = mine.map((t) => `${t.padEnd(60)} ${(templateSize(t.split('/').pop() ?? t) / (1024 * 1024)).toFixed(2).padStart(4)}MB\n`);
        return { stdout: `${'NAME'.padEnd(60)} SIZE\n${lines.join('')}`, stderr: '', exitCode: 0 };
      }
      case 'download': {
        const r = downloadTemplate(ctx.world, host.name, parsed.positional[0] as string, parsed.positional[1] as string);
        if (typeof r === 'string') return pveError(r);
        ctx.shell.spend(8000);
        return { stdout: r.lines.map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 };
      }
      default: {
        const problem = removeTemplate(ctx.world, host.name, parsed.positional[0] as string);
        return problem ? pveError(problem) : { stdout: '', stderr: '', exitCode: 0 };
      }
    }
  },
};
