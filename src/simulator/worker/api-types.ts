/**
 * The contract between the page and the simulator worker: every value that crosses the
 * comlink boundary is one of these plain, structured-clone-safe types. The UI
 * (src/components) imports only this file's types and the worker's `SimApi` type — never
 * engine code.
 */
import type { ZfsTreeView } from '../engines/zfs/tree-view';
import type { NamespacesView } from '../engines/proxmox/namespaces-view';
import type { IscsiTopologyView } from '../engines/iscsi/topology-view';
import type { ExportFile, ExportOptions } from '../exporters/bundle-types';

export type { ZfsTreeView, NamespacesView, IscsiTopologyView, ExportFile, ExportOptions };

/** Text for the terminal: stdout (1) or stderr (2), in the order written. */
export interface TermChunk {
  fd: 1 | 2;
  text: string;
}

/** One example lab the picker offers. */
export interface LabChoice {
  /** File name without `.yaml`: `starter`, `seed-000-r630-truenas-iscsi`. */
  id: string;
  /** The lab's own title (its `name`/`title` field). */
  title: string;
}

/** How to start a session. Exactly one of `labId`, `labText`, `sessionLog`, `share` is used (in that order of preference: sessionLog, share, labText, labId). */
export interface BootRequest {
  /** An example lab's id (`labs()`); `starter` when nothing else is given. */
  labId?: string;
  /** A lab file the reader opened (YAML or JSON text). */
  labText?: string;
  /** The opened file's name, for `hlab validate`'s `FILE:LINE:COL:` prefix (default `lab.yaml`). */
  labFileName?: string;
  /** A saved session log (JSON text, `hlab-session` format): replayed to its end. */
  sessionLog?: string;
  /** A share fragment (the part after `#lab=`): the session log compressed. */
  share?: string;
  /**
   * Lines run before the reader starts (a page's prepared machine); not undoable, not in the
   * transcript. With `sessionLog`, lines that open the log and match these are counted as the
   * setup rather than run again; a share link carries its own count.
   */
  setup?: readonly string[];
}

/** The session's status after any call that changes it. */
export interface SessionStatus {
  /** The prompt to draw now (`root@pve:~# `). */
  prompt: string;
  /** The login stack ended (`exit` at the outermost shell): the terminal offers a reset. */
  exited: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** Events in the log (lines and actions), setup lines included. */
  length: number;
  /** Host names of the lab, for the views' pickers. */
  hosts: string[];
}

export type BootResult =
  /** `transcript` as `transcript()` gives it (a restored or shared session redraws its screen). */
  | { ok: true; status: SessionStatus; labTitle: string; transcript: TermChunk[] }
  /** `errors` are `hlab validate`'s lines (`lab.yaml:3:5: hosts[0].name: … (fix)`) or the session log's; the session running before is kept. */
  | { ok: false; errors: string[] };

/**
 * What a typed line did: its output only (the terminal already shows the prompt and the line).
 * `clear` asks the terminal to clear its screen (the `clear` command; Ctrl-L is the line
 * editor's own `clear` effect and never reaches the worker). A line with newlines runs as
 * several: the output of each, then the next prompt and line, in order.
 */
export interface LineReply {
  chunks: TermChunk[];
  exitCode: number;
  clear: boolean;
  status: SessionStatus;
}

/** Tab completion: the line after completing, and the choices when it is ambiguous (double Tab lists them). */
export interface CompleteReply {
  line: string;
  cursor: number;
  choices: string[];
}

/** Which views to compute, and for what. Missing entries are not computed. */
export interface ViewRequest {
  zfs?: { host: string; dataset: string };
  namespaces?: { host: string; vmid: number };
  iscsi?: true;
}

/** The view models (null when the thing asked for does not exist in the lab now). */
export interface ViewsReply {
  zfs?: ZfsTreeView | null;
  namespaces?: NamespacesView | null;
  iscsi?: IscsiTopologyView | null;
  /** What the pickers can offer: datasets per host, containers per host. */
  choices: { datasets: { host: string; dataset: string }[]; containers: { host: string; vmid: number }[] };
}

/**
 * The worker's API (`Comlink.wrap<SimApi>(worker)`). Every method is synchronous inside the
 * worker and fast (a line ≤ 5 ms median); the page bounds each call (2 s) and, past it,
 * terminates the worker, starts a new one and boots it with `sessionLog()` saved before the line.
 */
export interface SimApi {
  labs(): LabChoice[];
  boot(request: BootRequest): BootResult;
  run(line: string): LineReply;
  /** Ctrl-C at the prompt: recorded as an `interrupt` action (`$?` = 130); no chunks (the terminal draws `^C` itself). */
  interrupt(): LineReply;
  complete(line: string, cursor: number): CompleteReply;
  /** One step per line; `null` when there is nothing to undo/redo. After undo, redraw the screen from `transcript()`. */
  undo(): SessionStatus | null;
  /** Runs the undone line again; its chunks start with the prompt and the line (the reader did not type it). */
  redo(): LineReply | null;
  /** What the screen shows now: the prompt, line and output of each event since the last `clear`, setup lines left out. */
  transcript(): TermChunk[];
  /** The shell's history, oldest first (what `history` lists): seeds the line editor's Up and Ctrl-R after a restore. */
  history(): string[];
  views(request: ViewRequest): ViewsReply;
  /** The session log as JSON text (`hlab-session`): save progress, crash recovery. */
  sessionLog(): string;
  /** The session log compressed for a URL fragment (base64url of deflate-raw). */
  shareFragment(): string;
  /** The current lab model as YAML (download lab file). */
  labYaml(): string;
  /** The exporters' bundle for the current model. */
  exportFiles(options: ExportOptions): ExportFile[];
  /** The same bundle as a .zip (fflate), for download. */
  exportZip(options: ExportOptions): Uint8Array;
}
