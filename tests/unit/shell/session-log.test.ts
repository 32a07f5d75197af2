import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatSessionLogIssue,
  parseSessionLog,
  promptFor,
  replay,
  resumeSession,
  startSession,
  stringifySessionLog,
  transcriptChunks,
  SIMULATOR_VERSION,
  type LabAction,
  type Session,
  type SessionLog,
} from '../../../src/simulator/shell';
import { parseLab } from '../../../src/simulator/model';
import { starterLab } from './sim-fixture';

/** Runs lines in a session, collecting the transcript as `hlab sh -c` prints it. */
function record(lines: string[], session: Session = startSession(starterLab)): { session: Session; transcript: string } {
  let transcript = '';
  for (const line of lines) {
    const prompt = promptFor(session.state);
    const result = session.run(line);
    for (const chunk of transcriptChunks(prompt, { kind: 'line', text: line }, result)) transcript += chunk.text;
  }
  return { session, transcript };
}

const json = (value: unknown): string => JSON.stringify(value);

const SESSION = [
  'hostname',
  'mkdir -p /root/work && cd /root/work',
  'echo first > notes.txt; echo second >> notes.txt',
  'cat notes.txt missing.txt',
  'ssh truenas',
  'cd /tmp && echo remote > r.txt && ls -l r.txt',
  'ps -ef | grep -c sshd',
  'nosuchcommand --flag',
  'exit 3',
  'echo $? $$; pwd',
  'history | tail -n 2',
];

describe('replay', () => {
  it('gives the same state and the same transcript as the live session, byte for byte', () => {
    const { session, transcript } = record(SESSION);
    const log = session.log;
    const again = replay(log);
    expect(json(again.state)).toBe(json(session.state));
    expect(again.transcript).toBe(transcript);
    expect(again.eventsRun).toBe(SESSION.length);
    expect(transcript).toContain("cat: missing.txt: No such file or directory\n");
    expect(transcript).toContain('root@truenas[/tmp]# ');
    // Through the file format and back: still the same.
    const read = parseSessionLog(stringifySessionLog(log));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.log).toEqual(JSON.parse(JSON.stringify(log)));
    const fromText = replay(read.log);
    expect(json(fromText.state)).toBe(json(session.state));
    expect(fromText.transcript).toBe(transcript);
  });

  it('keeps the lab as given, the start host, seed and clock as booted', () => {
    const session = startSession(starterLab, { host: '192.168.5.142', seed: 7, clock: 1_000_000 });
    const { format, version, simulator, seed, host, clock, lab } = session.log;
    expect({ format, version, simulator, seed, host, clock }).toEqual({ format: 'hlab-session', version: 1, simulator: SIMULATOR_VERSION, seed: 7, host: 'truenas', clock: 1_000_000 });
    expect(lab).toEqual(JSON.parse(JSON.stringify(starterLab)));
    session.run('touch /root/x');
    expect(replay(session.log).state.world.clock).toBe(1_001_000); // each line steps the clock 1 s
  });

  it('stops where the session ended, as hlab sh does, and does not record lines typed after it', () => {
    const { session } = record(['exit', 'hostname']);
    expect(session.log.events).toEqual([{ kind: 'line', text: 'exit' }]);
    const log: SessionLog = { ...session.log, events: [...session.log.events, { kind: 'line', text: 'hostname' }] };
    const r = replay(log);
    expect(r.transcript).toBe('root@pve:~# exit\nlogout\n');
    expect(r.eventsRun).toBe(1);
  });

  it('records Ctrl-C as an interrupt: $? is 130, the transcript shows ^C', () => {
    const session = startSession(starterLab);
    session.run('true');
    expect(session.act({ type: 'interrupt' }).exitCode).toBe(130);
    session.run('echo $?');
    const r = replay(session.log);
    expect(r.transcript).toBe('root@pve:~# true\nroot@pve:~# ^C\nroot@pve:~# echo $?\n130\n');
    expect(json(r.state)).toBe(json(session.state));
  });

  it('refuses an unknown action with a clear message and records nothing', () => {
    const session = startSession(starterLab);
    const before = json(session.state);
    const r = session.act({ type: 'power-cut' } as unknown as LabAction);
    expect(r).toMatchObject({ exitCode: 2, stdout: '' });
    expect(r.stderr).toMatchInlineSnapshot(`
      "hlab: action.type: unknown action "power-cut" (this simulator knows: interrupt, lab) (the log may come from a newer simulator: update hlab)
      "
    `);
    expect(session.length).toBe(0);
    expect(json(session.state)).toBe(before);
  });

  it('resumes a saved log where it stopped, with undo back into the replayed part', () => {
    const { session } = record(SESSION.slice(0, 6));
    const before = json(session.state);
    session.run('echo more > /tmp/more');
    const resumed = resumeSession(session.log, { checkpointEvery: 4 });
    expect(json(resumed.state)).toBe(json(session.state));
    expect(resumed.length).toBe(7);
    resumed.undo();
    expect(json(resumed.state)).toBe(before);
  });

  it('SIMULATOR_VERSION is the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(SIMULATOR_VERSION).toBe(pkg.version);
  });
});

describe('undo', () => {
  it('restores exactly the state before the line: clock, processes, files, login stack', () => {
    const session = startSession(starterLab);
    session.run('echo kept > /root/kept');
    const before = json(session.state);
    session.run('ssh truenas');
    session.undo();
    expect(json(session.state)).toBe(before);
    session.run('echo gone > /root/gone; mkdir /root/dir');
    expect(session.state.world.clock).toBe(starterBootClock() + 2000);
    expect(session.undo()).toBe(true);
    expect(json(session.state)).toBe(before);
    expect(session.run('ls /root').stdout).not.toContain('gone');
  });

  it('walks back across checkpoints to the boot state, and redo runs the lines again', () => {
    const session = startSession(starterLab, { checkpointEvery: 3 });
    const snapshots = [json(session.state)];
    const outputs: string[] = [];
    for (const line of SESSION) {
      outputs.push(session.run(line).stdout);
      snapshots.push(json(session.state));
    }
    for (let n = SESSION.length - 1; n >= 0; n--) {
      expect(session.undo()).toBe(true);
      expect(session.length).toBe(n);
      expect(json(session.state)).toBe(snapshots[n]);
    }
    expect(session.undo()).toBe(false);
    for (let n = 1; n <= 4; n++) {
      expect(session.redo()?.stdout).toBe(outputs[n - 1]);
      expect(json(session.state)).toBe(snapshots[n]);
    }
    session.run('hostname');
    expect(session.canRedo).toBe(false);
    expect(session.redo()).toBeNull();
  });

  it('stays exact on a long session whose old checkpoints were thinned out', () => {
    const session = startSession(starterLab, { checkpointEvery: 2 });
    const snapshots = [json(session.state)];
    for (let i = 0; i < 300; i++) {
      session.run(i % 7 === 0 ? `echo ${i} >> /root/log` : i % 11 === 0 ? 'cd /tmp' : 'true');
      snapshots.push(json(session.state));
    }
    for (let n = 299; n >= 0; n -= 37) {
      while (session.length > n) session.undo();
      expect(json(session.state)).toBe(snapshots[n]);
    }
  });
});

describe('parseSessionLog', () => {
  const good = (): Record<string, unknown> => JSON.parse(stringifySessionLog(record(['hostname']).session.log)) as Record<string, unknown>;
  const problems = (input: unknown): string => {
    const r = parseSessionLog(typeof input === 'string' ? input : JSON.stringify(input));
    return r.ok ? 'ok' : r.errors.map((e) => formatSessionLogIssue(e, { filename: 's.json' })).join('\n');
  };

  it('reads what stringifySessionLog writes', () => {
    expect(problems(good())).toBe('ok');
  });

  it('reports JSON syntax errors with their line and column, and a truncated file as such', () => {
    const tiny = parseLab('version: 1\nname: Tiny\nhosts:\n  - name: pve\n    kind: proxmox\n');
    if (!tiny.ok) throw new Error('tiny lab');
    const session = startSession(tiny.lab);
    session.run('hostname');
    session.run('ls /nope');
    const text = stringifySessionLog(session.log);
    expect(problems(text.replace('"seed": 1,', '"seed": 1'))).toMatchInlineSnapshot(`"s.json:29:3: session log: not valid JSON: Expected ',' or '}' after property value (check for a missing comma, quote or bracket there)"`);
    expect(problems(text.replace('"hostname"}', '"hostname"'))).toMatchInlineSnapshot(`"s.json:33:5: session log: not valid JSON: Expected double-quoted property name (check for a missing comma, quote or bracket there)"`);
    expect(problems(text.slice(0, text.indexOf('"ls /nope"') + 5))).toMatchInlineSnapshot(`"s.json:33:32: session log: the session log ends in the middle of its JSON (the file is truncated) (the file was cut short: record the session again or restore the whole file)"`);
    expect(problems(text.slice(0, text.lastIndexOf('}')))).toMatchInlineSnapshot(`"s.json:34:4: session log: the session log ends in the middle of its JSON (the file is truncated) (the file was cut short: record the session again or restore the whole file)"`);
    expect(problems('')).toMatchInlineSnapshot(`"s.json: session log: the session log is empty (a session log is the JSON file \`hlab sh --record FILE\` writes)"`);
    expect(problems('version: 1\nname: lab\n')).toMatchInlineSnapshot(`"s.json: session log: not a session log: it does not start with "{" (a session log is the JSON file \`hlab sh --record FILE\` writes; run a lab file with \`hlab sh LAB\`)"`);
  });

  it('refuses an over-large file before parsing it', () => {
    expect(problems(`{"pad": "${'x'.repeat(9 * 1024 * 1024)}"}`)).toMatchInlineSnapshot(`"s.json: session log: the session log is 9.0 MB; the limit is 8 MB (check that this is the right file, or split the session into shorter logs)"`);
  });

  it('says what is wrong with the header', () => {
    expect(problems('[1, 2]')).toMatch(/does not start with "\{"/);
    expect(parseSessionLog([1, 2])).toMatchInlineSnapshot(`
      {
        "errors": [
          {
            "code": "not-a-log",
            "fix": "a session log is the JSON file \`hlab sh --record FILE\` writes",
            "message": "expected a JSON object, got a list",
            "path": "",
          },
        ],
        "ok": false,
      }
    `);
    expect(problems({ ...good(), format: undefined })).toMatchInlineSnapshot(`"s.json: format: expected "hlab-session", got nothing: this is not an hlab session log (a session log is the JSON file \`hlab sh --record FILE\` writes)"`);
    expect(problems({ version: 1, name: 'x', hosts: [] })).toMatchInlineSnapshot(`"s.json: format: expected "hlab-session", got nothing: this is not an hlab session log (this looks like a lab file: boot it with \`hlab sh LAB\`)"`);
    expect(problems({ ...good(), version: 2 })).toMatchInlineSnapshot(`"s.json: version: format version 2 is newer than this simulator reads (1) (update hlab to replay this log)"`);
    expect(problems({ ...good(), version: '1' })).toMatchInlineSnapshot(`"s.json: version: expected the format version 1, got the string "1""`);
    expect(problems({ ...good(), simulator: '99.0.0' })).toMatchInlineSnapshot(`"s.json: simulator: written by simulator 99.0.0, newer than this one (0.1.0) (replay it with hlab 99.0.0 or later)"`);
    expect(problems({ ...good(), simulator: 'latest' })).toMatchInlineSnapshot(`"s.json: simulator: expected a version such as "0.1.0", got the string "latest""`);
    const older = parseSessionLog(JSON.stringify({ ...good(), simulator: '0.0.9' }));
    expect(older.ok).toBe(true);
  });

  it('reports every problem in the lab (model parseLab), the boot options and the events, with where', () => {
    const log = good();
    const lab = log['lab'] as { hosts: Record<string, unknown>[] };
    (lab.hosts[0] as Record<string, unknown>)['kind'] = 'toaster';
    expect(problems({ ...log, seed: -1, host: 'nas', clock: 1.5, extra: true, events: [{ kind: 'line', text: 'ls' }, 'ls', { kind: 'line' }, { kind: 'line', text: 'a\nb' }, { kind: 'action', action: { type: 'power-cut' } }, { kind: 'action', action: { type: 'interrupt', why: 1 } }, { kind: 'typed' }, { kind: 'line', text: 'x', at: 3 }, null] })).toMatchInlineSnapshot(`
      "s.json: extra: unknown key "extra" (a session log has only format, version, simulator, lab, seed, host, clock, events)
      s.json: lab.hosts[0].kind: "toaster" is not one of: proxmox, truenas, linux
      s.json: seed: expected a whole number from 0 to 4294967295, got the number -1
      s.json: clock: expected milliseconds since 1970 (a whole number from 0 to 253402300799999), got the number 1.5
      s.json: events[1]: expected an event object such as {"kind": "line", "text": "ls"}, got the string "ls"
      s.json: events[2].text: expected the typed line as a string, got nothing
      s.json: events[3].text: a line cannot contain a newline (record each typed line as its own event)
      s.json: events[4].action.type: unknown action "power-cut" (this simulator knows: interrupt, lab) (the log may come from a newer simulator: update hlab)
      s.json: events[5].action.why: unknown key "why" (a session log event has only type)
      s.json: events[6].kind: expected "line" or "action", got the string "typed"
      s.json: events[7].at: unknown key "at" (a session log event has only kind, text)
      s.json: events[8]: expected an event object such as {"kind": "line", "text": "ls"}, got null"
    `);
    expect(problems({ ...good(), host: 'nas' })).toMatchInlineSnapshot(`"s.json: host: no host "nas" in the lab (hosts: pve, truenas)"`);
    expect(problems({ ...good(), lab: 'starter', events: {} })).toMatchInlineSnapshot(`
      "s.json: lab: expected the lab as a JSON object, got the string "starter"
      s.json: events: expected a list of events, got an object"
    `);
  });

  it('summarises after 20 problems and never throws on junk', () => {
    const many = problems({ ...good(), events: Array.from({ length: 50 }, () => 7) }).split('\n');
    expect(many).toHaveLength(21);
    expect(many[20]).toBe('s.json: session log: and more problems after these 20');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything()), (junk) => {
        const r = parseSessionLog(junk);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 200, seed: 6 },
    );
  });
});

describe('property: replay of a random session equals the live session', () => {
  const alphabet = ['hostname', 'cd /tmp', 'cd', 'cd ..', 'pwd', 'echo a > f', 'echo b >> f', 'cat f', 'rm f', 'mkdir -p d/e', 'ls', 'false', 'echo $?', 'ssh truenas', 'ssh pve', 'exit', 'sleep 2', 'nope'];
  it('same state and transcript; undo of the last k lines gives the state after n-k lines', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 25 }), fc.nat(6), (lines, k) => {
        const session = startSession(starterLab, { checkpointEvery: 4 });
        const snapshots = [json(session.state)];
        let transcript = '';
        for (const line of lines) {
          if (session.state.shell.exited) break;
          const prompt = promptFor(session.state);
          for (const chunk of transcriptChunks(prompt, { kind: 'line', text: line }, session.run(line))) transcript += chunk.text;
          snapshots.push(json(session.state));
        }
        const r = replay(session.log);
        expect(json(r.state)).toBe(json(session.state));
        expect(r.transcript).toBe(transcript);
        const undo = Math.min(k, session.length);
        for (let i = 0; i < undo; i++) session.undo();
        expect(json(session.state)).toBe(snapshots[snapshots.length - 1 - undo]);
      }),
      { numRuns: 40, seed: 42 },
    );
  });
});

function starterBootClock(): number {
  return startSession(starterLab).state.world.clock;
}
