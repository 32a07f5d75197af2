/**
 * `hlab idmap --map HOST[:CT] [--map ...] [--uid-map HOST[:CT]] [--gid-map HOST[:CT]]`: the
 * idmap helper (model/idmap-plan.ts) on the command line. `--map` asks for both the user and
 * the group ID; `--uid-map`/`--gid-map` for one of them. Prints the `lxc.idmap` lines, the
 * /etc/subuid and /etc/subgid lines, and why each map line is there.
 */
import { explainPlannedLine, formatPlannedLine, planIdmap, type IdmapRequest } from '../model/idmap-plan';
import type { CliIO } from './cli-io';
import { IDMAP_HELP } from './help-texts';

/** Runs `hlab idmap ARGS`; returns the exit status. */
export function idmapCommand(argv: string[], io: CliIO): number {
  const requests: IdmapRequest[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-h' || arg === '--help') {
      io.stdout(IDMAP_HELP);
      return 0;
    }
    const m = /^--(map|uid-map|gid-map)(?:=(.*))?$/.exec(arg);
    if (!m) return usage(io, `hlab idmap: unknown argument ${JSON.stringify(arg.slice(0, 60))}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) return usage(io, `hlab idmap: --${m[1]} needs a value (HOST[:CT])`);
    for (const part of value.split(',')) {
      const p = /^(\d{1,10})(?::(\d{1,10}))?$/.exec(part);
      if (!p) return usage(io, `hlab idmap: ${JSON.stringify(part.slice(0, 40))} is not HOST or HOST:CT (IDs as numbers)`);
      const host = Number(p[1]);
      const container = Number(p[2] ?? p[1]);
      if (m[1] !== 'gid-map') requests.push({ type: 'u', host, container });
      if (m[1] !== 'uid-map') requests.push({ type: 'g', host, container });
    }
  }
  if (requests.length === 0) return usage(io, 'hlab idmap: nothing to map (give --map HOST[:CT])');
  const plan = planIdmap(requests);
  if (!plan.ok) {
    io.stderr(plan.problems.map((p) => `hlab idmap: ${p}\n`).join(''));
    return 1;
  }
  const width = Math.max(...plan.lines.map((l) => `${l.type} ${l.container} ${l.host} ${l.count}`.length));
  io.stdout(
    `# /etc/pve/lxc/VMID.conf (replaces Proxmox's default map)\n${plan.lines.map((l) => `${formatPlannedLine(l)}\n`).join('')}\n` +
      `# /etc/subuid\n${plan.subuid.map((l) => `${l}\n`).join('')}\n# /etc/subgid\n${plan.subgid.map((l) => `${l}\n`).join('')}\n` +
      `# why\n${plan.lines.map((l) => `#   ${`${l.type} ${l.container} ${l.host} ${l.count}`.padEnd(width)}  ${explainPlannedLine(l)}\n`).join('')}`,
  );
  return 0;
}

function usage(io: CliIO, message: string): number {
  io.stderr(`${message}\nTry 'hlab idmap --help' for more information.\n`);
  return 2;
}
