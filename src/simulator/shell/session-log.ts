/**
 * The session log: what the sandbox saves and shares, what a lesson's solution is, and what
 * `hlab sh --record` writes and `hlab replay` reads. It holds the lab as booted, the boot
 * options and every input event (a typed line, or a lab action such as Ctrl-C — later a
 * fault or a power cut from the engines); the clock moves only through these events, so
 * replaying a log gives the same state and the same transcript, byte for byte
 * (session-replay.ts). This file is the format: its types, and `parseSessionLog`, which
 * reads untrusted text and reports every problem as data with where it is — it never throws.
 */
import { formatIssue, quoteValue } from '../model/issues';
import { type Lab } from '../model/lab';
import { parseLabValue } from '../model/lab-value';
import { resolveHost } from '../engines/net/resolve';

/** The `format` field of every session log. */
export const SESSION_LOG_FORMAT = 'hlab-session';
/** The format version this simulator writes and reads. */
export const SESSION_LOG_VERSION = 1;
/** The simulator's version (package.json `version`; a unit test keeps them equal). */
export const SIMULATOR_VERSION = '0.1.0';
/** Largest session log accepted, in bytes: a 5 MB lab and some 100,000 short lines. */
export const MAX_SESSION_LOG_BYTES = 8 * 1024 * 1024;
/** Most events accepted in one log. */
export const MAX_SESSION_EVENTS = 100_000;
/** Latest clock accepted: 9999-12-31T23:59:59.999Z (what `date` and `ls -l` can still print). */
export const MAX_CLOCK_MS = 253402300799999;
/** Problems reported before the rest are summarised in one line. */
const MAX_ISSUES = 20;

/**
 * Ctrl-C at the prompt: the line being typed is abandoned and `$?` becomes 130 (bash: 128 +
 * SIGINT). The line's text is not recorded; the transcript shows `^C`.
 */
export interface InterruptAction {
  type: 'interrupt';
}

/**
 * A lab control used from the sandbox rather than typed (a disk fault, a power cut): the
 * `lab` command's words (`["fault", "corrupt", "sdb"]`, `["power-cut"]`) on `host`.
 */
export interface LabControlAction {
  type: 'lab';
  host: string;
  args: string[];
}

/** An input that is not a typed line, told apart by `type`. Engines add theirs (a fault, a power cut) to this union. */
export type LabAction = InterruptAction | LabControlAction;

/** Every action type this simulator knows, in the order messages list them. */
export const ACTION_TYPES: readonly LabAction['type'][] = ['interrupt', 'lab'];

/** One input: a line typed at the prompt, or a lab action. */
export type SessionEvent = { kind: 'line'; text: string } | { kind: 'action'; action: LabAction };

/**
 * A recorded session.
 * @example
 * { "format": "hlab-session", "version": 1, "simulator": "0.1.0", "lab": { "version": 1, "name": "Starter", "hosts": [...] },
 *   "seed": 1, "host": "pve", "clock": 1767225600000, "events": [{ "kind": "line", "text": "ssh truenas" }] }
 */
export interface SessionLog {
  format: typeof SESSION_LOG_FORMAT;
  version: typeof SESSION_LOG_VERSION;
  /** The simulator version that wrote it (semver). */
  simulator: string;
  /** The lab before boot, as plain JSON (boot fills derived names; the log keeps the input). */
  lab: Lab;
  /** createSimulator's seed: a 32-bit unsigned integer. */
  seed: number;
  /** The host the session logged in to first (name, hostname or address); default as createSimulator. */
  host?: string;
  /** The virtual clock at boot, ms since the epoch; default clock.ts DEFAULT_CLOCK. */
  clock?: number;
  events: SessionEvent[];
}

/** One problem with a session log: where (`path` like `events[3].text`, empty for the whole file), what, and what to do. */
export interface SessionLogIssue {
  path: string;
  message: string;
  fix?: string;
  /** 1-based position in the text, for JSON syntax errors. */
  line?: number;
  column?: number;
  /** Stable code: syntax, truncated, too-big, empty, not-a-log, version, newer-simulator, lab, host, event, unknown-action, unknown-key, type, too-many. */
  code: string;
}

/** A parsed log, or every problem found. */
export type ParseSessionLogResult = { ok: true; log: SessionLog } | { ok: false; errors: SessionLogIssue[] };

/** Options for {@link parseSessionLog}. */
export interface ParseSessionLogOptions {
  /** The reading simulator's version (default SIMULATOR_VERSION); tests pass another. */
  simulatorVersion?: string;
}

type Issue = SessionLogIssue;
const issue = (path: string, message: string, code: string, fix?: string): Issue => ({ path, message, code, ...(fix !== undefined ? { fix } : {}) });

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return bytes;
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${quoteValue(value)}`;
  return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function unknownKeys(value: Record<string, unknown>, known: readonly string[], at: string): Issue[] {
  return Object.keys(value)
    .filter((k) => !known.includes(k))
    .map((k) => issue(at === '' ? k : `${at}.${k}`, `unknown key ${quoteValue(k)}`, 'unknown-key', `a session log ${at === '' ? 'has' : 'event has'} only ${known.join(', ')}`));
}

/** Semver's MAJOR.MINOR.PATCH as numbers (a pre-release tail is ignored), or null. */
function versionParts(version: string): [number, number, number] | null {
  const m = /^(\d{1,6})\.(\d{1,6})\.(\d{1,6})(?:[-+][0-9A-Za-z.+-]*)?$/.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function newerThan(a: [number, number, number], b: [number, number, number]): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) > (b[i] as number);
  return false;
}

/** JSON text → a value, or the syntax problem with its line and column (V8 and SpiderMonkey messages). */
function readJson(text: string): { ok: true; value: unknown } | { ok: false; issue: Issue } {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, issue: issue('', 'the session log is empty', 'empty', 'a session log is the JSON file `hlab sh --record FILE` writes') };
  if (!body.trimStart().startsWith('{')) {
    return { ok: false, issue: issue('', 'not a session log: it does not start with "{"', 'not-a-log', 'a session log is the JSON file `hlab sh --record FILE` writes; run a lab file with `hlab sh LAB`') };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const reason = String(error instanceof Error ? error.message : error).replace(/[\x00-\x1f]/g, ' ');
    const at = /position (\d+)/.exec(reason);
    const offset = at ? Number(at[1]) : body.length;
    const end = body.trimEnd().length;
    if (/end of (JSON )?(input|data)/i.test(reason) || offset >= end) {
      return { ok: false, issue: { ...issue('', 'the session log ends in the middle of its JSON (the file is truncated)', 'truncated', 'the file was cut short: record the session again or restore the whole file'), ...positionOf(body, end) } };
    }
    const short = reason
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/ in JSON at position \d+/, '')
      .replace(/^JSON\.parse: /, '')
      .replace(/ at line \d+ column \d+ of the JSON data$/, '')
      .replace(/, ".*" is not valid JSON$/, '')
      .slice(0, 120);
    return { ok: false, issue: { ...issue('', `not valid JSON: ${short}`, 'syntax', 'check for a missing comma, quote or bracket there'), ...positionOf(body, offset) } };
  }
}

/** Checks one action; returns its problems (empty when it is one this simulator knows). */
export function checkAction(action: unknown, at = 'action'): SessionLogIssue[] {
  if (!isObject(action)) return [issue(at, `expected an action object such as {"type": "interrupt"}, got ${describe(action)}`, 'event')];
  if (typeof action['type'] !== 'string') return [issue(`${at}.type`, `expected the action's type as a string, got ${describe(action['type'])}`, 'event')];
  if (!(ACTION_TYPES as readonly string[]).includes(action['type'])) {
    return [issue(`${at}.type`, `unknown action ${quoteValue(action['type'])} (this simulator knows: ${ACTION_TYPES.join(', ')})`, 'unknown-action', 'the log may come from a newer simulator: update hlab')];
  }
  if (action['type'] === 'lab') {
    const problems: SessionLogIssue[] = [];
    if (typeof action['host'] !== 'string') problems.push(issue(`${at}.host`, `expected the host's name as a string, got ${describe(action['host'])}`, 'event'));
    if (!Array.isArray(action['args']) || !action['args'].every((a) => typeof a === 'string')) problems.push(issue(`${at}.args`, `expected the lab control's words as strings, such as ["fault", "corrupt", "sdb"], got ${describe(action['args'])}`, 'event'));
    return [...problems, ...unknownKeys(action, ['type', 'host', 'args'], at)];
  }
  return unknownKeys(action, ['type'], at); // interrupt has no other fields
}

function checkEvent(event: unknown, at: string): Issue[] {
  if (!isObject(event)) return [issue(at, `expected an event object such as {"kind": "line", "text": "ls"}, got ${describe(event)}`, 'event')];
  if (event['kind'] === 'line') {
    const text = event['text'];
    if (typeof text !== 'string') return [issue(`${at}.text`, `expected the typed line as a string, got ${describe(text)}`, 'event')];
    if (text.includes('\n')) return [issue(`${at}.text`, 'a line cannot contain a newline', 'event', 'record each typed line as its own event')];
    return unknownKeys(event, ['kind', 'text'], at);
  }
  if (event['kind'] === 'action') return [...checkAction(event['action'], `${at}.action`), ...unknownKeys(event, ['kind', 'action'], at)];
  return [issue(`${at}.kind`, `expected "line" or "action", got ${describe(event['kind'])}`, 'event')];
}

function checkHeader(value: Record<string, unknown>, ours: [number, number, number], oursText: string): Issue[] | null {
  if (value['format'] !== SESSION_LOG_FORMAT) {
    const looksLikeLab = 'hosts' in value && !('events' in value);
    const fix = looksLikeLab ? 'this looks like a lab file: boot it with `hlab sh LAB`' : 'a session log is the JSON file `hlab sh --record FILE` writes';
    return [issue('format', `expected "${SESSION_LOG_FORMAT}", got ${describe(value['format'])}: this is not an hlab session log`, 'not-a-log', fix)];
  }
  const version = value['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return [issue('version', `expected the format version ${SESSION_LOG_VERSION}, got ${describe(version)}`, 'version')];
  if (version > SESSION_LOG_VERSION) return [issue('version', `format version ${version} is newer than this simulator reads (${SESSION_LOG_VERSION})`, 'version', 'update hlab to replay this log')];
  const simulator = value['simulator'];
  const parts = typeof simulator === 'string' ? versionParts(simulator) : null;
  if (!parts) return [issue('simulator', `expected a version such as "${oursText}", got ${describe(simulator)}`, 'version')];
  if (newerThan(parts, ours)) return [issue('simulator', `written by simulator ${simulator as string}, newer than this one (${oursText})`, 'newer-simulator', `replay it with hlab ${simulator as string} or later`)];
  return null;
}

function checkBoot(value: Record<string, unknown>, lab: Lab | null): Issue[] {
  const problems: Issue[] = [];
  const seed = value['seed'];
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) problems.push(issue('seed', `expected a whole number from 0 to 4294967295, got ${describe(seed)}`, 'type'));
  const host = value['host'];
  if (host !== undefined) {
    if (typeof host !== 'string') problems.push(issue('host', `expected a host name as a string, got ${describe(host)}`, 'type'));
    else if (lab && !resolveHost(lab, host)) problems.push(issue('host', `no host ${quoteValue(host)} in the lab (hosts: ${lab.hosts.map((h) => h.name).join(', ')})`, 'host'));
  }
  const clock = value['clock'];
  if (clock !== undefined && (typeof clock !== 'number' || !Number.isInteger(clock) || clock < 0 || clock > MAX_CLOCK_MS)) {
    problems.push(issue('clock', `expected milliseconds since 1970 (a whole number from 0 to ${MAX_CLOCK_MS}), got ${describe(clock)}`, 'type'));
  }
  return problems;
}

function checkEvents(events: unknown): Issue[] {
  if (!Array.isArray(events)) return [issue('events', `expected a list of events, got ${describe(events)}`, 'type')];
  if (events.length > MAX_SESSION_EVENTS) return [issue('events', `${events.length} events; the limit is ${MAX_SESSION_EVENTS}`, 'too-many', 'split the session into shorter logs')];
  const problems: Issue[] = [];
  for (let i = 0; i < events.length && problems.length <= MAX_ISSUES; i++) problems.push(...checkEvent(events[i], `events[${i}]`));
  return problems;
}

/**
 * Reads a session log from its JSON text (or an already-parsed value), checking everything a
 * replay relies on: the format and its version, the simulator version (a newer one is
 * refused), the lab (model parseLab, its issues under `lab.`), the boot options and each
 * event. Collects every problem (at most 20, then a summary) and never throws.
 * @example
 * const read = parseSessionLog(text);
 * if (!read.ok) for (const e of read.errors) console.error(formatSessionLogIssue(e, { filename }));
 */
export function parseSessionLog(input: string | unknown, opts: ParseSessionLogOptions = {}): ParseSessionLogResult {
  try {
    const oursText = opts.simulatorVersion ?? SIMULATOR_VERSION;
    const ours = versionParts(oursText) ?? [0, 0, 0];
    let value = input;
    if (typeof input === 'string') {
      if (input.length > MAX_SESSION_LOG_BYTES / 4 && utf8Bytes(input) > MAX_SESSION_LOG_BYTES) return { ok: false, errors: [sessionLogTooBig(utf8Bytes(input))] };
      const read = readJson(input);
      if (!read.ok) return { ok: false, errors: [read.issue] };
      value = read.value;
    }
    if (!isObject(value)) return { ok: false, errors: [issue('', `expected a JSON object, got ${describe(value)}`, 'not-a-log', 'a session log is the JSON file `hlab sh --record FILE` writes')] };
    const header = checkHeader(value, ours, oursText);
    if (header) return { ok: false, errors: header };
    const problems: Issue[] = unknownKeys(value, ['format', 'version', 'simulator', 'lab', 'seed', 'host', 'clock', 'events'], '');
    let lab: Lab | null = null;
    if (!isObject(value['lab'])) problems.push(issue('lab', `expected the lab as a JSON object, got ${describe(value['lab'])}`, 'lab'));
    else {
      const parsed = parseLabValue(value['lab']);
      if (parsed.ok) lab = parsed.lab;
      else problems.push(...parsed.errors.map((e) => issue(e.path === '' ? 'lab' : `lab.${e.path}`.replace('lab.[', 'lab['), e.message, 'lab', e.fix)));
    }
    problems.push(...checkBoot(value, lab), ...checkEvents(value['events']));
    if (problems.length > 0 || !lab) {
      const shown = problems.slice(0, MAX_ISSUES);
      if (problems.length > MAX_ISSUES) shown.push(issue('', `and more problems after these ${MAX_ISSUES}`, 'too-many'));
      return { ok: false, errors: shown };
    }
    const log: SessionLog = { format: SESSION_LOG_FORMAT, version: SESSION_LOG_VERSION, simulator: value['simulator'] as string, lab, seed: value['seed'] as number, events: value['events'] as SessionEvent[] };
    if (value['host'] !== undefined) log.host = value['host'] as string;
    if (value['clock'] !== undefined) log.clock = value['clock'] as number;
    return { ok: true, log };
  } catch (error) {
    // A bug, not bad input: still data, never a stack trace.
    return { ok: false, errors: [issue('', `internal error while reading the session log: ${String(error instanceof Error ? error.message : error).slice(0, 200)}`, 'internal')] };
  }
}

/** The problem for a file over MAX_SESSION_LOG_BYTES (the CLI reports it without reading the file). */
export function sessionLogTooBig(bytes: number): SessionLogIssue {
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return issue('', `the session log is ${mb} MB; the limit is ${MAX_SESSION_LOG_BYTES / (1024 * 1024)} MB`, 'too-big', 'check that this is the right file, or split the session into shorter logs');
}

/**
 * One line per problem: `FILE:LINE:COLUMN: path: message (fix)`, with `session log` as the
 * path of whole-file problems (model formatIssue's layout, so editors can jump to it).
 */
export function formatSessionLogIssue(problem: SessionLogIssue, opts: { filename?: string } = {}): string {
  return formatIssue({ ...problem, path: problem.path === '' ? 'session log' : problem.path }, opts);
}

/**
 * A log as text: the header and the lab indented, one event per line (so a diff of two
 * logs shows the lines typed), ending in a newline. parseSessionLog reads it back.
 */
export function stringifySessionLog(log: SessionLog): string {
  const indent = (json: string): string => json.replace(/\n/g, '\n  ');
  const head: string[] = [
    `"format": ${JSON.stringify(log.format)}`,
    `"version": ${JSON.stringify(log.version)}`,
    `"simulator": ${JSON.stringify(log.simulator)}`,
    `"lab": ${indent(JSON.stringify(log.lab, null, 2))}`,
    `"seed": ${JSON.stringify(log.seed)}`,
    ...(log.host !== undefined ? [`"host": ${JSON.stringify(log.host)}`] : []),
    ...(log.clock !== undefined ? [`"clock": ${JSON.stringify(log.clock)}`] : []),
  ];
  const events = log.events.length === 0 ? '[]' : `[\n${log.events.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]`;
  return `{\n${[...head, `"events": ${events}`].map((l) => `  ${l}`).join(',\n')}\n}\n`;
}
