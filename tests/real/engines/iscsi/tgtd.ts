/**
 * A real iSCSI target for the tests: tgtd (Debian's tgt) on loopback, on its own port and
 * control socket, configured with tgtadm so its ACLs work as TrueNAS's do — initiator
 * *names* only (`--op bind -Q NAME` and no `-I`, since tgt lets a login in when the
 * address ACL *or* the name ACL matches: the trap in ../shared/reference/iscsi.md), and
 * `-I ALL` where TrueNAS allows every initiator. iscsi-ls (libiscsi) is the initiator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireRoot, requireTool, runTool } from '../../support/tools';

/** One target as tgtd gets it. */
export interface RealTarget {
  iqn: string;
  /** LUNs with a disk (tgtd numbers them from 1; LUN 0 is its controller). */
  disks: number;
  /** null: every initiator (-I ALL); else the names to bind (-Q). */
  names: string[] | null;
  chap?: { user: string; secret: string };
}

/** A running tgtd. */
export class Tgtd {
  private proc: ChildProcess | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'hlab-tgtd-'));
  private readonly tgtadm = requireTool('tgtadm');
  private readonly iscsiLs = requireTool('iscsi-ls');
  private tids: number[] = [];
  constructor(
    readonly port: number,
    private readonly control: number,
  ) {}

  /** Starts tgtd in the foreground as a child and waits for its control socket. */
  async start(): Promise<void> {
    requireRoot('tgtd binds a port and creates its control socket under /var/run/tgtd');
    const tgtd = requireTool('tgtd');
    this.proc = spawn(tgtd, ['-f', '-C', String(this.control), '--iscsi', `portal=127.0.0.1:${this.port}`], { stdio: 'ignore' });
    for (let i = 0; i < 50; i++) {
      if (runTool(this.tgtadm, ['-C', String(this.control), '--lld', 'iscsi', '--op', 'show', '--mode', 'sys']).status === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('tgtd did not start');
  }

  /** Runs tgtadm, throwing on failure. */
  private adm(args: string[]): void {
    const r = runTool(this.tgtadm, ['-C', String(this.control), '--lld', 'iscsi', ...args]);
    if (r.status !== 0) throw new Error(`tgtadm ${args.join(' ')}: ${r.stderr}`);
  }

  /** Replaces every target with `targets`. */
  configure(targets: RealTarget[]): void {
    for (const tid of this.tids) this.adm(['--op', 'delete', '--mode', 'target', '--tid', String(tid), '--force']);
    this.tids = [];
    runTool(this.tgtadm, ['-C', String(this.control), '--lld', 'iscsi', '--op', 'delete', '--mode', 'account', '--user', 'pve']);
    targets.forEach((t, i) => {
      const tid = i + 1;
      this.adm(['--op', 'new', '--mode', 'target', '--tid', String(tid), '-T', t.iqn]);
      this.tids.push(tid);
      for (let lun = 1; lun <= t.disks; lun++) {
        const file = join(this.dir, `t${tid}-l${lun}.img`);
        writeFileSync(file, '');
        truncateSync(file, 64 * 2 ** 20);
        this.adm(['--op', 'new', '--mode', 'logicalunit', '--tid', String(tid), '--lun', String(lun), '-b', file]);
      }
      if (t.names === null) this.adm(['--op', 'bind', '--mode', 'target', '--tid', String(tid), '-I', 'ALL']);
      else for (const name of t.names) this.adm(['--op', 'bind', '--mode', 'target', '--tid', String(tid), '-Q', name]);
      if (t.chap) {
        runTool(this.tgtadm, ['-C', String(this.control), '--lld', 'iscsi', '--op', 'new', '--mode', 'account', '--user', t.chap.user, '--password', t.chap.secret]);
        this.adm(['--op', 'bind', '--mode', 'account', '--tid', String(tid), '--user', t.chap.user]);
      }
    });
  }

  /** `iscsi-ls -s -i NAME iscsi://[user%secret@]127.0.0.1:PORT`: the targets and disk LUN counts this initiator sees. */
  list(initiator: string, chap?: { user: string; secret: string }): { status: number; stdout: string; stderr: string; seen: Map<string, number> } {
    const auth = chap ? `${chap.user}%${chap.secret}@` : '';
    const r = runTool(this.iscsiLs, ['-s', '-i', initiator, `iscsi://${auth}127.0.0.1:${this.port}`]);
    const seen = new Map<string, number>();
    let current = '';
    for (const line of r.stdout.split('\n')) {
      const t = /^Target:(\S+) Portal:/.exec(line);
      if (t) {
        current = t[1] as string;
        seen.set(current, 0);
      } else if (/^Lun:\d+\s+Type:DIRECT_ACCESS/.test(line) && current) seen.set(current, (seen.get(current) ?? 0) + 1);
    }
    return { ...r, seen };
  }

  /** Stops tgtd and removes its files. */
  stop(): void {
    for (const tid of this.tids) runTool(this.tgtadm, ['-C', String(this.control), '--lld', 'iscsi', '--op', 'delete', '--mode', 'target', '--tid', String(tid), '--force']);
    runTool(this.tgtadm, ['-C', String(this.control), '--op', 'delete', '--mode', 'system']);
    this.proc?.kill('SIGTERM');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
