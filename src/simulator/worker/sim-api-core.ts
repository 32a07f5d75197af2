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
import { formatIssue } from '../model/issues';
import type { ParseLabResult } from '../model/lab-value';
import { normalisedLab } from './example-lab';
import type { Lab } from '../model/lab';
import { completions } from '../shell/completions';
import type { CommandRegistry } from '../shell/command-set';
import { CommandNotLoaded } from '../shell/lazy-command';
import { promptFor } from '../shell/prompt';
import { formatSessionLogIssue, parseSessionLog, stringifySessionLog, SIMULATOR_VERSION, type LabAction, type SessionEvent, type SessionLog } from '../shell/session-log';
import { startSession, transcriptChunks, type Session } from '../shell/session-replay';
import type { SimState } from '../shell/session';
import type { LineResult } from '../shell/run-line';
import { DEFAULT_EXPORT_OPTIONS, type ExportFile, type ExportOptions } from '../exporters/bundle-types';
import type { BootRequest, BootResult, CompleteReply, LabChoice, LineReply, SessionStatus, SimApi, TermChunk, ViewRequest, ViewsReply } from './api-types';
import type { decodeShare, SharedSession } from './share-fragment';
import { computeViews } from './view-data';

/**
 * What the API uses but does not import itself, so the worker can load each on demand (its
 * first chunk holds neither the YAML parser, nor the exporters, nor fflate): sim-api.ts gives
 * Node the real ones, lazy-api.ts the worker's. A service is only called by the methods that
 * need it, and lazy-api.ts loads it before calling them.
 */
export interface SimServices {
  /** parseLab for a lab file's text (YAML or JSON), with line:column positions. */
  parseLabText(text: string, filename: string): ParseLabResult;
  /** The model as YAML (`download lab file`). */
  stringifyYaml(value: unknown): string;
  /** The exporters' bundle (export-adapter.ts). */
  bundleFiles(lab: Lab, options: ExportOptions): ExportFile[];
  bundleZip(files: ExportFile[]): Uint8Array;
  /** The `#lab=` fragment (share-fragment.ts). */
  encodeShare(shared: SharedSession, defaultHost: string): string;
  decodeShare: typeof decodeShare;
  labFingerprint(lab: unknown): string;
}

/**
 * The example labs: their ids, and each one's parsed YAML document (not yet validated). The
 * worker loads each document on demand (lazy-api.ts loads the ones a call needs first).
 */
export interface ExampleLabDocs {
  /** Every example lab's id, in file-name order. */
  ids(): readonly string[];
  /** The document of lab `id` (one of `ids()`). */
  doc(id: string): unknown;
  /**
   * The lab booting `id` uses (normalisedLab of its document; null when that is invalid), when
   * it was worked out ahead (at build time, for the worker); undefined to have it worked out now.
   */
  lab?(id: string): Lab | null | undefined;
}

/** Documents already in memory, by id. */
export function labDocsOf(docs: Readonly<Record<string, unknown>>): ExampleLabDocs {
  return { ids: () => Object.keys(docs), doc: (id) => docs[id] };
}

/** Options for {@link createSimApiWith}. */
export interface SimApiCoreOptions {
  /** The example labs. */
  labs: ExampleLabDocs;
  /** The command registry (default: the shell's). */
  commands?: CommandRegistry;
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

/** The simulator behind the sandbox, with its services given (see SimServices). */
export function createSimApiWith(services: SimServices, options: SimApiCoreOptions): SimApi {
  const examples = options.labs;
  const isExample = (id: string): boolean => examples.ids().includes(id);
  const commands = options.commands;
  const withCommands = commands ? { commands } : {};
  /** Example labs as a session boots them (parsed, then parsed again from JSON), by id; null when invalid. */
  const booted = new Map<string, Lab | null>();
  let live: Live | null = null;
  let choices: LabChoice[] | undefined;

  const exampleLab = (id: string): Lab | null => {
    if (!booted.has(id)) {
      const ready = isExample(id) ? examples.lab?.(id) : undefined;
      booted.set(id, ready !== undefined ? ready : isExample(id) ? normalisedLab(examples.doc(id)) : null);
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

  /** Starts a session on `lab` (`normalised`: an example lab from exampleLab, a fixpoint of parseLab), runs `events` (the first `setup` of them are setup lines) and reports. */
  const start = (lab: Lab, boot: { seed?: number; host?: string; clock?: number; normalised?: boolean }, events: SessionEvent[], setup: number, notes: TermChunk[] = []): BootResult => {
    const l: Live = { session: startSession(lab, { ...boot, ...withCommands }), setup: 0, entries: [], redoable: [] };
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
      const decoded = services.decodeShare(request.share, exampleLab, SIMULATOR_VERSION);
      if (!decoded.ok) return { ok: false, errors: [decoded.error] };
      const read = parseSessionLog(decoded.value);
      if (!read.ok) return { ok: false, errors: ['this share link cannot be opened: its session does not check out', ...read.errors.map((e) => formatSessionLogIssue(e))] };
      const notes: TermChunk[] = decoded.labChanged ? [{ fd: 2, text: `hlab: the example lab "${decoded.labId ?? ''}" has changed since this link was made; its lines ran on the current version\n` }] : [];
      return bootLog(read.log, decoded.setup, notes);
    }
    if (request.labText !== undefined) {
      const filename = request.labFileName ?? 'lab.yaml';
      const parsed = services.parseLabText(String(request.labText), filename);
      if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => formatIssue(e, { filename })) };
      return start(parsed.lab, {}, wanted, wanted.length);
    }
    const id = request.labId ?? 'starter';
    const lab = exampleLab(id);
    if (!lab) return { ok: false, errors: [isExample(id) ? `hlab: the example lab "${id}" does not validate (a bug: run hlab validate on it)` : `hlab: no example lab "${id}" (labs: ${examples.ids().join(', ')})`] };
    return start(lab, { normalised: true }, wanted, wanted.length);
  };

  const lineReply = (result: LineResult, extra: TermChunk[] = []): LineReply => ({ chunks: [...extra, ...result.chunks], exitCode: result.exitCode, clear: result.clear === true, status: status() });
  const failed = (error: unknown): LineReply => ({ chunks: [internal(error)], exitCode: 70, clear: false, status: status() });
  const notBooted: LineReply = { chunks: [{ fd: 2, text: 'hlab: no lab is running; boot one first\n' }], exitCode: 2, clear: false, status: NO_STATUS };

  /**
   * Runs `fn` on the live session as one step: when a stub command throws CommandNotLoaded
   * part-way (lazy-command.ts), every event it recorded is dropped and the state is rebuilt as
   * it was, so running it again once the command is loaded gives what one run would have.
   */
  const step = <T>(l: Live, fn: () => T): T => {
    const length = l.session.length;
    const entries = l.entries.length;
    const redoable = [...l.redoable];
    try {
      return fn();
    } catch (error) {
      if (error instanceof CommandNotLoaded) {
        l.session.rewind(length);
        l.entries.length = entries;
        l.redoable = redoable;
      }
      throw error;
    }
  };

  const run = (line: string): LineReply => (live ? step(live, () => runLines(live as Live, line)) : notBooted);

  const runLines = (l: Live, line: string): LineReply => {
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
    const l = live;
    return step(l, () => {
      l.redoable = [];
      return lineReply(runEvent(l, { kind: 'action', action }));
    });
  };

  const complete = (line: string, cursor: number): CompleteReply => {
    if (!live) return { line, cursor, choices: [] };
    const c = completions(live.session.state, line, cursor, commands);
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
    const sum = services.labFingerprint(log.lab);
    const labId = examples.ids().find((id) => {
      const lab = exampleLab(id);
      return lab !== null && services.labFingerprint(lab) === sum && JSON.stringify(lab) === JSON.stringify(log.lab);
    });
    return services.encodeShare({ log, setup: live.setup, ...(labId !== undefined ? { labId } : {}) }, defaultHost(log.lab));
  };

  const guard = <T>(fallback: (error: unknown) => T, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof CommandNotLoaded) throw error; // lazy-api.ts loads it and calls again
      return fallback(error);
    }
  };

  return {
    labs: () =>
      guard(
        () => [],
        (): LabChoice[] =>
          (choices ??= examples.ids().map((id) => {
            const doc = examples.doc(id);
            // The title falls back to the id; booting the lab reports what is wrong with it.
            const name = doc && typeof doc === 'object' ? (doc as { name?: unknown }).name : undefined;
            return { id, title: typeof name === 'string' ? name : id };
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
    labYaml: () => guard(() => '', () => (live ? services.stringifyYaml(live.session.state.world.lab) : '')),
    exportFiles: (opts: ExportOptions) => guard(() => [], () => (live ? services.bundleFiles(live.session.state.world.lab, opts ?? DEFAULT_EXPORT_OPTIONS) : [])),
    exportZip: (opts: ExportOptions) => guard(() => services.bundleZip([]), () => services.bundleZip(live ? services.bundleFiles(live.session.state.world.lab, opts ?? DEFAULT_EXPORT_OPTIONS) : [])),
  };
}
