/**
 * The line editor's history after a restore, read from the session log the worker returned.
 * Only the log's `line` events are read (format `hlab-session`, src/simulator/shell/session-log.ts).
 */

/**
 * The lines a session log holds (its `line` events), for the line editor's Up and Ctrl-R
 * after a restore; the page's setup lines at its start are left out. A log this page cannot
 * read gives no history rather than an error (the worker already accepted it).
 */
export function historyOf(log: string, setup: readonly string[]): string[] {
  try {
    const events = (JSON.parse(log) as { events?: unknown }).events;
    if (!Array.isArray(events)) return [];
    const lines = events.flatMap((e: unknown) => (e && typeof e === 'object' && (e as { kind?: unknown }).kind === 'line' && typeof (e as { text?: unknown }).text === 'string' ? [(e as { text: string }).text] : []));
    let skip = 0;
    while (skip < setup.length && lines[skip] === setup[skip]) skip++;
    return lines.slice(skip === setup.length ? skip : 0);
  } catch {
    return [];
  }
}
