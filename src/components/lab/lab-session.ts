/**
 * One lab's session as the page runs it: every call to the worker goes through here, one at
 * a time, bounded (sim-client.ts), and the session log is saved after every change. When
 * the worker hangs or dies, the page terminates it, starts a new one, boots it from the log
 * saved before the failing call and tries that call once more; if it fails again the reader
 * loses that one line and is told so (issue 10, "Robustness").
 */
import type { Remote } from 'comlink';
import type { BootRequest, BootResult, CompleteReply, ExportFile, ExportOptions, LineReply, SessionStatus, SimApi, ViewRequest, ViewsReply } from '../../simulator/worker/api-types';
import { BOOT_BOUND_MS, SimClient, WorkerFailure } from './sim-client';
import { writeSaved, type SessionSlot } from './session-store';

/** A call that failed twice: the worker was restarted and the call's effect is lost. */
export class LostCall extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LostCall';
  }
}

/** What the session tells the page besides return values. */
export interface SessionEvents {
  /** The worker failed and is being (or was) replaced; `message` is for the reader. */
  recovering(message: string): void;
  /** Saving to localStorage failed (quota, privacy mode). */
  saveFailed(message: string): void;
}

/** A lab session bound to one storage slot. */
export class LabSession {
  readonly client: SimClient;
  /** The session log after the last change (JSON text), what a new worker boots from. */
  log = '';
  status: SessionStatus | null = null;
  /** The request of the last successful boot, for a recovery before any log exists. */
  private bootRequest: BootRequest = {};
  private chain: Promise<unknown> = Promise.resolve();
  /** The client generation (worker) that holds the session; any other worker must be booted first. */
  private bootedGeneration = -1;

  /** `client` may be started already (the page starts the worker before anything else). */
  constructor(
    private readonly slot: SessionSlot,
    private readonly setup: readonly string[],
    private readonly events: SessionEvents,
    client: SimClient = new SimClient(),
  ) {
    this.client = client;
  }

  /** Runs `task` after every earlier one (the worker sees calls in the order they were made). */
  private queue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.chain.then(task, task);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Boots a new worker from the current log (or the last boot request when there is none). */
  private async recover(failure: WorkerFailure): Promise<void> {
    this.events.recovering(`The simulator ${failure.code === 'timeout' ? 'stopped answering' : 'stopped'} (${failure.message}). Starting a new one from your saved work…`);
    this.client.stop();
    const request: BootRequest = this.log ? { sessionLog: this.log, setup: this.setup } : this.bootRequest;
    const result = await this.client.call((api) => api.boot(request) as Promise<BootResult>, BOOT_BOUND_MS);
    if (!result.ok) throw new LostCall(`the saved session could not be booted again: ${result.errors.join('; ')}`);
    this.bootedGeneration = this.client.generation;
    this.status = result.status;
    this.events.recovering('The simulator was restarted; your work is restored.');
  }

  /**
   * Calls the worker with recovery: a WorkerFailure leads to a new worker and one retry; a
   * second failure (or a failed recovery) throws LostCall after booting a worker again.
   */
  private async guarded<T>(fn: (api: Remote<SimApi>) => Promise<T>): Promise<T> {
    // A worker that failed outside a guarded call (while saving, booting) was stopped: the
    // next one must get the session before it is asked anything.
    if (this.bootedGeneration !== -1 && (!this.client.running || this.client.generation !== this.bootedGeneration)) {
      await this.recover(new WorkerFailure('died', 'it had stopped'));
    }
    try {
      return await this.client.call(fn);
    } catch (error) {
      if (!(error instanceof WorkerFailure)) throw error;
      await this.recover(error);
    }
    try {
      return await this.client.call(fn);
    } catch (error) {
      if (!(error instanceof WorkerFailure)) throw error;
      await this.recover(error).catch(() => undefined);
      throw new LostCall(`that failed twice, so it was not run (${error.message})`);
    }
  }

  /** Saves the session log after a change. */
  private async save(): Promise<void> {
    try {
      this.log = await this.client.call((api) => api.sessionLog());
    } catch (error) {
      if (!(error instanceof WorkerFailure)) throw error;
      await this.recover(error).catch(() => undefined);
      throw new LostCall(`the simulator stopped before that could be saved, so it was restarted without it (${error.message})`);
    }
    const problem = writeSaved(this.slot.key, this.log);
    if (problem) this.events.saveFailed(problem);
  }

  /**
   * Boots a session. A worker failure during boot reads as a failed boot (`ok: false`) with
   * the reason, so a saved session that crashes the simulator is set aside like one that
   * does not parse. On success the log is saved at once.
   */
  boot(request: BootRequest): Promise<BootResult> {
    return this.queue(async () => {
      let result: BootResult;
      try {
        result = await this.client.call((api) => api.boot(request) as Promise<BootResult>, BOOT_BOUND_MS);
      } catch (error) {
        if (!(error instanceof WorkerFailure)) throw error;
        // Leave a working worker behind for the next attempt.
        if (this.log) await this.recover(error).catch(() => undefined);
        return { ok: false, errors: [`the simulator could not replay it: ${error.message}`] };
      }
      if (performance.getEntriesByName('hlab-boot-reply').length === 0) performance.mark('hlab-boot-reply');
      if (result.ok) {
        this.bootedGeneration = this.client.generation;
        this.bootRequest = request.sessionLog !== undefined || request.share !== undefined ? {} : request;
        this.status = result.status;
        await this.save();
      }
      return result;
    });
  }

  /** Runs a typed line. */
  run(line: string): Promise<LineReply> {
    return this.queue(async () => {
      const reply = await this.guarded((api) => api.run(line));
      this.status = reply.status;
      await this.save();
      return reply;
    });
  }

  /** Ctrl-C at the prompt (recorded, `$?` becomes 130). */
  interrupt(): Promise<LineReply> {
    return this.queue(async () => {
      const reply = await this.guarded((api) => api.interrupt());
      this.status = reply.status;
      await this.save();
      return reply;
    });
  }

  /** Tab completion of `line` at `cursor`. */
  complete(line: string, cursor: number): Promise<CompleteReply> {
    return this.queue(() => this.guarded((api) => api.complete(line, cursor)));
  }

  /** Undoes one line; the transcript to redraw comes with it. Null when there is nothing to undo. */
  undo(): Promise<{ status: SessionStatus; transcript: LineReply['chunks'] } | null> {
    return this.queue(async () => {
      const status = await this.guarded((api) => api.undo());
      if (!status) return null;
      this.status = status;
      await this.save();
      const transcript = await this.guarded((api) => api.transcript());
      return { status, transcript };
    });
  }

  /** Redoes one undone line (its reply carries the prompt and the line). */
  redo(): Promise<LineReply | null> {
    return this.queue(async () => {
      const reply = await this.guarded((api) => api.redo());
      if (!reply) return null;
      this.status = reply.status;
      await this.save();
      return reply;
    });
  }

  /** The views' models. */
  views(request: ViewRequest): Promise<ViewsReply> {
    return this.queue(() => this.guarded((api) => api.views(request)));
  }

  /** The share fragment (after `#lab=`). */
  shareFragment(): Promise<string> {
    return this.queue(() => this.guarded((api) => api.shareFragment()));
  }

  /** The current lab as YAML. */
  labYaml(): Promise<string> {
    return this.queue(() => this.guarded((api) => api.labYaml()));
  }

  /** The exporters' files. */
  exportFiles(options: ExportOptions): Promise<ExportFile[]> {
    return this.queue(() => this.guarded((api) => api.exportFiles(options)));
  }

  /** The exporters' files as a zip. */
  exportZip(options: ExportOptions): Promise<Uint8Array> {
    return this.queue(() => this.guarded((api) => api.exportZip(options)));
  }
}
