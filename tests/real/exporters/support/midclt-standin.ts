/**
 * A `midclt` for real bash scripts whose middleware is the simulator's own: each call loads
 * a World from the JSON file named by HLAB_MIDCLT_STATE, runs the simulator's `midclt`
 * command on host HLAB_MIDCLT_HOST with this process's arguments, prints what it prints,
 * exits with its status and saves the World back. A wrapper script (see midclt-path.ts)
 * puts it on PATH as `midclt`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { World } from '../../../../src/simulator/engines/world';
import type { CommandContext } from '../../../../src/simulator/shell/command-spec';
import { midclt } from '../../../../src/simulator/shell/commands/midclt';

const stateFile = process.env.HLAB_MIDCLT_STATE ?? '';
const hostName = process.env.HLAB_MIDCLT_HOST ?? 'truenas';
const world = JSON.parse(readFileSync(stateFile, 'utf8')) as World;
const host = world.lab.hosts.find((h) => h.name === hostName);
if (!host) {
  process.stderr.write(`midclt stand-in: no host ${hostName} in ${stateFile}\n`);
  process.exit(2);
}
const stdin = process.argv.includes('-') ? readFileSync(0, 'utf8') : '';
// The midclt command reads only world, host and stdin from its context.
const ctx = { world, host, stdin } as unknown as CommandContext;
const argv = process.argv.slice(2);
const result = midclt.run(ctx, argv, { flags: {}, all: {}, order: [], operands: argv });
writeFileSync(stateFile, JSON.stringify(world));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
