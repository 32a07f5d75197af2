import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startRepl } from '../../../src/simulator/cli/repl';
import { parseSessionLog, replay, startSession } from '../../../src/simulator/shell';
import { starterLab } from '../shell/sim-fixture';
import { hlab } from './cli-fixture';

const LINES = ['hostname; ssh truenas; hostname', 'cd /tmp && echo remote > r.txt; cat r.txt nope.txt', 'ls -l r.txt', 'exit', 'mkdir -p /root/a/b && cd /root/a', 'echo $? $$ > out; cat out; pwd', 'frobnicate', 'false'].join('\n');

describe('hlab sh --record and hlab replay', () => {
  it('replay prints what sh -c printed, byte for byte on each stream, and exits with the last status', async () => {
    const files: Record<string, string> = {};
    const live = await hlab(['sh', '-c', LINES, '--record', 's.json'], { files });
    expect(live.status).toBe(1);
    expect(live.stderr).toContain('cat: nope.txt: No such file or directory\n');
    expect(live.stderr).toContain('frobnicate: command not found\n');
    expect(await hlab(['replay', 's.json'], { files })).toEqual(live);
    const log = parseSessionLog(files['s.json']);
    expect(log.ok && log.log.events.length).toBe(8);
  });

  it('records --script, piped stdin and --host/--seed the same way, on the real disk too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlab-record-'));
    try {
      const file = join(dir, 'session.json');
      const script = 'hostname\n\ncat /etc/hostname\ntrue\n';
      writeFileSync(join(dir, 's.sh'), script);
      const bySeed = await hlab(['sh', '--host', 'truenas', '--seed', '9', '--script', join(dir, 's.sh'), '--record', file]);
      expect(bySeed.status).toBe(0);
      const text = readFileSync(file, 'utf8');
      expect(text).toMatch(/^\{\n {2}"format": "hlab-session",\n {2}"version": 1,\n/);
      expect(text).toContain('"seed": 9,\n  "host": "truenas",');
      expect(text).toContain('    {"kind":"line","text":"cat /etc/hostname"},\n');
      expect(await hlab(['replay', file])).toEqual(bySeed);
      const piped = await hlab(['sh', '--record', 'p.json'], { stdin: script, files: {} });
      expect(piped.stdout).toBe('root@pve:~# hostname\npve\nroot@pve:~# cat /etc/hostname\npve\nroot@pve:~# true\n');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('records the REPL, Ctrl-C included', async () => {
    const session = startSession(starterLab);
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    let saves = 0;
    const done = startRepl(session, input, output, false, () => void saves++);
    input.end('cd /tmp\necho $PWD\n\nexit\n');
    expect(await done).toBe(0);
    expect(session.log.events.map((e) => (e.kind === 'line' ? e.text : e.action.type))).toEqual(['cd /tmp', 'echo $PWD', '', 'exit']);
    expect(saves).toBe(4);
    // A blank line steps the clock as it did live; the transcript shows the bare prompt.
    expect(replay(session.log).transcript).toBe('root@pve:~# cd /tmp\nroot@pve:/tmp# echo $PWD\n/tmp\nroot@pve:/tmp# \nroot@pve:/tmp# exit\nlogout\n');
    expect(JSON.stringify(replay(session.log).state)).toBe(JSON.stringify(session.state));

    // On a terminal, Ctrl-C abandons the line being typed and is recorded as an interrupt ($? = 130).
    const tty = startSession(starterLab);
    const keys = new PassThrough();
    const screen = new PassThrough();
    screen.resume();
    const closed = startRepl(tty, keys, screen, true);
    keys.write('true\r');
    keys.write('half-typed\x03');
    keys.write('echo $?\r');
    keys.end();
    expect(await closed).toBe(0);
    expect(tty.log.events).toEqual([{ kind: 'line', text: 'true' }, { kind: 'action', action: { type: 'interrupt' } }, { kind: 'line', text: 'echo $?' }]);
    expect(replay(tty.log).transcript).toBe('root@pve:~# true\nroot@pve:~# ^C\nroot@pve:~# echo $?\n130\n');
  });

  it('writes nothing and runs nothing when the log cannot be written', async () => {
    const r = await hlab(['sh', '-c', 'hostname', '--record', '/nonexistent-dir/s.json']);
    expect(r).toEqual({ status: 2, stdout: '', stderr: 'hlab sh: cannot write session log "/nonexistent-dir/s.json": No such file or directory\n' });
    expect((await hlab(['sh', '--record'])).stderr).toBe("hlab sh: --record needs a value (FILE)\nTry 'hlab sh --help' for more information.\n");
  });

  it('prints its help, and usage errors exit 2', async () => {
    const help = await hlab(['replay', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: hlab replay FILE\n/);
    expect((await hlab(['--help'])).stdout).toContain('  replay FILE       replay a session log');
    expect((await hlab(['sh', '--help'])).stdout).toContain('--record FILE');
    expect(await hlab(['replay'])).toEqual({ status: 2, stdout: '', stderr: "hlab replay: missing FILE (a session log from `hlab sh --record FILE`)\nTry 'hlab replay --help' for more information.\n" });
    expect((await hlab(['replay', 'a', 'b'])).stderr).toBe("hlab replay: expected one FILE, got 2 arguments\nTry 'hlab replay --help' for more information.\n");
    expect((await hlab(['replay', '--fast', 'a'])).stderr).toBe('hlab replay: unknown option "--fast"\nTry \'hlab replay --help\' for more information.\n');
    expect(await hlab(['replay', 'missing.json'])).toEqual({ status: 2, stdout: '', stderr: 'hlab: cannot read session log "missing.json": No such file or directory\n' });
    expect((await hlab(['replay', 'src'])).stderr).toBe('hlab: cannot read session log "src": Is a directory\n');
  });

  it('refuses a malformed, truncated, foreign or over-large log with a clear message, exit 1', async () => {
    const files: Record<string, string> = {};
    await hlab(['sh', '-c', 'hostname\ntrue', '--record', 'good.json'], { files });
    const good = files['good.json'] as string;
    files['cut.json'] = good.slice(0, good.length - 30);
    files['lab.yaml'] = readFileSync('src/content/labs/starter.yaml', 'utf8');
    files['event.json'] = good.replace('{"kind":"line","text":"true"}', '{"kind":"line","text":7}');
    files['huge.json'] = 'x'.repeat(9 * 1024 * 1024);
    const run = async (name: string): Promise<string> => {
      const r = await hlab(['replay', name], { files });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      return r.stderr;
    };
    expect(await run('cut.json')).toMatch(/^cut\.json:\d+:\d+: session log: the session log ends in the middle of its JSON \(the file is truncated\) \(the file was cut short: record the session again or restore the whole file\)\n$/);
    expect(await run('lab.yaml')).toMatchInlineSnapshot(`
      "lab.yaml: session log: not a session log: it does not start with "{" (a session log is the JSON file \`hlab sh --record FILE\` writes; run a lab file with \`hlab sh LAB\`)
      "
    `);
    expect(await run('event.json')).toMatchInlineSnapshot(`
      "event.json: events[1].text: expected the typed line as a string, got the number 7
      "
    `);
    expect(await run('huge.json')).toMatchInlineSnapshot(`
      "huge.json: session log: the session log is 9.0 MB; the limit is 8 MB (check that this is the right file, or split the session into shorter logs)
      "
    `);
  });
});
