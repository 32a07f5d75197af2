/**
 * `hlab sh`: boots a lab and runs lines through the simulated shell. With -c or --script
 * it prints a transcript (prompt + line on stdout, then the line's output, stderr on
 * stderr); otherwise it starts the REPL on a terminal, or runs piped stdin as a script.
 * `--record FILE` writes the session log (shell/session-log.ts) that `hlab replay` reads.
 */
import { promptFor, resolveHost, startSession, transcriptChunks, type Session } from '../shell';
import type { CliIO } from './cli-io';
import { readArgs } from './cli-args';
import { SH_HELP } from './help-texts';
import { loadLab, STARTER_LAB } from './lab-file';
import { startRepl } from './repl';
import { saveSessionLog } from './session-file';

/** A script file may be at most 1 MiB. */
const MAX_SCRIPT_BYTES = 1 << 20;

/** Runs `hlab sh ARGS`; resolves to the exit status. */
export async function shCommand(argv: string[], io: CliIO): Promise<number> {
  const args = readArgs('hlab sh', argv, [
    { key: 'help', names: ['-h', '--help'] },
    { key: 'host', names: ['--host'], value: 'NAME' },
    { key: 'command', names: ['-c', '--command'], value: 'COMMANDS' },
    { key: 'script', names: ['--script'], value: 'FILE' },
    { key: 'seed', names: ['--seed'], value: 'N' },
    { key: 'record', names: ['--record'], value: 'FILE' },
  ]);
  if (!args.ok) return usage(io, args.message);
  if (args.values['help']) {
    io.stdout(SH_HELP);
    return 0;
  }
  if (args.positional.length > 1) return usage(io, `hlab sh: expected at most one LAB, got ${args.positional.length} arguments`);
  const command = args.values['command'];
  const script = args.values['script'];
  if (typeof command === 'string' && typeof script === 'string') return usage(io, 'hlab sh: use either -c or --script, not both');
  const seedText = args.values['seed'];
  if (typeof seedText === 'string' && !/^[0-9]{1,10}$/.test(seedText)) return usage(io, `hlab sh: --seed needs a whole number, got ${JSON.stringify(seedText.slice(0, 40))}`);

  const loaded = loadLab(io, args.positional[0] ?? STARTER_LAB);
  if (!loaded.ok) {
    io.stderr(loaded.message);
    return loaded.status;
  }
  const hostArg = args.values['host'];
  if (typeof hostArg === 'string' && !resolveHost(loaded.lab, hostArg)) {
    const names = loaded.lab.hosts.map((h) => h.name).join(', ');
    return usage(io, `hlab sh: no host ${JSON.stringify(hostArg.slice(0, 60))} in the lab (hosts: ${names})`);
  }
  const session = startSession(loaded.lab, {
    ...(typeof hostArg === 'string' ? { host: hostArg } : {}),
    ...(typeof seedText === 'string' ? { seed: Number(seedText) } : {}),
  });
  const recordTo = args.values['record'];
  // The log is written before any line runs (so a path that cannot be written fails first) and after the session.
  const save = typeof recordTo === 'string' ? (): boolean => saveSessionLog(io, 'hlab sh', recordTo, session) : (): boolean => true;
  const finish = (status: number): number => (save() ? status : 2);

  let lines: string;
  if (typeof script === 'string') {
    const read = io.readFile(script, MAX_SCRIPT_BYTES);
    if (!read.ok) {
      const why = read.code === 'EFBIG' ? 'larger than 1 MiB' : read.code === 'ENOENT' ? 'No such file or directory' : read.code === 'EISDIR' ? 'Is a directory' : read.code;
      io.stderr(`hlab sh: cannot read script ${JSON.stringify(script)}: ${why}\n`);
      return 2;
    }
    lines = read.text;
  } else if (typeof command === 'string') lines = command;
  else if (io.stdinIsTTY && io.stdin && io.output) {
    if (!save()) return 2;
    return finish(await startRepl(session, io.stdin, io.output, true, save));
  } else {
    // Piped stdin: read the lines like a script and print the same transcript as -c.
    const piped = io.readStdin ? await io.readStdin(MAX_SCRIPT_BYTES) : '';
    if (piped === null) {
      io.stderr('hlab sh: standard input is larger than 1 MiB\n');
      return 2;
    }
    lines = piped;
  }
  if (!save()) return 2;
  return finish(transcript(session, lines, io));
}

/**
 * Runs each non-blank line, printing the prompt and the line, then its output in order;
 * stops after the session ends (`exit` on the first host). Returns the last status.
 * `hlab replay` prints a log's events with the same transcriptChunks, so the two agree byte for byte.
 */
export function transcript(session: Session, text: string, io: CliIO): number {
  let status = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const prompt = promptFor(session.state);
    const result = session.run(line);
    for (const chunk of transcriptChunks(prompt, { kind: 'line', text: line }, result)) (chunk.fd === 1 ? io.stdout : io.stderr)(chunk.text);
    status = result.exitCode;
    if (session.state.shell.exited) break;
  }
  return status;
}

function usage(io: CliIO, message: string): number {
  io.stderr(`${message}\nTry 'hlab sh --help' for more information.\n`);
  return 2;
}
