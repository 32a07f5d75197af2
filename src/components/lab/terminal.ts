/**
 * The lab's xterm.js terminal: created in the browser only, sized to its container
 * (FitAddon + ResizeObserver), coloured after Starlight's theme, with screen-reader mode on.
 * It draws what it is given and reports what the reader types; the line editing itself is
 * s-core's pure line editor (line-input.ts wires the two).
 */
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { currentTheme, followStarlightTheme } from './terminal-theme';
import { copyText } from './download';

/** A terminal mounted in the page, and how to take it down. */
export interface MountedTerminal {
  terminal: Terminal;
  /** Re-fits the terminal to its container now. */
  fit(): void;
  dispose(): void;
}

/** Creates the terminal inside `container` and keeps it fitted and themed. */
export function mountTerminal(container: HTMLElement, label: string): MountedTerminal {
  const terminal = new Terminal({
    screenReaderMode: true,
    fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
    fontSize: 14,
    lineHeight: 1.15,
    scrollback: 5000,
    cursorBlink: false,
    convertEol: false,
    allowProposedApi: false,
    // Right click selects a word, so touch and mouse readers can copy without dragging.
    rightClickSelectsWord: true,
    // The palette from the start: setting it after open() would style and draw everything twice.
    theme: currentTheme(),
  });
  const fitAddon = new FitAddon();
  terminal.loadAddon(fitAddon);
  terminal.open(container);
  terminal.textarea?.setAttribute('aria-label', label);

  // Ctrl-C (or Ctrl-Shift-C, Cmd-C) with text selected copies it instead of interrupting;
  // Ctrl-V / Ctrl-Shift-V fall through to the browser's paste event, which xterm reads.
  terminal.attachCustomKeyEventHandler((event) => {
    if (event.type !== 'keydown') return true;
    const key = event.key.toLowerCase();
    const mod = event.ctrlKey || event.metaKey;
    if (mod && key === 'c' && (event.shiftKey || terminal.hasSelection())) {
      if (terminal.hasSelection()) void copyText(terminal.getSelection());
      event.preventDefault();
      return false;
    }
    if (mod && key === 'v') return false;
    return true;
  });

  const fit = () => {
    if (!container.isConnected || container.clientWidth === 0) return;
    try {
      fitAddon.fit();
    } catch {
      // A container being laid out reports no size yet; the next resize fits it.
    }
  };
  const resizeObserver = new ResizeObserver(() => fit());
  resizeObserver.observe(container);
  const stopTheme = followStarlightTheme(terminal);
  fit();

  return {
    terminal,
    fit,
    dispose() {
      resizeObserver.disconnect();
      stopTheme();
      terminal.dispose();
    },
  };
}
