// One typed helper that drives a `<Lab>`'s terminal in the browser (xterm.js), so the lab
// tests read like what a reader does: type a line, press a key, read the screen.
import type { Locator, Page } from '@playwright/test';
import { expect } from './guarded-test';

/** A `<Lab>` on the page, found by its position (the first by default). */
export class LabDriver {
  readonly root: Locator;
  constructor(
    readonly page: Page,
    index = 0,
  ) {
    this.root = page.locator('hlab-lab').nth(index);
  }

  /** The terminal's screen and scrollback as text, one line per row, trailing blanks trimmed. */
  async screen(): Promise<string> {
    return this.root.evaluate((el) =>
      [...el.querySelectorAll('.xterm-rows > div')]
        .map((row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd())
        .join('\n')
        .trimEnd(),
    );
  }

  /** The row the cursor is on (the prompt and what is typed), trailing blanks trimmed. */
  async currentLine(): Promise<string> {
    const lines = (await this.screen()).split('\n');
    return lines[lines.length - 1] ?? '';
  }

  /**
   * Waits until the lab booted and is idle (its `data-state` is `ready`). Generous: a cold
   * boot compiles the simulator, and these machines are shared (scripts/bench-site.mjs measures).
   */
  async ready(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
  }

  /** Focuses the terminal. */
  async focus(): Promise<void> {
    await this.root.locator('.xterm-helper-textarea').focus();
  }

  /** Types `text` (no Enter). */
  async type(text: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.type(text);
  }

  /** Presses one key or chord (`Tab`, `Control+c`, `ArrowUp`). */
  async press(key: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.press(key);
  }

  /** Pastes `text` into the terminal as the browser would (a paste event with the text). */
  async paste(text: string): Promise<void> {
    await this.focus();
    await this.root.locator('.xterm-helper-textarea').evaluate((area, data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', data);
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Types `line`, presses Enter and waits until the lab is idle again. */
  async run(line: string): Promise<void> {
    await this.type(line);
    await this.page.keyboard.press('Enter');
    await this.ready();
  }

  /** Waits until the screen contains `text`. */
  async sees(text: string | RegExp, timeout = 5000): Promise<void> {
    await expect.poll(() => this.screen(), { timeout }).toMatch(typeof text === 'string' ? new RegExp(escapeRegExp(text)) : text);
  }

  /** The toolbar button with `name`. */
  button(name: string): Locator {
    return this.root.getByRole('toolbar').getByRole('button', { name, exact: true });
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
