/**
 * `hlab`: the lab simulator on the command line. main() takes the arguments and an IO
 * object, so tests run it in-process; bin/hlab.mjs calls it with the real process. It never
 * lets a stack trace out: anything unexpected prints `hlab: internal error: MESSAGE`, exit 70.
 */
import type { CliIO } from './cli-io';
import { diagramCommand } from './diagram';
import { exportCommand } from './export';
import { MAIN_HELP } from './help-texts';
import { idmapCommand } from './idmap';
import { replayCommand } from './replay';
import { shCommand } from './sh';
import { validateCommand } from './validate';

/** Runs `hlab ARGV`; resolves to the exit status. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        if (command === undefined) {
          io.stderr(MAIN_HELP);
          return 2;
        }
        io.stdout(MAIN_HELP);
        return 0;
      case 'validate':
        return validateCommand(rest, io);
      case 'diagram':
        return diagramCommand(rest, io);
      case 'sh':
        return await shCommand(rest, io);
      case 'replay':
        return replayCommand(rest, io);
      case 'idmap':
        return idmapCommand(rest, io);
      case 'export':
        return exportCommand(rest, io);
      default:
        io.stderr(`hlab: unknown command ${JSON.stringify(command.slice(0, 60))}\nTry 'hlab --help' for more information.\n`);
        return 2;
    }
  } catch (e) {
    // sysexits.h EX_SOFTWARE: an internal software error.
    io.stderr(`hlab: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 70;
  }
}

export { nodeIO } from './cli-io';
