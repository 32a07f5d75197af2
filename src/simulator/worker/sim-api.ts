/**
 * `createSimApi()`: the simulator as the page sees it (api-types.ts SimApi), built on the
 * shell's recorded sessions (session-replay.ts: run, act, undo with checkpoints, redo). Pure —
 * no DOM, no Worker globals — so unit tests drive it in Node and sim.worker.ts only exposes it.
 *
 * Besides the session it keeps the terminal's transcript, one entry per event (the prompt and
 * the echoed line, then the output), so a restored, shared or undone session redraws exactly
 * what the screen showed: the entries after the last `clear`, without the page's setup lines.
 * Setup lines are the first events of the log; undo stops at them. Every method returns data
 * and never throws: an unexpected failure comes back as an `hlab: internal error` line.
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { formatIssue, parseLab, type Lab } from '../model';
import { completions, formatSessionLogIssue, parseSessionLog, promptFor, startSession, stringifySessionLog, transcriptChunks, SIMULATOR_VERSION, type Session, type SessionEvent, type SessionLog, type SimState } from '../shell';
import type { LabAction } from '../shell/session-log';
import type { LineResult } from '../shell/run-line';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../exporters/bundle-types';
import type { BootRequest, BootResult, CompleteReply, LabChoice, LineReply, SessionStatus, SimApi, TermChunk, ViewRequest, ViewsReply } from './api-types';
import { exampleLabs, type LabTexts } from './example-labs';
import { bundleFiles, bundleZip } from './export-adapter';
import { decodeShare, encodeShare, labFingerprint } from './share-fragment';
import { computeViews } from './view-data';

/** Options for {@link createSimApi}. */
export interface SimApiOptions {
  /** The example labs by id (default: src/content/labs/*.yaml bundled by Vite). */
  labs?: LabTexts;
}

/** One event's part of the transcript. */
interface Entry {
  event: SessionEvent;
  chunks: TermChunk[];
  /** The event cleared the screen (`clear`). */
  clear: boolean;
}

/** The booted session and what the page needs besides it. */
interface Live {
  session: Session;
  /** Events at the start that are setup lines (not undoable, not in the transcript). */
  setup: number;
  entries: Entry[];
  /** Events undone, last undone last: redo runs them again. */
  redoable: SessionEvent[];
}

/** Events whose output the transcript keeps (older ones keep no text: the terminal's 5,000-row scrollback shows no more). */
export const TRANSCRIPT_EVENTS = 2000;

const NO_STATUS: SessionStatus = { prompt: '', exited: true, canUndo: false, canRedo: false, length: 0, hosts: [] };
const internal = (error: unknown): TermChunk => ({ fd: 2, text: `hlab: internal error: ${error instanceof Error ? error.message : String(error)}\n` });
const cloneJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The host createSimulator logs in to when none is named: the first Proxmox host, else the first. */
export function defaultHost(lab: Lab): string {
  return (lab.hosts.find((h) => h.kind === 'proxmox') ?? lab.hosts[0])?.name ?? '';
}

/**
 * The completed part of a word as bash inserts it (bashline.c bash_quote_filename with
 * rl_filename_quote_characters): a backslash before a blank, a quote or a character the
 * shell would act on. `=`, `:`, `~` and `@`, which bash quotes in file names too, are left
 * alone here, as the commands' own completers offer words such as `compression=` and
 * `local:vztmpl/…`; `#` only where it would start a comment.
 */
export function quoteCompleted(text: string, wordStart: boolean): string {
  let out = '';
  for (const [i, ch] of [...text].entries()) out += /[ \t\n\\"'<>;|&()$`?*[!{]/.test(ch) || (ch === '#' && wordStart && i === 0) ? `\\${ch}` : ch;
  return out;
}

function promptOf(state: SimState): string {
  try {
    return promptFor(state);
  } catch {
    return '$ '; // no login left: nothing to draw it from
  }
}

/** The simulator behind the sandbox. */
export function createSimApi(options: SimApiOptions = {}): SimApi {
  const texts = options.labs ?? exampleLabs();
  /** Example labs as a session boots them (parsed, then parsed again from JSON), by id; null when invalid. */
  const booted = new Map<string, Lab | null>();
  let live: Live | null = null;
  let choices: LabChoice[] | undefined;

  const exampleLab = (id: string): Lab | null => {
    if (!booted.has(id)) {
      const text = Object.hasOwn(texts, id) ? texts[id] : undefined;
      const first = text === undefined ? null : parseLab(text, { filename: `${id}.yaml` });
      const again = first?.ok ? parseLab(cloneJson(first.lab)) : null;
      booted.set(id, again?.ok ? again.lab : null);
    }
    return booted.get(id) ?? null;
  };

  const status = (): SessionStatus => {
    if (!live) return NO_STATUS;
    const { session, setup, redoable } = live;
    const state = session.state;
    return { prompt: promptOf(state), exited: state.shell.exited, canUndo: session.length > setup, canRedo: redoable.length > 0 && session.canRedo, length: session.length, hosts: state.world.lab.hosts.map((h) => h.name) };
  };

  /** Runs one event, recording its transcript entry when the session recorded it. */
  const perform = (l: Live, event: SessionEvent, run: () => LineResult): LineResult => {
    const before = l.session.length;
    const prompt = promptOf(l.session.state);
    const result = run();
    if (l.session.length > before) {
      l.entries.push({ event, chunks: transcriptChunks(prompt, event, result), clear: result.clear === true });
      const old = l.entries[l.entries.length - 1 - TRANSCRIPT_EVENTS];
      if (old) old.chunks = [];
    }
    return result;
  };
  const runEvent = (l: Live, event: SessionEvent): LineResult =>
    perform(l, event, () => (event.kind === 'line' ? l.session.run(event.text) : l.session.act(event.action)));

  const transcript = (): TermChunk[] => {
    if (!live) return [];
    let from = live.setup;
    for (let i = live.entries.length - 1; i >= live.setup; i--) {
      if (live.entries[i]?.clear) {
        from = i + 1;
        break;
      }
    }
    return live.entries.slice(from).flatMap((e) => e.chunks);
  };

  /** Starts a session on `lab`, runs `events` (the first `setup` of them are setup lines) and reports. */
  const start = (lab: Lab, boot: { seed?: number; host?: string; clock?: number }, events: SessionEvent[], setup: number, notes: TermChunk[] = []): BootResult => {
    const l: Live = { session: startSession(lab, boot), setup: 0, entries: [], redoable: [] };
    for (const [i, event] of events.entries()) {
      if (l.session.state.shell.exited) break;
      runEvent(l, event);
      if (i < setup) l.setup = l.session.length;
    }
    live = l;
    return { ok: true, status: status(), labTitle: lab.name, transcript: [...notes, ...transcript()] };
  };

  const setupEvents = (request: BootRequest): SessionEvent[] => (request.setup ?? []).flatMap((line) => String(line).split(/\r?\n/)).map((text) => ({ kind: 'line', text }));

  const bootLog = (log: SessionLog, setup: number, notes: TermChunk[] = []): BootResult =>
    start(log.lab, { seed: log.seed, ...(log.host !== undefined ? { host: log.host } : {}), ...(log.clock !== undefined ? { clock: log.clock } : {}) }, log.events, setup, notes);

  const boot = (request: BootRequest): BootResult => {
    const wanted = setupEvents(request);
    if (request.sessionLog !== undefined) {
      const read = parseSessionLog(request.sessionLog);
      if (!read.ok) return { ok: false, errors: read.errors.map((e) => formatSessionLogIssue(e)) };
      // A saved log holds the setup lines as its first events: count them, do not run them twice.
      let setup = 0;
      while (setup < wanted.length && setup < read.log.events.length && JSON.stringify(read.log.events[setup]) === JSON.stringify(wanted[setup])) setup++;
      return bootLog(read.log, setup === wanted.length ? setup : 0);
    }
    if (request.share !== undefined) {
      const decoded = decodeShare(request.share, exampleLab, SIMULATOR_VERSION);
      if (!decoded.ok) return { ok: false, errors: [decoded.error] };
      const read = parseSessionLog(decoded.value);
      if (!read.ok) return { ok: false, errors: ['this share link cannot be opened: its session does not check out', ...read.errors.map((e) => formatSessionLogIssue(e))] };
      const notes: TermChunk[] = decoded.labChanged ? [{ fd: 2, text: `hlab: the example lab "${decoded.labId ?? ''}" has changed since this link was made; its lines ran on the current version\n` }] : [];
      return bootLog(read.log, decoded.setup, notes);
    }
    let lab: Lab | null;
    if (request.labText !== undefined) {
      const filename = request.labFileName ?? 'lab.yaml';
      const parsed = parseLab(String(request.labText), { filename });
      if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => formatIssue(e, { filename })) };
      lab = parsed.lab;
    } else {
      const id = request.labId ?? 'starter';
      lab = exampleLab(id);
      if (!lab) return { ok: false, errors: [Object.hasOwn(texts, id) ? `hlab: the example lab "${id}" does not validate (a bug: run hlab validate on it)` : `hlab: no example lab "${id}" (labs: ${Object.keys(texts).join(', ')})`] };
    }
    return start(lab, {}, wanted, wanted.length);
  };

  const lineReply = (result: LineResult, extra: TermChunk[] = []): LineReply => ({ chunks: [...extra, ...result.chunks], exitCode: result.exitCode, clear: result.clear === true, status: status() });
  const failed = (error: unknown): LineReply => ({ chunks: [internal(error)], exitCode: 70, clear: false, status: status() });
  const notBooted: LineReply = { chunks: [{ fd: 2, text: 'hlab: no lab is running; boot one first\n' }], exitCode: 2, clear: false, status: NO_STATUS };

  const run = (line: string): LineReply => {
    if (!live) return notBooted;
    const l = live;
    // A log event is one line: text with newlines (a paste) runs as one line after another.
    const lines = (typeof line === 'string' ? line : '').split(/\r?\n|\r/);
    const extra: TermChunk[] = [];
    let last: LineResult | null = null;
    for (const [i, text] of lines.entries()) {
      if (i > 0 && last) extra.push(...last.chunks, { fd: 1, text: `${promptOf(l.session.state)}${text}\n` });
      l.redoable = [];
      last = perform(l, { kind: 'line', text }, () => l.session.run(text));
    }
    return lineReply(last as LineResult, extra);
  };

  const act = (action: LabAction): LineReply => {
    if (!live) return notBooted;
    live.redoable = [];
    return lineReply(runEvent(live, { kind: 'action', action }));
  };

  const complete = (line: string, cursor: number): CompleteReply => {
    if (!live) return { line, cursor, choices: [] };
    const c = completions(live.session.state, line, cursor);
    const word = line.slice(c.from, c.to);
    const [first] = c.candidates;
    if (first === undefined) return { line, cursor, choices: [] };
    const replace = (match: string, after = ''): CompleteReply => {
      const text = word + quoteCompleted(match.slice(word.length), word === '') + after;
      return { line: line.slice(0, c.from) + text + line.slice(c.to), cursor: c.from + text.length, choices: [] };
    };
    // readline: a single match is inserted with a space after it (none after a directory's `/`).
    if (c.candidates.length === 1) return replace(first, first.endsWith('/') ? '' : ' ');
    let common = first;
    for (const cand of c.candidates) while (!cand.startsWith(common)) common = common.slice(0, -1);
    const reply = common.length > word.length ? replace(common) : { line, cursor, choices: [] };
    // readline lists path matches by their last component (rl_filename_completion_desired).
    const dir = word.slice(0, word.lastIndexOf('/') + 1);
    return { ...reply, choices: c.candidates.map((cand) => (dir !== '' && cand.startsWith(dir) ? cand.slice(dir.length) : cand)) };
  };

  const undo = (): SessionStatus | null => {
    if (!live || live.session.length <= live.setup) return null;
    const entry = live.entries[live.entries.length - 1];
    if (!entry || !live.session.undo()) return null;
    live.entries.pop();
    live.redoable.push(entry.event);
    return status();
  };

  const redo = (): LineReply | null => {
    if (!live) return null;
    const l = live;
    const event = l.redoable[l.redoable.length - 1];
    if (!event) return null;
    const before = l.entries.length;
    const result = perform(l, event, () => l.session.redo() as LineResult);
    l.redoable.pop();
    // The reader did not type it this time: the reply carries the prompt and the line too.
    const entry = l.entries.length > before ? l.entries[l.entries.length - 1] : undefined;
    return { chunks: entry ? entry.chunks : result.chunks, exitCode: result.exitCode, clear: result.clear === true, status: status() };
  };

  const shareFragment = (): string => {
    if (!live) return '';
    const log = live.session.log;
    const sum = labFingerprint(log.lab);
    const labId = Object.keys(texts).find((id) => {
      const lab = exampleLab(id);
      return lab !== null && labFingerprint(lab) === sum && JSON.stringify(lab) === JSON.stringify(log.lab);
    });
    return encodeShare({ log, setup: live.setup, ...(labId !== undefined ? { labId } : {}) }, defaultHost(log.lab));
  };

  const guard = <T>(fallback: (error: unknown) => T, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      return fallback(error);
    }
  };

  return {
    labs: () =>
      guard(
        () => [],
        (): LabChoice[] =>
          (choices ??= Object.entries(texts).map(([id, text]) => {
            let title = id;
            try {
              const doc: unknown = parseYaml(text);
              if (doc && typeof doc === 'object' && typeof (doc as { name?: unknown }).name === 'string') title = (doc as { name: string }).name;
            } catch {
              // the title falls back to the id; booting it reports the problem
            }
            return { id, title };
          })).map((c) => ({ ...c })),
      ),
    boot: (request) => guard((error) => ({ ok: false, errors: [internal(error).text.trimEnd()] }), () => boot(request ?? {})),
    run: (line) => guard(failed, () => run(line)),
    interrupt: () => guard(failed, () => act({ type: 'interrupt' })),
    complete: (line, cursor) =>
      guard(
        () => ({ line, cursor, choices: [] }),
        () => {
          const text = typeof line === 'string' ? line : '';
          return complete(text, Number.isInteger(cursor) ? Math.max(0, Math.min(cursor, text.length)) : text.length);
        },
      ),
    undo: () => guard(() => null, undo),
    redo: () => guard(failed, redo),
    transcript: () => guard(() => [], transcript),
    history: () => guard(() => [], () => (live ? [...live.session.state.shell.history] : [])),
    views: (request: ViewRequest) => guard((): ViewsReply => ({ choices: { datasets: [], containers: [] } }), () => (live ? computeViews(live.session.state.world, request ?? {}) : { choices: { datasets: [], containers: [] } })),
    sessionLog: () => guard(() => '', () => (live ? stringifySessionLog(live.session.log) : '')),
    shareFragment: () => guard(() => '', shareFragment),
    labYaml: () => guard(() => '', () => (live ? stringifyYaml(live.session.state.world.lab) : '')),
    exportFiles: (opts: ExportOptions) => guard(() => [], () => (live ? bundleFiles(live.session.state.world.lab, opts ?? DEFAULT_EXPORT_OPTIONS) : [])),
    exportZip: (opts: ExportOptions) => guard(() => bundleZip([]), () => bundleZip(live ? bundleFiles(live.session.state.world.lab, opts ?? DEFAULT_EXPORT_OPTIONS) : [])),
  };
}
