// Commands shown in the handbook run in the simulator and print what the page shows
// (issue 12; convention in h-common.md). Every ```console block with `lab="ID"` (and
// optionally `host="NAME"`) in its meta is replayed: a fresh boot of
// src/content/labs/ID.yaml on that host, the lines that start with the current prompt typed
// in order, and the whole block compared with the transcript `hlab sh -c` would print.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLab, type Lab } from '../../../src/simulator/model';
import { promptFor, startSession, transcriptChunks } from '../../../src/simulator/shell';
import { docPages, fences, readSource, ROOT } from './site-files';

const labCache = new Map<string, Lab | string>();
/** The lab with that id, or an error message. */
function loadLab(id: string): Lab | string {
  if (!labCache.has(id)) {
    try {
      const parsed = parseLab(readFileSync(join(ROOT, 'src/content/labs', `${id}.yaml`), 'utf8'), { filename: `${id}.yaml` });
      labCache.set(id, parsed.ok ? parsed.lab : `src/content/labs/${id}.yaml does not validate`);
    } catch {
      labCache.set(id, `no lab file src/content/labs/${id}.yaml`);
    }
  }
  return labCache.get(id) as Lab | string;
}

/** `lab="starter" host="pve"` → { lab: 'starter', host: 'pve' }. */
function metaAttributes(meta: string): Record<string, string> {
  return Object.fromEntries([...meta.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] as string, m[2] as string]));
}

/**
 * Replays a block: at each step the next line that starts with the simulator's current prompt
 * is typed; returns the transcript the simulator prints for those lines, or a problem.
 */
function replayBlock(lab: Lab, host: string | undefined, body: string): { transcript: string } | { problem: string } {
  const session = startSession(lab, host ? { host } : {});
  const lines = body.replace(/\n$/, '').split('\n');
  let transcript = '';
  let i = 0;
  let typed = 0;
  while (i < lines.length) {
    const prompt = promptFor(session.state);
    const at = lines.findIndex((line, k) => k >= i && line.startsWith(prompt));
    if (at === -1) break;
    const line = (lines[at] as string).slice(prompt.length);
    const result = session.run(line);
    transcript += transcriptChunks(prompt, { kind: 'line', text: line }, result)
      .map((c) => c.text)
      .join('');
    typed += 1;
    i = at + 1;
    if (session.state.shell.exited) break;
  }
  if (typed === 0) return { problem: `no line starts with the prompt ${JSON.stringify(promptFor(startSession(lab, host ? { host } : {}).state))}` };
  return { transcript };
}

const blocks = docPages().flatMap((page) =>
  fences(readSource(page))
    .filter((f) => f.lang === 'console' && /\blab="/.test(f.meta))
    .map((f) => ({ page, ...f, attrs: metaAttributes(f.meta) })),
);

describe('console transcripts in the handbook match the simulator', () => {
  it('catches a block whose output differs, and one with no prompt line', () => {
    const starter = loadLab('starter') as Lab;
    expect(replayBlock(starter, 'pve', 'root@pve:~# echo hi\nhi\n')).toEqual({ transcript: 'root@pve:~# echo hi\nhi\n' });
    expect(replayBlock(starter, 'pve', 'root@pve:~# echo hi\nho\n')).not.toEqual({ transcript: 'root@pve:~# echo hi\nho\n' });
    expect(replayBlock(starter, 'pve', '$ echo hi\nhi\n')).toHaveProperty('problem');
  });
  for (const block of blocks) {
    it(`${block.page}:${block.line} (${block.meta})`, () => {
      const lab = loadLab(block.attrs['lab'] as string);
      expect(typeof lab, typeof lab === 'string' ? lab : '').toBe('object');
      const replay = replayBlock(lab as Lab, block.attrs['host'], block.body);
      expect('problem' in replay ? replay.problem : '', `${block.page}:${block.line}`).toBe('');
      if ('transcript' in replay) expect(block.body, `${block.page}:${block.line}: the block differs from the simulator's transcript`).toBe(replay.transcript);
    });
  }
});
