import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';

/** Debian package that provides each real tool the tests drive (scripts/install-test-tools.sh). */
const packageOf: Record<string, string> = {
  shellcheck: 'shellcheck',
  bash: 'bash',
  unshare: 'util-linux',
  zpool: 'zfs-fuse',
  zfs: 'zfs-fuse',
  'zfs-fuse': 'zfs-fuse',
  tgtd: 'tgt',
  tgtadm: 'tgt',
  'tgt-admin': 'tgt',
  'iscsi-ls': 'libiscsi-bin',
  'mkfs.ext4': 'e2fsprogs',
  dumpe2fs: 'e2fsprogs',
  blkid: 'util-linux',
  nginx: 'nginx',
  chromium: 'chromium',
  zsh: 'zsh',
};

/**
 * Returns the absolute path of a real tool, or throws an error that names the Debian
 * package to install. A real-tool test never skips: a missing tool fails the run.
 */
export function requireTool(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin', '/usr/bin'])) {
    const candidate = `${dir}/${name}`;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  const pkg = packageOf[name] ?? name;
  throw new Error(`real tool '${name}' is missing: install the Debian package '${pkg}' (bash scripts/install-test-tools.sh)`);
}

/** Throws unless the tests run as root (tgtd, zfs-fuse and uid_map writes need it). */
export function requireRoot(why: string): void {
  if (process.getuid?.() !== 0) throw new Error(`real-tool test needs root: ${why}`);
}

/** Runs a tool and returns { status, stdout, stderr } without throwing on a non-zero exit. */
export function runTool(path: string, args: string[], input?: string) {
  const result = spawnSync(path, args, { encoding: 'utf8', input, timeout: 30_000 });
  return { status: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** Runs a tool and returns stdout, throwing with its stderr on failure. */
export function runToolOk(path: string, args: string[]): string {
  return execFileSync(path, args, { encoding: 'utf8', timeout: 30_000 });
}

/** libfaketime from the Debian package faketime (scripts/install-test-tools.sh); fails naming the package when missing. */
export function libfaketime(): string {
  requireTool('faketime');
  for (const dir of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', ...readdirSync('/usr/lib').map((d) => `/usr/lib/${d}`)]) {
    const lib = `${dir}/faketime/libfaketime.so.1`;
    if (existsSync(lib)) return lib;
  }
  throw new Error("libfaketime.so.1 is missing: install the Debian package 'faketime' (bash scripts/install-test-tools.sh)");
}
