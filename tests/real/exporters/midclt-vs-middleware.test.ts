/**
 * The exported midclt script, run by real bash with a `midclt` on PATH whose middleware is
 * the simulator's own (support/midclt-standin.ts, the World kept in a file between calls),
 * builds the iSCSI objects the lab declares: starting from the lab with its TrueNAS iSCSI
 * objects and their zvols removed, the middleware's query answers after the script equal
 * those of the lab booted as written. A second run finds everything and changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot } from '../../../src/simulator/engines';
import type { World } from '../../../src/simulator/engines/world';
import { DEFAULT_EXPORT_OPTIONS } from '../../../src/simulator/exporters/bundle-types';
import { preflightFiles } from '../../../src/simulator/exporters/preflight';
import { truenasMidcltFiles } from '../../../src/simulator/exporters/truenas-midclt';
import { loadExampleLabs } from '../../unit/exporters/example-labs';
import { middlewareAnswers as answers, strippedLab as stripped } from '../../unit/exporters/truenas-roundtrip';
import { requireTool } from '../support/tools';
import { mustParse } from './target-labs';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const bash = requireTool('bash');
const dir = mkdtempSync(join(tmpdir(), 'hlab-midclt-'));

beforeAll(() => {
  // One bundled file starts in a fraction of tsx's time; the script calls midclt a dozen times.
  const built = spawnSync(join(ROOT, 'node_modules', '.bin', 'esbuild'), [join(ROOT, 'tests/real/exporters/support/midclt-standin.ts'), '--bundle', '--platform=node', '--format=cjs', `--outfile=${join(dir, 'midclt.cjs')}`, '--log-level=warning'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
  writeFileSync(join(dir, 'midclt'), `#!/bin/sh\nexec '${process.execPath}' '${join(dir, 'midclt.cjs')}' "$@"\n`, { mode: 0o755 });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const labs = [
  ...loadExampleLabs().map(({ id, lab }) => ({ id, lab })),
  { id: 'hostile-target', lab: mustParse(readFileSync(join(ROOT, 'tests/fixtures/labs/hostile-target.yaml'), 'utf8')) },
].flatMap(({ id, lab }) => truenasMidcltFiles(lab, DEFAULT_EXPORT_OPTIONS).map((file) => ({ name: `${id}/${file.path}`, lab, file })));

describe('truenas-iscsi.sh against the simulator middleware', () => {
  it('has labs to run', () => {
    expect(labs.map((l) => l.name)).toEqual(['every-field/truenas/truenas-iscsi.sh', 'seed-000-r630-truenas-iscsi/truenas/truenas-iscsi.sh', 'hostile-target/truenas/truenas-iscsi.sh']);
  });

  it.each(labs)('$name builds the objects the lab declares (and, for the first lab, a second run finds them)', ({ name, lab, file }) => {
    const host = file.host ?? '';
    const state = join(dir, `${name.replace(/\W/g, '_')}.json`);
    writeFileSync(state, JSON.stringify(boot(stripped(lab), 1)));
    const script = join(dir, 'truenas-iscsi.sh');
    writeFileSync(script, file.content);
    const env = { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}`, HLAB_MIDCLT_STATE: state, HLAB_MIDCLT_HOST: host };
    const first = spawnSync(bash, [script], { encoding: 'utf8', env, timeout: 180_000 });
    expect([first.status, first.stdout, first.stderr.split('\n').filter((l) => !/^(created|found  ) /.test(l))]).toEqual([0, 'iSCSI target ready.\n', ['']]);

    const built = JSON.parse(readFileSync(state, 'utf8')) as World;
    const declared = boot(lab, 1);
    expect(answers(built, host)).toEqual({ ...(answers(declared, host) as object), service: { ok: true, value: { enable: true, state: 'RUNNING' } } });

    // Idempotence once (each midclt call starts a Node process: keep the run short).
    if (name !== labs[0]?.name) return;
    const again = spawnSync(bash, [script], { encoding: 'utf8', env, timeout: 180_000 });
    expect(again.status).toBe(0);
    expect(again.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('found   '))).toEqual([]);
    expect(answers(JSON.parse(readFileSync(state, 'utf8')) as World, host)).toEqual(answers(built, host));
  }, 400_000);
});

describe("a TrueNAS host's preflight.sh asks the middleware for its version", () => {
  const lab = mustParse('version: 1\nname: version check\nhosts:\n  - { name: truenas, kind: truenas }\n');
  const script = preflightFiles(lab, DEFAULT_EXPORT_OPTIONS)[0]?.content ?? '';
  const run = (bin: string, state: string) => {
    const file = join(dir, 'preflight.sh');
    writeFileSync(file, script);
    return spawnSync(bash, [file], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, HLAB_MIDCLT_STATE: state, HLAB_MIDCLT_HOST: 'truenas' }, timeout: 60_000 });
  };

  it('ok on the simulated TrueNAS 25.10.1 (system.info through the stand-in)', () => {
    const state = join(dir, 'version.json');
    writeFileSync(state, JSON.stringify(boot(lab, 1)));
    const r = run(dir, state);
    expect([r.status, r.stdout]).toEqual([0, 'ok   TrueNAS version TrueNAS-25.10.1 (25.10 or later)\npreflight: every check passed.\n']);
  });

  it('DIFF on an older release, whose API has no service.control', () => {
    const old = join(dir, 'old');
    mkdirSync(old, { recursive: true });
    writeFileSync(join(old, 'midclt'), `#!/bin/sh\necho '{"version": "TrueNAS-SCALE-24.10.2.2", "hostname": "truenas"}'\n`, { mode: 0o755 });
    const r = run(old, '');
    expect([r.status, r.stdout.split('\n')[0]]).toEqual([1, 'DIFF TrueNAS version TrueNAS-SCALE-24.10.2.2: the scripts need 25.10 or later']);
  });
});
