/** `hlab diagram LAB`: the lab's Mermaid flowchart on stdout. */
import { diagram } from '../exporters';
import type { CliIO } from './cli-io';
import { readArgs } from './cli-args';
import { DIAGRAM_HELP } from './help-texts';
import { loadLab } from './lab-file';

/** Runs `hlab diagram ARGS`; returns the exit status. */
export function diagramCommand(argv: string[], io: CliIO): number {
  const args = readArgs('hlab diagram', argv, [{ key: 'help', names: ['-h', '--help'] }]);
  if (!args.ok) return usage(io, args.message);
  if (args.values['help']) {
    io.stdout(DIAGRAM_HELP);
    return 0;
  }
  const [path, ...extra] = args.positional;
  if (path === undefined) return usage(io, 'hlab diagram: missing LAB (a lab file to draw)');
  if (extra.length > 0) return usage(io, 'hlab diagram: expected one LAB');
  const loaded = loadLab(io, path);
  if (!loaded.ok) {
    io.stderr(loaded.message);
    return loaded.status;
  }
  const text = diagram(loaded.lab);
  io.stdout(text.endsWith('\n') ? text : text + '\n');
  return 0;
}

function usage(io: CliIO, message: string): number {
  io.stderr(`${message}\nTry 'hlab diagram --help' for more information.\n`);
  return 2;
}
