/**
 * xterm.js colours for Starlight's two themes. Starlight sets `<html data-theme>` and fires
 * no event when it changes, so `followStarlightTheme` watches the attribute.
 * Both palettes keep text at a WCAG AA contrast ratio (4.5:1 or more) on their background.
 */
import type { ITheme, Terminal } from '@xterm/xterm';

/** Dark theme: light grey on near-black, as most terminals. */
export const DARK_THEME: ITheme = {
  background: '#1b1e24',
  foreground: '#e6e6e6',
  cursor: '#e6e6e6',
  cursorAccent: '#1b1e24',
  selectionBackground: '#44516b',
  black: '#1b1e24',
  red: '#ff7b72',
  green: '#7ee787',
  yellow: '#e3b341',
  blue: '#79c0ff',
  magenta: '#d2a8ff',
  cyan: '#56d4dd',
  white: '#e6e6e6',
  brightBlack: '#9da5b4',
  brightRed: '#ffa198',
  brightGreen: '#aff5b4',
  brightYellow: '#f8e3a1',
  brightBlue: '#a5d6ff',
  brightMagenta: '#e2c5ff',
  brightCyan: '#b3f0ff',
  brightWhite: '#ffffff',
};

/** Light theme: near-black on off-white; colours darkened to stay readable. */
export const LIGHT_THEME: ITheme = {
  background: '#fafafa',
  foreground: '#1f2328',
  cursor: '#1f2328',
  cursorAccent: '#fafafa',
  selectionBackground: '#b6d6fd',
  black: '#1f2328',
  red: '#b31d28',
  green: '#116329',
  yellow: '#7d4e00',
  blue: '#0550ae',
  magenta: '#8250df',
  cyan: '#1b7c83',
  white: '#57606a',
  brightBlack: '#57606a',
  brightRed: '#a40e26',
  brightGreen: '#1a7f37',
  brightYellow: '#633c01',
  brightBlue: '#0969da',
  brightMagenta: '#6639ba',
  brightCyan: '#1b7c83',
  brightWhite: '#1f2328',
};

/** The palette for Starlight's current theme (`dark` unless the page says `light`). */
export function currentTheme(): ITheme {
  return document.documentElement.dataset.theme === 'light' ? LIGHT_THEME : DARK_THEME;
}

/** Keeps `terminal`'s colours in step with Starlight's theme; returns a function that stops watching. */
export function followStarlightTheme(terminal: Terminal): () => void {
  terminal.options.theme = currentTheme();
  const observer = new MutationObserver(() => {
    terminal.options.theme = currentTheme();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
