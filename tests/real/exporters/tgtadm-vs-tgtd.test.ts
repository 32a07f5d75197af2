/**
 * The exported tgtadm script, run by real bash against a real tgtd on loopback with
 * file-backed LUNs of the zvols' sizes, exposes exactly the lab's targets and LUNs to
 * exactly the initiators the lab allows (iscsi-ls -s -i IQN), CHAP as declared; and the
 * initiator's exported preflight.sh reports the match, then each mismatch, with its exit
 * status. Run under the machine-wide lock: flock /tmp/hlab-real.lock npx vitest run --project real tests/real/exporters
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS } from '../../../src/simulator/exporters/bundle-types';
import { preflightFiles } from '../../../src/simulator/exporters/preflight';
import { tgtadmFiles } from '../../../src/simulator/exporters/tgtadm';
import { Tgtd } from '../engines/iscsi/tgtd';
import { requireTool } from '../support/tools';
import { CHAP, IQN_A, IQN_B, IQN_STRANGER, loopbackLabText, mustParse } from './target-labs';

const PORT = 3291;
const CONTROL = 21;
const IQN = (name: string) => `iqn.2005-10.org.freenas.ctl:${name}`;
const bash = requireTool('bash');
const dir = mkdtempSync(join(tmpdir(), 'hlab-tgtadm-'));
const lab = mustParse(loopbackLabText(PORT));
const tgtd = new Tgtd(PORT, CONTROL);

/** Runs an exported script with real bash. */
function runScript(name: string, content: string, env: Record<string, string>) {
  const file = join(dir, name);
  writeFileSync(file, content);
  const r = spawnSync(bash, [file], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tgtScript = tgtadmFiles(lab, DEFAULT_EXPORT_OPTIONS).find((f) => f.host === 'nas')?.content ?? '';
const runTgtScript = () => runScript('tgtadm-iscsi.sh', tgtScript, { ZVOL_DIR: join(dir, 'zvol'), TGT_CONTROL_PORT: String(CONTROL) });

beforeAll(async () => {
  // The zvols' devices as sparse files of their sizes.
  for (const zvol of lab.hosts.find((h) => h.name === 'nas')?.zvols ?? []) {
    const file = join(dir, 'zvol', zvol.name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '');
    truncateSync(file, zvol.size);
  }
  await tgtd.start();
}, 30_000);

afterAll(() => {
  // The script's targets: delete them so tgtd stops cleanly.
  for (let tid = 1; tid <= 5; tid++) spawnSync(requireTool('tgtadm'), ['-C', String(CONTROL), '--lld', 'iscsi', '--op', 'delete', '--mode', 'target', '--tid', String(tid), '--force']);
  tgtd.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('tgtadm-iscsi.sh against tgtd 1.0.85', () => {
  it('runs to the end', () => {
    const r = runTgtScript();
    expect(r.stderr).toBe('');
    expect([r.status, r.stdout.trim().split('\n').pop()]).toEqual([0, 'tgt targets ready.']);
  });

  it('shows an allowed initiator its targets with their LUNs, and nothing it is not allowed', () => {
    const r = tgtd.list(IQN_A);
    expect(Object.fromEntries(r.seen)).toEqual({ [IQN('alpha')]: 2, [IQN('open')]: 1, [IQN('nolun')]: 0 });
    // The LUN sizes are the zvols' (64M and 32M), behind tgtd's controller at LUN 0.
    expect(r.stdout).toMatch(/Target:iqn\.2005-10\.org\.freenas\.ctl:alpha Portal:127\.0\.0\.1:3291,1\nLun:0\s+Type:STORAGE_ARRAY_CONTROLLER\nLun:1\s+Type:DIRECT_ACCESS \(Size:6\dM\)\nLun:2\s+Type:DIRECT_ACCESS \(Size:3\dM\)/);
  });

  it('shows a stranger only the open targets: an IP address in an initiator group allows nobody', () => {
    expect(Object.fromEntries(tgtd.list(IQN_STRANGER).seen)).toEqual({ [IQN('open')]: 1, [IQN('nolun')]: 0 });
  });

  it('lets the CHAP initiator in with the declared secret only', () => {
    const right = tgtd.list(IQN_B, CHAP);
    expect(right.seen.get(IQN('secret'))).toBe(1);
    expect(right.seen.has(IQN('alpha'))).toBe(false);
    const wrong = tgtd.list(IQN_B, { user: CHAP.user, secret: 'wrongsecret12' });
    expect(`${wrong.stdout}${wrong.stderr}`).toContain('Authentication failure');
  });

  it('leaves existing targets as they are when run again', () => {
    const r = runTgtScript();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`target 1 exists, left as it is: ${IQN('alpha')}`);
    expect(Object.fromEntries(tgtd.list(IQN_A).seen)).toEqual({ [IQN('alpha')]: 2, [IQN('open')]: 1, [IQN('nolun')]: 0 });
  });
});

describe("the initiator's preflight.sh against that target", () => {
  const root = join(dir, 'root');
  const preflight = (text: string, subuid = 'root:100000:65536\n') => {
    mkdirSync(join(root, 'etc', 'iscsi'), { recursive: true });
    writeFileSync(join(root, 'etc', 'iscsi', 'initiatorname.iscsi'), `## DO NOT EDIT OR REMOVE THIS FILE!\nInitiatorName=${IQN_A}\n`);
    writeFileSync(join(root, 'etc', 'subuid'), subuid);
    writeFileSync(join(root, 'etc', 'subgid'), 'root:100000:65536\n');
    const script = preflightFiles(mustParse(text), DEFAULT_EXPORT_OPTIONS).find((f) => f.host === 'pve')?.content ?? '';
    // This machine has no iscsiadm (no iscsi_tcp module): the script falls back to iscsi-ls.
    return runScript('preflight.sh', script, { PREFLIGHT_ROOT: root, ISCSIADM: '/nonexistent/iscsiadm', PREFLIGHT_TIMEOUT: '2' });
  };

  it('reports every check ok and exits 0 when the machine matches', () => {
    const r = preflight(loopbackLabText(PORT));
    expect([r.status, r.stdout]).toEqual([
      0,
      [
        'ok   /etc/subuid: root has 100000-165535',
        'ok   /etc/subgid: root has 100000-165535',
        `ok   initiator name is ${IQN_A}`,
        `ok   portal 127.0.0.1:${PORT} reachable`,
        `ok   discovery from 127.0.0.1:${PORT} returns ${IQN('alpha')}`,
        'preflight: every check passed.',
        '',
      ].join('\n'),
    ]);
  });

  it('says DIFF and exits 1 when discovery does not return the target (not allowed for this IQN)', () => {
    const r = preflight(loopbackLabText(PORT, 'secret'));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`DIFF discovery from 127.0.0.1:${PORT} does not return ${IQN('secret')} (it returned: ${IQN('alpha')} ${IQN('nolun')} ${IQN('open')})`);
  });

  it('says DIFF for an unreachable portal and a subuid range that overlaps another user', () => {
    // The same lab on a port where nothing listens: the target is not running.
    const r = preflight(loopbackLabText(3299), 'alice:100000:65536\n');
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('DIFF'))).toEqual([
      'DIFF /etc/subuid: root:100000:65536 overlaps alice:100000:65536',
      'DIFF portal 127.0.0.1:3299 not reachable (connection refused, filtered or no route); is the target running?',
      expect.stringMatching(/^DIFF discovery from 127\.0\.0\.1:3299 returned no target \(.*\)$/),
    ]);
  });
});
