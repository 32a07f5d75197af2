/**
 * `midclt call METHOD [ARG...]`: the TrueNAS middleware client. Each argument is parsed as
 * JSON when it parses and passed as a string otherwise; the result is printed as Python
 * prints it (`print(rv)` for an int or str — a bool prints `True` — else `json.dumps(rv)`);
 * a failed call prints the error (validation errors as `[EINVAL] attr: message`) on stderr,
 * status 1. `-q` silences errors, `-j` waits for a job and prints its result.
 */
// @sim midclt | TrueNAS 25.10 truenas_api_client main(): call [-q] [-j] METHOD ARGS (JSON or string), print(rv) / json.dumps(rv), errors on stderr with status 1; iscsi.*, service.*, pool.*, pool.dataset.* and system.info methods
import { callMiddleware, formatErrors, midcltPrint, MIDDLEWARE_METHODS, type PyValue } from '../../engines/truenas';
import { fail, type Command, type CommandResult } from '../command-spec';

const CALL_USAGE = 'usage: midclt call [-h] [-q] [-j] [-jp {progressbar,description}] METHOD [METHOD ...]\n';
const TOP_USAGE = 'usage: midclt [-h] [-q] [-u URI] [-U USERNAME] [-P PASSWORD] [-K API_KEY] [-t TIMEOUT] [--insecure] {call,ping,subscribe} ...\n';

/** Python's json.loads(arg), falling back to the string itself (from_json in main()). */
function fromJson(arg: string): PyValue {
  try {
    return JSON.parse(arg) as PyValue;
  } catch {
    return arg;
  }
}

/** argparse's error: usage, then `PROG: error: MESSAGE`, status 2. */
function argparseError(usage: string, prog: string, message: string): CommandResult {
  return { stdout: '', stderr: `${usage}${prog}: error: ${message}\n`, exitCode: 2 };
}

/** The `midclt` command. */
export const midclt: Command = {
  spec: {
    name: 'midclt',
    summary: 'call the TrueNAS middleware API',
    usage: 'midclt call [-q] [-j] METHOD [ARG]...',
    description: 'Call a TrueNAS middleware method. Arguments are parsed as JSON when possible, otherwise passed as strings.\n',
    options: [],
    arguments: 'raw',
    usageStatus: 2,
    imitates: 'TrueNAS 25.10 midclt (truenas_api_client)',
    simplified: 'only `call`, with iscsi.*, service.*, pool.query/get_instance/create, pool.dataset.create/query/get_instance/delete and system.info/version (PoolEntry, PoolDatasetEntry and SystemInfo with representative fields, not every property; no dRAID; pool.create labels disks as zpool create does (partitions 1 and 9) rather than disk.format\'s single partition; a failed job without -j only prints its id, as midclt does); no Python traceback after an error; job progress bars are not drawn; ids are assigned by the lab model (lowest free) where the database takes the next',
  },
  hosts: ['truenas'],
  complete(request) {
    if (request.args.length === 0) return ['call', 'ping', 'subscribe'].filter((w) => w.startsWith(request.word));
    if (request.args[0] === 'call' && request.args.slice(1).every((a) => a.startsWith('-'))) return MIDDLEWARE_METHODS.filter((m) => m.startsWith(request.word));
    return [];
  },
  run(ctx, argv) {
    if (argv.length === 0) return { stdout: TOP_USAGE, stderr: '', exitCode: 0 };
    const [sub, ...rest] = argv as [string, ...string[]];
    if (sub === 'ping') return { stdout: 'pong\n', stderr: '', exitCode: 0 };
    if (sub !== 'call') return argparseError(TOP_USAGE, 'midclt', `argument name: invalid choice: '${sub}' (choose from call, ping, subscribe)`);
    let quiet = false;
    let job = false;
    let i = 0;
    for (; i < rest.length; i++) {
      const a = rest[i] as string;
      if (a === '-q' || a === '--quiet') quiet = true;
      else if (a === '-j' || a === '--job') job = true;
      else if (a === '-h' || a === '--help') return { stdout: CALL_USAGE, stderr: '', exitCode: 0 };
      else if (a.startsWith('-') && a !== '-') return argparseError(CALL_USAGE, 'midclt call', `unrecognized arguments: ${a}`);
      else break;
    }
    const method = rest[i];
    if (method === undefined) return argparseError(CALL_USAGE, 'midclt call', 'the following arguments are required: METHOD');
    const params = rest.slice(i + 1).map((a) => (a === '-' ? fromJson(ctx.stdin ?? '') : fromJson(a)));
    const result = callMiddleware(ctx.world, ctx.host.name, method, params, job);
    if (result.ok) return { stdout: midcltPrint(result.value), stderr: '', exitCode: 0 };
    if (quiet) return { stdout: '', stderr: '', exitCode: 1 };
    return fail('errors' in result ? formatErrors(result.errors) : `${result.text}\n`, 1);
  },
};
