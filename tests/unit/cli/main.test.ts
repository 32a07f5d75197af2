import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hlab } from './cli-fixture';

const EVERY = 'tests/fixtures/labs/every-field.yaml';
const STARTER = 'src/content/labs/starter.yaml';
const BAD = `version: 1
name: Broken
hosts:
  - name: pve
    kind: proxmox
    adress: 1
  - name: pve
    kind: toaster
`;

describe('hlab', () => {
  it('prints help, and usage errors exit 2', async () => {
    const help = await hlab(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: hlab COMMAND \[ARGUMENTS\]/);
    expect(await hlab([])).toMatchObject({ status: 2, stdout: '' });
    expect(await hlab(['frobnicate'])).toEqual({ status: 2, stdout: '', stderr: 'hlab: unknown command "frobnicate"\nTry \'hlab --help\' for more information.\n' });
    for (const cmd of ['validate', 'diagram', 'sh']) expect((await hlab([cmd, '--help'])).stdout).toMatch(new RegExp(`^Usage: hlab ${cmd}`));
  });
});

describe('hlab validate', () => {
  it('accepts a valid lab', async () => {
    expect(await hlab(['validate', EVERY])).toEqual({ status: 0, stdout: `${EVERY}: valid (3 hosts)\n`, stderr: '' });
  });

  it('lists every problem as FILE:LINE:COL: path: message (fix), exit 1', async () => {
    const r = await hlab(['validate', 'bad.yaml'], { files: { 'bad.yaml': BAD } });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/^bad\.yaml(:\d+:\d+)?: \S+: .+/);
    expect(r.stderr).toContain('bad.yaml:6:5: hosts[0].adress: unknown key "adress"');
  });

  it('gives one clear line for files it cannot read, exit 2', async () => {
    expect(await hlab(['validate', 'missing.yaml'])).toEqual({ status: 2, stdout: '', stderr: 'hlab: cannot read lab file "missing.yaml": No such file or directory\n' });
    expect((await hlab(['validate', 'src'])).stderr).toBe('hlab: cannot read lab file "src": Is a directory\n');
  });

  it('refuses a too-large file before reading it, exit 1', async () => {
    const r = await hlab(['validate', 'huge.yaml'], { files: { 'huge.yaml': 'x'.repeat(6 * 1024 * 1024) } });
    expect(r).toEqual({ status: 1, stdout: '', stderr: 'huge.yaml: lab: lab file is 6.0 MB; the limit is 5 MB (a lab file is a few kilobytes of YAML: check that this is the right file)\n' });
  });

  it('rejects bad arguments', async () => {
    expect(await hlab(['validate'])).toMatchObject({ status: 2, stderr: "hlab validate: missing LAB (a lab file to check)\nTry 'hlab validate --help' for more information.\n" });
    expect(await hlab(['validate', '--strict', EVERY])).toMatchObject({ status: 2, stderr: 'hlab validate: unknown option "--strict"\nTry \'hlab validate --help\' for more information.\n' });
  });

  it('survives binary junk and hostile strings', async () => {
    expect((await hlab(['validate', 'junk'], { files: { junk: '\u0000\u0001\u0002binary' } })).status).toBe(1);
    // 3 MB of invalid UTF-8 on disk decodes to 9 MB of U+FFFD: still "binary", not "too large".
    const dir = mkdtempSync(join(tmpdir(), 'hlab-cli-'));
    writeFileSync(join(dir, 'junk.bin'), Buffer.alloc(3_000_000, 0xff));
    expect(await hlab(['validate', join(dir, 'junk.bin')])).toMatchObject({
      status: 1,
      stderr: `${join(dir, 'junk.bin')}: lab: not a text lab file (it contains binary data) (open a .yaml or .json lab file)\n`,
    });
    rmSync(dir, { recursive: true });
    const hostile = 'version: 1\nname: x\nhosts:\n  - name: "$(rm -rf /)"\n    kind: proxmox\n';
    const r = await hlab(['validate', 'h.yaml'], { files: { 'h.yaml': hostile } });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('hlab diagram', () => {
  it('prints Mermaid for a valid lab', async () => {
    const r = await hlab(['diagram', STARTER]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['flowchart TB', '    accTitle: Starter lab']);
    expect(r.stdout.endsWith('\n')).toBe(true);
  });

  it('exits 1 on an invalid lab and 2 without a LAB', async () => {
    expect((await hlab(['diagram', 'bad.yaml'], { files: { 'bad.yaml': BAD } })).status).toBe(1);
    expect((await hlab(['diagram'])).status).toBe(2);
  });
});

describe('hlab sh', () => {
  it('prints a transcript of -c: prompt and line, then output; host switches follow ssh', async () => {
    expect(await hlab(['sh', '-c', 'hostname; ssh truenas; hostname'])).toEqual({ status: 0, stdout: 'root@pve:~# hostname; ssh truenas; hostname\npve\ntruenas\n', stderr: '' });
    const r = await hlab(['sh', '-c', 'hostname\nssh truenas\nhostname\nexit\nhostname']);
    expect(r.stdout).toBe('root@pve:~# hostname\npve\nroot@pve:~# ssh truenas\nroot@truenas[~]# hostname\ntruenas\nroot@truenas[~]# exit\nroot@pve:~# hostname\npve\n');
    expect(r.stderr).toBe('Connection to truenas closed.\n');
  });

  it('exits with the last command\'s status, stderr on stderr', async () => {
    expect(await hlab(['sh', '-c', 'cat /nope'])).toEqual({ status: 1, stdout: 'root@pve:~# cat /nope\n', stderr: 'cat: /nope: No such file or directory\n' });
    expect((await hlab(['sh', '-c', 'true\nexit 7\nhostname'])).status).toBe(7);
  });

  it('starts on --host and boots a named LAB', async () => {
    expect((await hlab(['sh', EVERY, '--host', 'vps', '-c', 'hostname'])).stdout).toBe('root@vps:~# hostname\nvps\n');
    expect((await hlab(['sh', '--host=192.168.5.142', '-c', 'pwd'])).stdout).toBe('root@truenas[~]# pwd\n/root\n');
    expect(await hlab(['sh', '--host', 'nas', '-c', 'pwd'])).toEqual({ status: 2, stdout: '', stderr: 'hlab sh: no host "nas" in the lab (hosts: pve, truenas)\nTry \'hlab sh --help\' for more information.\n' });
  });

  it('runs a --script file and piped stdin the same way', async () => {
    const script = '# set up\necho hi > /tmp/x\n\ncat /tmp/x\n';
    const r = await hlab(['sh', '--script', 'setup.sh'], { files: { 'setup.sh': script } });
    expect(r.stdout).toBe('root@pve:~# # set up\nroot@pve:~# echo hi > /tmp/x\nroot@pve:~# cat /tmp/x\nhi\n');
    expect((await hlab(['sh'], { stdin: script })).stdout).toBe(r.stdout);
    expect(await hlab(['sh', '--script', 'nope.sh'])).toEqual({ status: 2, stdout: '', stderr: 'hlab sh: cannot read script "nope.sh": No such file or directory\n' });
  });

  it('rejects conflicting or malformed arguments', async () => {
    expect((await hlab(['sh', '-c', 'x', '--script', 'y'])).stderr).toBe("hlab sh: use either -c or --script, not both\nTry 'hlab sh --help' for more information.\n");
    expect((await hlab(['sh', '-c'])).stderr).toBe("hlab sh: -c needs a value (COMMANDS)\nTry 'hlab sh --help' for more information.\n");
    expect((await hlab(['sh', '--seed', 'x', '-c', 'true'])).status).toBe(2);
    expect((await hlab(['sh', 'a.yaml', 'b.yaml'])).status).toBe(2);
  });

  it('survives hostile input without a stack trace or a hang', async () => {
    const hostile = ['$(rm -rf /)', '`reboot`', '"unterminated', "echo '\u0000\u0007'", ':(){ :|:& };:', 'cat /dev/zero', 'ssh truenas '.repeat(40), 'a'.repeat(100_000), '${x:-y}', ')))(((', '\\'];
    const r = await hlab(['sh', '-c', hostile.join('\n')]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toContain('internal error');
    expect(typeof r.status).toBe('number');
  });
});
