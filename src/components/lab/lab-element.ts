/**
 * `<hlab-lab>`: the client side of Lab.astro. A custom element (no framework, like
 * Starlight's own tabs) that mounts the terminal, boots the simulator worker, restores or
 * shares the session, and wires the toolbar, the key bar and the views. Loaded only on
 * pages with a `<Lab>`, and only in the browser.
 */
import type { BootRequest, BootResult, TermChunk } from '../../simulator/worker/api-types';
import { LabSession, LostCall } from './lab-session';
import { SimClient } from './sim-client';
import { claimSlot, clearSaved, type SessionSlot } from './session-store';
import { restoreSession } from './restore-session';
import { mountTerminal, type MountedTerminal } from './terminal';
import { printable } from './printable';
import { historyOf } from './session-history';
import { BRACKETED_PASTE_ON, LineInput } from './line-input';
import { mountKeyBar } from './key-bar';
import { showNotice, clearNotice } from './notices';
import { refreshExportPanel, toggleExportPanel, type ExportSource } from './export-panel';
import { downloadFile, readPickedFile } from './download';
import { offerShareLink } from './share-link';
import { ViewsPanel } from './views-panel';

/** Every lab on the page, for the test hooks below. */
const labsOnPage = new Set<HlabLab>();

declare global {
  interface Window {
    /** Test hook: kills every lab's worker as a crash would (tests/e2e/lab.spec.ts). */
    __hlabKillWorker?: () => void;
  }
}
performance.mark('hlab-script');
window.__hlabKillWorker = () => labsOnPage.forEach((lab) => lab.session?.client.killSilently());

/** Clear the screen and the scrollback, cursor home (ctlseqs ED 2, ED 3, CUP), as `clear` does. */
const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

class HlabLab extends HTMLElement {
  session: LabSession | null = null;
  private storageSlot: SessionSlot | null = null;
  private term: MountedTerminal | null = null;
  private input: LineInput | null = null;
  private views: ViewsPanel | null = null;
  private pageLab = 'starter';
  private setup: string[] = [];
  /** The lab now running: an example lab's id, or null for a lab file or a session opened from disk. */
  private labId: string | null = 'starter';
  private started = false;

  private find<T extends Element>(selector: string): T {
    const found = this.querySelector<T>(selector);
    if (!found) throw new Error(`<hlab-lab>: missing ${selector}`);
    return found;
  }

  private get notices(): HTMLElement {
    return this.find('[data-notices]');
  }

  /**
   * `data-state`: `booting`, `busy` (a line runs) or `ready` (the prompt takes input). The
   * first `ready` marks `hlab-ready` in the Performance timeline (scripts/bench-site.mjs).
   */
  private setState(state: 'booting' | 'busy' | 'ready'): void {
    this.dataset.state = state;
    if (state === 'ready' && performance.getEntriesByName('hlab-ready').length === 0) performance.mark('hlab-ready');
  }

  /** Says `message` in the status line (an aria-live region). */
  announce(message: string): void {
    this.find('[data-status]').textContent = message;
  }

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    labsOnPage.add(this);
    // Ids for the views' SVG patterns, unique per lab on the page.
    if (!this.id) this.id = `hlab-lab-${labsOnPage.size}`;
    void this.start().catch((error: unknown) => {
      this.announce(`The lab could not start: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async start(): Promise<void> {
    this.setState('booting');
    this.announce('Starting the lab…');
    this.pageLab = this.dataset.lab ?? 'starter';
    this.labId = this.pageLab;
    this.setup = JSON.parse(this.dataset.setup ?? '[]') as string[];
    const client = new SimClient();
    client.start();
    // A second <Lab> of the same lab on one page keeps its own entry (`starter:2`).
    const same = [...document.querySelectorAll<HTMLElement>('hlab-lab')].filter((el) => el.dataset.lab === this.pageLab);
    const nth = same.indexOf(this) + 1;
    // The lock on this page's saved session is asked for first; its answer comes in a later
    // task (tens of ms on a busy page), so the terminal mounts meanwhile. xterm.js is a static
    // import of this script: the browser fetched and compiled it while the page was parsed.
    // The worker, started by Lab.astro's inline script, is booting the page's lab already.
    const claiming = claimSlot(location.pathname, nth > 1 ? `${this.pageLab}:${nth}` : this.pageLab);
    this.term = mountTerminal(this.find<HTMLElement>('[data-terminal]'), `Terminal of the ${this.pageLab} lab`);
    performance.mark('hlab-terminal');
    this.wireTerminal(this.term.terminal);
    this.storageSlot = await claiming;
    this.session = new LabSession(this.storageSlot, this.setup, {
      recovering: (message) => {
        this.announce(message);
        const term = this.term?.terminal;
        if (!term) return;
        // On a row of its own; the line being edited (a Tab's completion) is drawn again below it.
        term.write(`${term.buffer.active.cursorX > 0 ? '\r\n' : ''}\x1b[33m[${printable(message)}]\x1b[0m\r\n`);
        this.input?.freshRow();
      },
      saveFailed: (message) =>
        showNotice(this.notices, `Your work could not be saved in this browser (${message}). Use "Save progress" to keep it as a file.`, { id: 'save-failed' }),
    }, client);

    const viewsRoot = this.querySelector<HTMLElement>('[data-views-root]');
    if (viewsRoot) this.views = new ViewsPanel(viewsRoot, () => void this.refreshViews());

    if (!this.storageSlot.primary) {
      showNotice(
        this.notices,
        'This page is open in another tab, which keeps saving its own work. This tab works on its own copy, saved separately, so neither overwrites the other.',
        { id: 'second-tab' },
      );
    }
    this.wireToolbar();
    performance.mark('hlab-boot-start');
    await this.bootInitial();
    performance.mark('hlab-booted');
  }

  /** The line editor, the key bar and the terminal's input, once xterm.js is mounted. */
  private wireTerminal(term: MountedTerminal['terminal']): void {
    this.input = new LineInput(term, {
      run: (line) => this.runLine(line),
      interrupt: () => this.interrupt(),
      complete: (line, cursor) => this.session!.complete(line, cursor),
      clearScreen: () => term.write(CLEAR_SCREEN),
      state: (state) => this.setState(state),
    });
    const keyFilter = mountKeyBar(this.find('[data-keybar]'), (data) => this.input?.feed(data), () => term.focus());
    term.onData((data) => this.input?.feed(keyFilter(data)));
  }

  /** Boots from the share link, else the saved session (restore-session.ts), else the page's lab and setup. */
  private async bootInitial(): Promise<void> {
    const restored = await restoreSession(this.session!, this.storageSlot!, this.setup, this.notices, this.pageLab);
    if (restored) {
      this.labId = null;
      return this.booted(restored.result, restored.message);
    }
    await this.bootFresh(this.pageLab, this.setup.length > 0 ? `The lab is ready, prepared with: ${this.setup.join('; ')}.` : 'The lab is ready.');
  }

  /** Boots an example lab with the page's setup lines (the setup belongs to the page's lab only). */
  private async bootFresh(labId: string, message: string, drawPrompt = true): Promise<boolean> {
    const request: BootRequest = { labId, ...(labId === this.pageLab ? { setup: this.setup } : {}) };
    const result = await this.session!.boot(request);
    if (!result.ok) {
      showNotice(this.notices, `The lab "${labId}" could not start:`, { details: result.errors, id: 'boot' });
      return false;
    }
    this.labId = labId;
    await this.booted(result, message, drawPrompt);
    return true;
  }

  /** Redraws the terminal after a boot: the transcript, then a fresh prompt. */
  private async booted(result: Extract<BootResult, { ok: true }>, message: string, drawPrompt = true): Promise<void> {
    this.resetScreen();
    this.writeChunks(result.transcript);
    this.input!.resetHistory(historyOf(this.session!.log, this.setup));
    this.toggleControls(true);
    this.announce(`${message} Lab: ${result.labTitle}.`);
    if (drawPrompt) this.input!.newPrompt(result.status.prompt);
    const picker = this.querySelector<HTMLSelectElement>('[data-action="pick"]');
    if (picker) picker.value = this.labId ?? picker.value;
    void this.refreshViews();
  }

  /** Clears the terminal completely (a boot, an undo redraws from the transcript). */
  private resetScreen(): void {
    const term = this.term!.terminal;
    term.reset();
    term.write(BRACKETED_PASTE_ON);
  }

  /**
   * Writes output chunks (stdout and stderr, in order). Output that does not end with a
   * newline is followed by one, so the next prompt starts on its own row, as zsh does
   * (PROMPT_SP) — bash would put the prompt after it.
   */
  private writeChunks(chunks: readonly TermChunk[]): void {
    const text = chunks.map((c) => c.text).join('');
    if (text) this.term!.terminal.write(printable(text.endsWith('\n') ? text : `${text}\n`));
  }

  /** Runs a line the reader entered (the terminal already shows the prompt and the line). */
  private async runLine(line: string): Promise<string> {
    const session = this.session!;
    if (session.status?.exited) {
      // The outermost shell has exited: like a terminal whose shell ended, Enter starts a new session.
      await this.reset(false);
      return this.promptNow();
    }
    try {
      const reply = await session.run(line);
      if (reply.clear) this.term!.terminal.write(CLEAR_SCREEN);
      this.writeChunks(reply.chunks);
    } catch (error) {
      this.reportLost(error);
    }
    this.afterChange();
    return this.promptNow();
  }

  private async interrupt(): Promise<string> {
    try {
      await this.session!.interrupt();
    } catch (error) {
      this.reportLost(error);
    }
    this.afterChange();
    return this.promptNow();
  }

  private promptNow(): string {
    const status = this.session?.status;
    if (status?.exited) {
      this.announce('The session has ended (exit). Press Enter or Reset to start again.');
      this.term?.terminal.write('\x1b[2m[The session has ended. Press Enter to start again.]\x1b[0m\r\n');
      return '';
    }
    return status?.prompt ?? '$ ';
  }

  private reportLost(error: unknown): void {
    const message = error instanceof LostCall ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    this.term!.terminal.write(`\x1b[31m[hlab: ${printable(message)}]\x1b[0m\r\n`);
    this.announce(`That line was lost: ${message}`);
  }

  private afterChange(): void {
    this.updateControls();
    void this.refreshViews();
    if (!this.find<HTMLElement>('[data-export]').hidden) void this.renderExport();
  }

  private async refreshViews(): Promise<void> {
    if (!this.views?.active || !this.session) return;
    try {
      let reply = await this.session.views(this.views.request());
      if (this.views.updateChoices(reply)) reply = await this.session.views(this.views.request());
      this.views.draw(reply);
    } catch {
      // A failed refresh leaves the last drawing; the next line draws again.
    }
  }

  private toggleControls(enabled: boolean): void {
    for (const control of this.querySelectorAll<HTMLButtonElement | HTMLSelectElement>('[data-action]')) control.disabled = !enabled;
    if (enabled) this.updateControls();
  }

  private updateControls(): void {
    const status = this.session?.status;
    const undo = this.querySelector<HTMLButtonElement>('[data-action="undo"]');
    const redo = this.querySelector<HTMLButtonElement>('[data-action="redo"]');
    if (undo) undo.disabled = !status?.canUndo;
    if (redo) redo.disabled = !status?.canRedo;
  }

  private wireToolbar(): void {
    const on = (action: string, handler: () => Promise<void> | void) =>
      this.querySelector(`[data-action="${action}"]`)?.addEventListener(action === 'pick' ? 'change' : 'click', () => {
        void Promise.resolve(handler()).catch((error: unknown) => this.reportLost(error));
      });
    on('pick', () => this.pickLab());
    on('open-lab', () => this.find<HTMLInputElement>('[data-input="lab-file"]').click());
    on('open-progress', () => this.find<HTMLInputElement>('[data-input="progress-file"]').click());
    this.find<HTMLInputElement>('[data-input="lab-file"]').addEventListener('change', (event) => void this.openLabFile(event.target as HTMLInputElement));
    this.find<HTMLInputElement>('[data-input="progress-file"]').addEventListener('change', (event) => void this.openProgress(event.target as HTMLInputElement));
    on('reset', () => this.reset());
    on('undo', () => this.undo());
    on('redo', () => this.redo());
    on('share', () => this.share());
    on('save-progress', () => this.saveProgress());
    on('download-lab', () => this.downloadLab());
    on('export', () => this.toggleExport());
  }

  /** Keeps the session being left as a download link, so switching labs never loses work. */
  private offerPrevious(what: string): void {
    const log = this.session?.log;
    if (!log || (this.session?.status?.length ?? 0) <= this.setup.length) return;
    showNotice(this.notices, `${what} Your previous session is not lost:`, {
      download: { label: 'Download the previous session', filename: `hlab-session-previous.json`, text: log },
      id: 'previous',
    });
  }

  private async pickLab(): Promise<void> {
    const picker = this.find<HTMLSelectElement>('[data-action="pick"]');
    this.offerPrevious(`Switched to another lab.`);
    if (await this.bootFresh(picker.value, 'Switched lab.')) this.term!.terminal.focus();
  }

  private async openLabFile(input: HTMLInputElement): Promise<void> {
    const file = await readPickedFile(input);
    if (!file) return;
    const result = await this.session!.boot({ labText: file.text, labFileName: file.name });
    if (!result.ok) {
      showNotice(this.notices, `${file.name} is not a valid lab file (the lab you had keeps running):`, { details: result.errors, id: 'lab-file' });
      this.announce(`${file.name} did not validate: ${result.errors.length} problem(s).`);
      return;
    }
    clearNotice(this.notices, 'lab-file');
    this.labId = null;
    await this.booted(result, `Opened ${file.name}.`);
  }

  private async openProgress(input: HTMLInputElement): Promise<void> {
    const file = await readPickedFile(input);
    if (!file) return;
    this.offerPrevious(`Opened ${file.name}.`);
    const result = await this.session!.boot({ sessionLog: file.text });
    if (!result.ok) {
      showNotice(this.notices, `${file.name} is not a session file this lab can open:`, { details: result.errors, id: 'progress-file' });
      return;
    }
    this.labId = null;
    await this.booted(result, `Opened ${file.name}.`);
  }

  /** Starts the lab again; `drawPrompt` false when the line editor draws the next prompt itself. */
  private async reset(drawPrompt = true): Promise<void> {
    this.offerPrevious('The lab was reset.');
    clearSaved(this.storageSlot!.key);
    const labId = this.labId ?? this.pageLab;
    await this.bootFresh(labId, 'The lab was reset.', drawPrompt);
    this.term!.terminal.focus();
  }

  private async undo(): Promise<void> {
    const undone = await this.session!.undo();
    if (!undone) return this.announce('Nothing to undo.');
    this.resetScreen();
    this.writeChunks(undone.transcript);
    this.input!.newPrompt(undone.status.prompt);
    this.afterChange();
    this.announce('Undid the last line.');
  }

  private async redo(): Promise<void> {
    const reply = await this.session!.redo();
    if (!reply) return this.announce('Nothing to redo.');
    this.input!.clearLine();
    if (reply.clear) this.term!.terminal.write(CLEAR_SCREEN);
    this.writeChunks(reply.chunks);
    this.input!.newPrompt(reply.status.prompt);
    this.afterChange();
    this.announce('Ran the undone line again.');
  }

  private async share(): Promise<void> {
    this.announce(await offerShareLink(this.notices, await this.session!.shareFragment()));
  }

  private saveProgress(): void {
    downloadFile(`hlab-session-${this.labId ?? this.pageLab}.json`, this.session!.log, 'application/json');
    this.announce('Saved your session as a file.');
  }

  private async downloadLab(): Promise<void> {
    const yaml = await this.session!.labYaml();
    downloadFile(`${this.labId ?? 'lab'}.yaml`, yaml, 'text/yaml');
    this.announce('Downloading the lab file.');
  }

  /** The export panel's source: this lab's session and status line. */
  private exportSource(): ExportSource {
    return {
      files: (options) => this.session!.exportFiles(options),
      zip: (options) => this.session!.exportZip(options),
      announce: (message) => this.announce(message),
    };
  }

  private async renderExport(): Promise<void> {
    await refreshExportPanel(this.find<HTMLElement>('[data-export]'), this.exportSource());
  }

  private async toggleExport(): Promise<void> {
    await toggleExportPanel(this.find<HTMLButtonElement>('[data-action="export"]'), this.find<HTMLElement>('[data-export]'), this.exportSource());
  }
}

if (!customElements.get('hlab-lab')) customElements.define('hlab-lab', HlabLab);
