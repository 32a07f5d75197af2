/**
 * The terminal's input side: bytes from xterm.js (`onData`) go through s-core's pure line
 * editor (src/simulator/shell/line-editor.ts: decodeKeys → applyKey → an Effect) and this
 * class carries out each effect — draw with renderLine/renderFinal/renderList, run the
 * submitted lines through the lab, ask the worker to complete, interrupt, clear. Input that
 * arrives while a line runs waits its turn, so a paste of several lines runs them in order.
 */
import type { Terminal } from '@xterm/xterm';
import type { CompleteReply } from '../../simulator/worker/api-types';
import { applyCompletion, applyKey, createEditor, decodeKeys, renderFinal, renderLine, renderList, type EditorState, type KeyResult } from '../../simulator/shell/line-editor';

/** What the input asks of the lab. `run` and `interrupt` resolve to the next prompt. */
export interface LineInputHost {
  run(line: string): Promise<string>;
  interrupt(): Promise<string>;
  complete(line: string, cursor: number): Promise<CompleteReply>;
  /** Clears the screen (Ctrl-L); the input draws its line at the top afterwards. */
  clearScreen(): void;
  /** `busy` while lines run or a completion is asked; `ready` when input is taken again. */
  state(state: 'busy' | 'ready'): void;
}

/** Turns on xterm's bracketed paste mode (ctlseqs `CSI ? 2004 h`), so a paste arrives as one. */
export const BRACKETED_PASTE_ON = '\x1b[?2004h';

/** The line being edited at the prompt, and the queue of input not yet handled. */
export class LineInput {
  private editor: EditorState = createEditor();
  /** The state as last drawn (renderLine redraws over it), or null at the start of a fresh row. */
  private drawn: EditorState | null = null;
  private prompt = '';
  private readonly pending: string[] = [];
  private pumping = false;

  constructor(
    private readonly term: Terminal,
    private readonly host: LineInputHost,
  ) {}

  private get cols(): number {
    return this.term.cols;
  }

  /** Starts over with `history` to recall (a restored session's lines): no line, no prompt drawn. */
  resetHistory(history: readonly string[]): void {
    this.editor = createEditor(history);
    this.drawn = null;
  }

  /** Draws `prompt` and the line being edited on a fresh row (after a boot, undo or redo). */
  newPrompt(prompt: string): void {
    this.prompt = prompt;
    this.drawn = null;
    this.draw();
    if (!this.pumping) this.host.state('ready');
  }

  /** Something else was written below the line: the next draw starts on the cursor's (fresh) row. */
  freshRow(): void {
    this.drawn = null;
  }

  /** Rubs out the prompt and line as drawn, leaving the cursor at the start of that row. */
  clearLine(): void {
    this.term.write(`${renderFinal('', this.drawn, '', this.cols).slice(0, -2)}`);
    this.drawn = null;
  }

  /** Takes bytes typed or pasted; they are handled in order, one effect at a time. */
  feed(data: string): void {
    if (data === '') return;
    // A line to run is on its way: not `ready` any more, even before its turn comes.
    if (/[\r\n\t\x03]/.test(data)) this.host.state('busy');
    this.pending.push(data);
    void this.pump();
  }

  private draw(): void {
    this.term.write(renderLine(this.prompt, this.editor, this.cols, this.drawn));
    this.drawn = this.editor;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.pending.length > 0) {
        const data = this.pending.shift() as string;
        for (const key of decodeKeys(data)) await this.handle(applyKey(this.editor, key));
      }
    } finally {
      this.pumping = false;
      this.host.state('ready');
    }
  }

  private async handle(result: KeyResult): Promise<void> {
    this.editor = result.state;
    const effect = result.effect;
    switch (effect.type) {
      case 'none':
        return;
      case 'bell':
        return;
      case 'redraw':
        return this.draw();
      case 'clear':
        this.host.clearScreen();
        this.drawn = null;
        return this.draw();
      case 'list':
        this.term.write(renderList(this.prompt, this.editor, this.cols, effect.choices));
        this.drawn = this.editor;
        return;
      case 'complete': {
        this.host.state('busy');
        const reply = await this.host.complete(effect.line, effect.cursor);
        return this.handle(applyCompletion(this.editor, effect, reply));
      }
      case 'interrupt':
        this.term.write(renderFinal(this.prompt, this.drawn ?? null, `${effect.line}^C`, this.cols));
        this.host.state('busy');
        this.prompt = await this.host.interrupt();
        this.drawn = null;
        return this.draw();
      case 'submit': {
        this.host.state('busy');
        let over: EditorState | null = this.drawn ?? null;
        for (const line of effect.lines) {
          this.term.write(renderFinal(this.prompt, over, line, this.cols));
          over = null;
          this.prompt = await this.host.run(line);
        }
        this.drawn = null;
        return this.draw();
      }
    }
  }
}
