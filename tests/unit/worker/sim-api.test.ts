import { deflateSync, strToU8 } from 'fflate';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseLab } from '../../../src/simulator/model';
import type { SimApi, TermChunk } from '../../../src/simulator/worker/api-types';
import { createSimApi } from '../../../src/simulator/worker/sim-api';
import { toBase64Url } from '../../../src/simulator/worker/share-fragment';
import { LESSON } from './lesson-lines';

const text = (chunks: TermChunk[]): string => chunks.map((c) => c.text).join('');


function booted(request: Parameters<SimApi['boot']>[0] = { labId: 'starter' }): SimApi {
  const api = createSimApi();
  const result = api.boot(request);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return api;
}

describe('createSimApi', () => {
  test('lists and boots every example lab', () => {
    const api = createSimApi();
    const labs = api.labs();
    expect(labs.map((l) => l.id)).toContain('starter');
    expect(labs.find((l) => l.id === 'starter')?.title).toBe('Starter lab');
    for (const { id, title } of labs) {
      const result = api.boot({ labId: id });
      expect(result.ok, id).toBe(true);
      if (!result.ok) continue;
      expect(result.labTitle).toBe(title);
      expect(result.status.prompt).toMatch(/^root@\S+[:[]~\]?# $/);
      expect(result.transcript).toEqual([]);
      expect(api.run('true').exitCode).toBe(0);
      expect(api.run('hostname').chunks.length).toBe(1);
    }
  });

  test('the prompt follows ssh truenas and exit', () => {
    const api = booted();
    expect(api.run('ssh truenas').status.prompt).toBe('root@truenas[~]# ');
    expect(text(api.run('hostname').chunks)).toBe('truenas\n');
    const back = api.run('exit');
    expect(back.status.prompt).toBe('root@pve:~# ');
    expect(back.status.exited).toBe(false);
    const end = api.run('exit');
    expect(end.status.exited).toBe(true);
  });

  test('the prompt follows pct enter, and the namespaces view shows the running container', () => {
    const api = booted({ labId: 'seed-001-single-node-raidz' });
    api.run('pct start 101');
    expect(api.run('pct enter 101').status.prompt).toBe('root@syncthing-srv:~# ');
    const views = api.views({ namespaces: { host: 'pve', vmid: 101 } });
    expect(views.choices.containers).toContainEqual({ host: 'pve', vmid: 101 });
    expect(views.namespaces).toMatchObject({ vmid: 101, running: true });
    expect(api.run('exit').status.prompt).toBe('root@pve:~# ');
  });

  test('undo and redo step one line at a time; the transcript follows', () => {
    const api = booted();
    api.run('mkdir /root/a');
    const made = api.run('touch /root/a/f');
    const listed = api.run('ls /root/a');
    expect(text(listed.chunks)).toBe('f\n');
    expect(api.undo()?.length).toBe(2);
    expect(text(api.transcript())).toBe('root@pve:~# mkdir /root/a\nroot@pve:~# touch /root/a/f\n');
    expect(api.undo()?.canRedo).toBe(true);
    expect(text(api.run('ls /root/a').chunks)).toBe('');
    expect(api.redo()).toBeNull(); // a new line drops what was undone
    api.undo();
    expect(api.redo()?.chunks).toEqual([{ fd: 1, text: 'root@pve:~# ls /root/a\n' }]);
    api.run('touch /root/a/f');
    api.undo();
    const again = api.redo();
    expect(again && text(again.chunks)).toBe('root@pve:~# touch /root/a/f\n');
    expect(again?.exitCode).toBe(made.exitCode);
    expect(text(api.run('ls /root/a').chunks)).toBe('f\n');
    while (api.undo()) {
      // back to the start
    }
    expect(api.transcript()).toEqual([]);
    expect(text(api.run('ls /root/a').chunks)).toMatch(/No such file or directory/);
  });

  test('setup lines run first, are not undoable and are not in the transcript', () => {
    const api = createSimApi();
    const result = api.boot({ labId: 'starter', setup: ['mkdir /root/prepared', 'touch /root/prepared/x'] });
    expect(result.ok && result.status).toMatchObject({ length: 2, canUndo: false });
    expect(result.ok && result.transcript).toEqual([]);
    expect(api.undo()).toBeNull();
    api.run('rm -r /root/prepared');
    expect(api.undo()?.canUndo).toBe(false);
    expect(api.undo()).toBeNull();
    expect(text(api.run('ls /root/prepared').chunks)).toBe('x\n');
    // A saved log starting with the same setup lines counts them as setup again.
    const log = api.sessionLog();
    const restored = createSimApi();
    const again = restored.boot({ sessionLog: log, setup: ['mkdir /root/prepared', 'touch /root/prepared/x'] });
    expect(again.ok && again.status).toMatchObject({ length: 3, canUndo: true });
    expect(again.ok && text(again.transcript)).toBe('root@pve:~# ls /root/prepared\nx\n');
    expect(restored.undo()?.canUndo).toBe(false);
  });

  test('a share link restores the exact transcript and state, and a lesson fits in 2,000 characters', () => {
    const api = booted({ labId: 'starter', setup: ['cd /root'] });
    for (const line of LESSON) api.run(line);
    const fragment = api.shareFragment();
    expect(fragment).toMatch(/^[A-Za-z0-9_-]+$/);
    console.log(`share fragment for a ${LESSON.length}-line lesson on the starter lab: ${fragment.length} characters`);
    expect(fragment.length).toBeLessThan(2000);
    const other = createSimApi();
    const result = other.boot({ share: fragment });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(text(result.transcript)).toBe(text(api.transcript()));
    expect(result.transcript).toEqual(api.transcript());
    expect(other.sessionLog()).toBe(api.sessionLog());
    expect(result.status).toEqual(api.run('true').status && { ...api.undo(), canRedo: false });
  });

  test('a share link of a lab the reader opened carries the lab', () => {
    const api = createSimApi();
    const lab = createSimApi().boot({ labId: 'starter' });
    expect(lab.ok).toBe(true);
    const starter = booted();
    const yaml = starter.labYaml().replace('name: Starter lab', 'name: My lab');
    expect(api.boot({ labText: yaml, labFileName: 'mine.yaml' }).ok).toBe(true);
    api.run('hostname');
    api.run('echo "héllo 日本 😀 \u0001"');
    const other = createSimApi();
    const result = other.boot({ share: api.shareFragment() });
    expect(result.ok && result.labTitle).toBe('My lab');
    expect(result.ok && text(result.transcript)).toBe('root@pve:~# hostname\npve\nroot@pve:~# echo "héllo 日本 😀 \u0001"\nhéllo 日本 😀 \u0001\n');
  });

  test('clear empties the screen for a restored session', () => {
    const api = booted();
    api.run('hostname');
    expect(api.run('clear').clear).toBe(true);
    api.run('pwd');
    expect(text(api.transcript())).toBe('root@pve:~# pwd\n/root\n');
    const other = createSimApi();
    const result = other.boot({ sessionLog: api.sessionLog() });
    expect(result.ok && text(result.transcript)).toBe('root@pve:~# pwd\n/root\n');
  });

  test('Ctrl-C is recorded and a pasted text runs line by line', () => {
    const api = booted();
    api.run('false');
    expect(api.interrupt().status.length).toBe(2);
    expect(text(api.run('echo $?').chunks)).toBe('130\n');
    const pasted = api.run('echo one\necho two');
    expect(text(pasted.chunks)).toBe('one\nroot@pve:~# echo two\ntwo\n');
    expect(pasted.status.length).toBe(5);
    expect(text(api.transcript())).toContain('root@pve:~# ^C\n');
    expect(api.history()).toEqual(['false', 'echo $?', 'echo one', 'echo two']);
  });

  test('completion inserts the single match, the common prefix, and lists choices', () => {
    const api = booted();
    expect(api.complete('zpo', 3)).toEqual({ line: 'zpool ', cursor: 6, choices: [] });
    expect(api.complete('ls /et', 6)).toEqual({ line: 'ls /etc/', cursor: 8, choices: [] });
    const many = api.complete('ls /etc/p', 9);
    expect(many.line).toBe('ls /etc/p');
    expect(many.choices).toEqual(expect.arrayContaining(['passwd', 'pve/']));
    expect(api.complete('cat /nothing-here', 17)).toEqual({ line: 'cat /nothing-here', cursor: 17, choices: [] });
    // A file name with a blank and shell characters is inserted escaped, as bash does.
    api.run('touch "/root/my file (1)" /root/my-other');
    expect(api.complete('cat my', 6)).toEqual({ line: 'cat my', cursor: 6, choices: ['my file (1)', 'my-other'] });
    expect(api.complete('cat /root/my ', 12)).toEqual({ line: 'cat /root/my ', cursor: 12, choices: ['my file (1)', 'my-other'] });
    expect(api.complete('cat my-', 7)).toEqual({ line: 'cat my-other ', cursor: 13, choices: [] });
    api.run('touch "/root/sp ace\\$x"');
    expect(api.complete('cat sp', 6)).toEqual({ line: 'cat sp\\ ace\\$x ', cursor: 15, choices: [] });
    expect(api.run('cat sp\\ ace\\$x my\\ file\\ \\(1\\)').exitCode).toBe(0);
  });

  test('views, lab YAML and export never fail', () => {
    const api = booted();
    api.run('ssh truenas');
    api.run('zpool create tank mirror sda sdb');
    api.run('echo data > /mnt/tank/file');
    const views = api.views({ zfs: { host: 'truenas', dataset: 'tank' }, namespaces: { host: 'pve', vmid: 100 }, iscsi: true });
    expect(views.choices.datasets).toContainEqual({ host: 'truenas', dataset: 'tank' });
    expect(views.zfs?.files.length).toBeGreaterThan(0);
    expect(views.namespaces).toBeNull();
    expect(views.iscsi?.targetHosts[0]?.host).toBe('truenas');
    expect(api.views({ zfs: { host: 'pve', dataset: 'nope' } }).zfs).toBeNull();
    const reparsed = parseLab(api.labYaml());
    expect(reparsed.ok && reparsed.lab.hosts[1]?.pools?.map((p) => p.name)).toContain('tank');
    const files = api.exportFiles({ pve: 9 });
    expect(files[0]?.path).toBe('README.md');
    expect(files.map((f) => f.path)).toContain('truenas/zfs-setup.sh');
    expect(files.find((f) => f.path === 'truenas/zfs-setup.sh')?.content).toContain('tank');
    const zip = api.exportZip({ pve: 8 });
    expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(api.exportZip({ pve: 8 })).toEqual(zip);
  });

  test('garbage share links, session logs and labs are refused with clear messages, never a throw', () => {
    const api = createSimApi();
    const share = (payload: string): string => toBase64Url(deflateSync(strToU8(payload)));
    const bomb = toBase64Url(deflateSync(new Uint8Array(12 * 1024 * 1024)));
    const refusals: [Parameters<SimApi['boot']>[0], RegExp][] = [
      [{ share: '' }, /is empty/],
      [{ share: 'not base64 !' }, /characters a share link never contains/],
      [{ share: 'AAAA' }, /damaged or incomplete/],
      [{ share: share('{"v":1,"lab":"starter","ev":["ls"]').slice(0, -6) }, /damaged or incomplete/],
      [{ share: share('hello') }, /not a session/],
      [{ share: share('{"v":9,"lab":"starter","ev":[]}') }, /newer version/],
      [{ share: share('{"v":1,"lab":"nope","ev":[]}') }, /example lab "nope"/],
      [{ share: share('{"v":1,"lab":"starter","ev":[42]}') }, /events\[0\]/],
      [{ share: share('{"v":1,"lab":{"hosts":[]},"ev":[]}') }, /lab/],
      [{ share: bomb }, /damaged or incomplete/],
      [{ sessionLog: '' }, /empty/],
      [{ sessionLog: '{"format": "hlab-session", ' }, /truncated/],
      [{ sessionLog: 'version: 1\nname: x\nhosts: []\n' }, /not a session log/],
      [{ labText: 'version: 1\nname: x\nhosts: 3\n', labFileName: 'x.yaml' }, /^x\.yaml:3:8: hosts: expected a list/],
      [{ labText: '{{{' }, /^lab\.yaml:/],
      [{ labId: 'nope' }, /no example lab "nope"/],
    ];
    for (const [request, message] of refusals) {
      const result = api.boot(request);
      expect(result.ok, JSON.stringify(request).slice(0, 80)).toBe(false);
      if (!result.ok) expect(result.errors.join('\n')).toMatch(message);
    }
    // Nothing booted: every call still answers.
    expect(api.run('ls').exitCode).toBe(2);
    expect(api.undo()).toBeNull();
    expect(api.redo()).toBeNull();
    expect(api.complete('l', 1).choices).toEqual([]);
    expect(api.sessionLog()).toBe('');
    expect(api.shareFragment()).toBe('');
    expect(api.transcript()).toEqual([]);
    expect(api.history()).toEqual([]);
    expect(api.views({ iscsi: true }).choices.datasets).toEqual([]);
    // Any text at all as a share link, a session log or a lab file: an answer, never a throw.
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.base64String(), fc.json()), fc.constantFrom('share', 'sessionLog', 'labText'), (junk, field) => {
        const result = api.boot({ [field]: junk });
        if (!result.ok) expect(result.errors.every((e) => typeof e === 'string' && e.length > 0)).toBe(true);
      }),
      { numRuns: 150, seed: 7 },
    );
    // Not strings where strings belong (a careless caller through comlink).
    expect(api.boot(null as never).ok).toBe(true);
    expect(api.run(undefined as never).exitCode).toBeTypeOf('number');
    expect(api.complete(null as never, NaN)).toMatchObject({ line: '', cursor: 0 });
  });
});
