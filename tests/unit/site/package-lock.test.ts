// The committed package-lock.json installs unchanged on linux-x64, linux-arm64 (a Raspberry
// Pi) and macOS: npm writes a platform's optional native binding into the lock only if the
// lock was made where it could see it, and a fresh `npm install` elsewhere then rewrites the
// lock (.ci/run fails on that). Here: every optional dependency of every locked package is
// locked itself, and each native-binding family has an entry for each supported platform.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './site-files';

interface LockEntry {
  version?: string;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
}
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { lockfileVersion: number; packages: Record<string, LockEntry> };
const entry = (name: string): LockEntry | undefined => lock.packages[`node_modules/${name}`];

/** Platforms the handbook's README promises; `libc` where npm records one (glibc Linux). */
const PLATFORMS = [
  { os: 'linux', cpu: 'x64' },
  { os: 'linux', cpu: 'arm64' },
  { os: 'darwin', cpu: 'arm64' },
  { os: 'darwin', cpu: 'x64' },
];
const fits = (e: LockEntry, p: { os: string; cpu: string }): boolean =>
  (!e.os || e.os.includes(p.os)) && (!e.cpu || e.cpu.includes(p.cpu)) && (!e.libc || e.libc.includes('glibc'));

describe('package-lock.json', () => {
  it('is lockfile version 3', () => {
    expect(lock.lockfileVersion).toBe(3);
  });

  it('locks every optional dependency of every package (all platforms, not only this one)', () => {
    const missing = Object.entries(lock.packages).flatMap(([path, e]) =>
      Object.keys(e.optionalDependencies ?? {})
        .filter((name) => !entry(name) && !lock.packages[`${path}/node_modules/${name}`])
        .map((name) => `${path || '(root)'} → ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('has a native binding for each supported platform wherever a package ships per-platform bindings', () => {
    const gaps: string[] = [];
    for (const [path, e] of Object.entries(lock.packages)) {
      const natives = Object.keys(e.optionalDependencies ?? {})
        .map((name) => entry(name))
        .filter((b): b is LockEntry => b !== undefined && (b.os !== undefined || b.cpu !== undefined));
      // A family: at least three platform bindings (a single os-specific helper such as fsevents is not one).
      if (natives.length < 3) continue;
      for (const platform of PLATFORMS) if (!natives.some((b) => fits(b, platform))) gaps.push(`${path}: ${platform.os}-${platform.cpu}`);
    }
    expect(gaps).toEqual([]);
  });
});
