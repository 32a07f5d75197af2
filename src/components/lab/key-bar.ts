/**
 * The touch key bar under the terminal (shown on coarse pointers and narrow screens, see
 * lab.css): Tab, a sticky Ctrl, Esc, the arrows and `|`, keys a phone keyboard lacks or
 * hides. Each button sends the bytes a terminal keyboard would (xterm's normal cursor
 * mode: `ESC [ A` … `ESC [ D`); Ctrl applies to the next key typed, on the bar or the keyboard.
 */

/** The bytes each key of the bar sends. */
export const KEY_BYTES: Record<string, string> = {
  tab: '\t',
  esc: '\x1b',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  pipe: '|',
};

/** `data` as Ctrl held down would have typed it: a letter (or @[\\]^_) becomes its control byte. */
export function withCtrl(data: string): string {
  if (data.length !== 1) return data;
  const code = data.toUpperCase().charCodeAt(0);
  return code >= 0x40 && code <= 0x5f ? String.fromCharCode(code - 0x40) : data;
}

/** Wires the bar in `bar`: `send` receives bytes; returns a filter for bytes typed on the keyboard (applies a pending Ctrl). */
export function mountKeyBar(bar: HTMLElement, send: (data: string) => void, refocus: () => void): (data: string) => string {
  let ctrl = false;
  const ctrlButton = bar.querySelector<HTMLButtonElement>('[data-key="ctrl"]');
  const setCtrl = (on: boolean) => {
    ctrl = on;
    ctrlButton?.setAttribute('aria-pressed', String(on));
  };
  for (const button of bar.querySelectorAll<HTMLButtonElement>('[data-key]')) {
    // Keep the on-screen keyboard up: the terminal keeps focus when a bar key is pressed.
    button.addEventListener('pointerdown', (event) => {
      if (event.pointerType !== 'mouse') event.preventDefault();
    });
    button.addEventListener('click', () => {
      const key = button.dataset.key ?? '';
      if (key === 'ctrl') {
        setCtrl(!ctrl);
      } else {
        const bytes = KEY_BYTES[key] ?? '';
        send(ctrl ? withCtrl(bytes) : bytes);
        setCtrl(false);
      }
      refocus();
    });
  }
  return (data) => {
    if (!ctrl) return data;
    setCtrl(false);
    return withCtrl(data);
  };
}
