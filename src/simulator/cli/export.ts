/**
 * `hlab export LAB --out DIR`: write the lab's deployment bundle (one folder per host, a
 * README with the order to run things in) into DIR, scripts with mode 0755.
 */
import { EXPORT_PARTS, exportBundle, type ExportPart } from '../exporters';
import type { CliIO } from './cli-io';
import { readArgs } from './cli-args';
import { EXPORT_HELP } from './help-texts';
import { fileErrorReason, loadLab } from './lab-file';

/**
 * Runs `hlab export ARGS`; returns the exit status. An invalid lab is refused with
 * validate's messages (exit 1). DIR may not exist (it is created) or be empty; a non-empty
 * DIR is refused unless `--force`, which replaces the bundle's own files there and leaves
 * every other file alone (nothing is deleted).
 */
export function exportCommand(argv: string[], io: CliIO): number {
  const args = readArgs('hlab export', argv, [
    { key: 'help', names: ['-h', '--help'] },
    { key: 'out', names: ['-o', '--out'], value: 'DIR' },
    { key: 'only', names: ['--only'], value: 'PART' },
    { key: 'pve', names: ['--pve'], value: '8|9' },
    { key: 'force', names: ['-f', '--force'] },
  ]);
  if (!args.ok) return usage(io, args.message);
  if (args.values['help']) {
    io.stdout(EXPORT_HELP);
    return 0;
  }
  const [path, ...extra] = args.positional;
  if (path === undefined) return usage(io, 'hlab export: missing LAB (a lab file to export)');
  if (extra.length > 0) return usage(io, 'hlab export: expected one LAB');
  const out = args.values['out'];
  if (typeof out !== 'string' || out === '') return usage(io, 'hlab export: missing --out DIR (where to write the bundle)');
  const only = args.values['only'];
  if (only !== undefined && !(EXPORT_PARTS as readonly string[]).includes(only as string)) {
    return usage(io, `hlab export: --only takes one of ${EXPORT_PARTS.join(', ')}, not ${JSON.stringify(String(only).slice(0, 40))}`);
  }
  const pveText = args.values['pve'] ?? '9';
  if (pveText !== '8' && pveText !== '9') return usage(io, `hlab export: --pve takes 8 or 9 (the Proxmox VE major version), not ${JSON.stringify(String(pveText).slice(0, 40))}`);
  if (!io.writeFile || !io.listDir || !io.makeDir) {
    io.stderr('hlab export: this environment cannot write files\n');
    return 1;
  }

  const loaded = loadLab(io, path);
  if (!loaded.ok) {
    io.stderr(loaded.message);
    return loaded.status;
  }

  const listed = io.listDir(out);
  if (!listed.ok && listed.code !== 'ENOENT') return fail(io, `cannot use ${JSON.stringify(out)} as the output folder: ${fileErrorReason(listed.code)}`);
  if (listed.ok && listed.names.length > 0 && !args.values['force']) {
    return fail(io, `${JSON.stringify(out)} is not empty; choose a new folder, or add --force to write the bundle into it (files with the bundle's names are replaced, others are left alone)`);
  }

  const files = exportBundle(loaded.lab, { pve: pveText === '8' ? 8 : 9 }, only as ExportPart | undefined);
  const base = out.replace(/\/+$/, '') || '/';
  const join = (rel: string): string => (base === '/' ? `/${rel}` : `${base}/${rel}`);
  const made = new Set<string>();
  for (const file of files) {
    const dir = file.path.includes('/') ? join(file.path.slice(0, file.path.lastIndexOf('/'))) : base;
    if (!made.has(dir)) {
      const mk = io.makeDir(dir);
      if (!mk.ok) return fail(io, `cannot create ${JSON.stringify(dir)}: ${fileErrorReason(mk.code)}`);
      made.add(dir);
    }
    const written = io.writeFile(join(file.path), file.content, file.executable ? 0o755 : 0o644);
    if (!written.ok) return fail(io, `cannot write ${JSON.stringify(join(file.path))}: ${fileErrorReason(written.code)}`);
  }
  io.stdout(`${files.map((f) => `${join(f.path)}\n`).join('')}hlab export: wrote ${files.length} file${files.length === 1 ? '' : 's'}; ${join('README.md')} says what to run where, in order\n`);
  return 0;
}

function fail(io: CliIO, message: string): number {
  io.stderr(`hlab export: ${message}\n`);
  return 1;
}

function usage(io: CliIO, message: string): number {
  io.stderr(`${message}\nTry 'hlab export --help' for more information.\n`);
  return 2;
}
