/** `hlab validate LAB`: exit 0 with one line, or exit 1 with every problem on stderr. */
import type { CliIO } from './cli-io';
import { readArgs } from './cli-args';
import { VALIDATE_HELP } from './help-texts';
import { loadLab } from './lab-file';

/** Runs `hlab validate ARGS`; returns the exit status. */
export function validateCommand(argv: string[], io: CliIO): number {
  const args = readArgs('hlab validate', argv, [{ key: 'help', names: ['-h', '--help'] }]);
  if (!args.ok) return usage(io, args.message);
  if (args.values['help']) {
    io.stdout(VALIDATE_HELP);
    return 0;
  }
  const [path, ...extra] = args.positional;
  if (path === undefined) return usage(io, 'hlab validate: missing LAB (a lab file to check)');
  if (extra.length > 0) return usage(io, 'hlab validate: expected one LAB');
  const loaded = loadLab(io, path);
  if (!loaded.ok) {
    io.stderr(loaded.message);
    return loaded.status;
  }
  const hosts = loaded.lab.hosts.length;
  io.stdout(`${path}: valid (${hosts} host${hosts === 1 ? '' : 's'})\n`);
  return 0;
}

function usage(io: CliIO, message: string): number {
  io.stderr(`${message}\nTry 'hlab validate --help' for more information.\n`);
  return 2;
}
