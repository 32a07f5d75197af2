/**
 * Where a page's lab keeps the reader's work: localStorage, one entry per page path and lab,
 * written after every line. Two tabs on the same page must not overwrite each other, so
 * the first tab holds a Web Lock named after the entry for as long as it is open; a tab
 * that cannot get the lock works on its own copy (a key with its tab id, kept in
 * sessionStorage so a reload of that tab finds it again) and tells the reader so.
 * A saved session that cannot be restored is set aside under another key, never dropped.
 */

/** Prefix of every key this module writes. */
const PREFIX = 'hlab:v1';

/** How long a page waits for another page's lock before it works on its own copy. */
const LOCK_WAIT_MS = 500;

/** Which entry a tab reads and writes, and whether it is the page's main entry. */
export interface SessionSlot {
  /** localStorage key of this tab's session log. */
  key: string;
  /** The page's main key (equal to `key` in the tab that holds the lock). */
  mainKey: string;
  /** False when another tab holds the page's entry and this tab works on its own copy. */
  primary: boolean;
}

/** The page's main key: the page path and the lab the page declares. */
export function mainKeyFor(pagePath: string, lab: string): string {
  return `${PREFIX}:session:${pagePath}:${lab}`;
}

/** A per-tab id that survives reloads of the same tab (sessionStorage), not new tabs. */
function tabId(): string {
  const name = `${PREFIX}:tab`;
  let id = sessionStorage.getItem(name);
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem(name, id);
  }
  return id;
}

/**
 * Claims the page's entry for this tab: with the Web Locks API, the lock is held until the
 * tab closes or navigates away (the browser releases it), so a reload reclaims it. Without
 * Web Locks (old browsers), every tab is primary, as before locks existed.
 */
export async function claimSlot(pagePath: string, lab: string): Promise<SessionSlot> {
  const mainKey = mainKeyFor(pagePath, lab);
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return { key: mainKey, mainKey, primary: true };
  const own = `${mainKey}:tab:${tabId()}`;
  // A tab that once worked on a copy keeps its copy after a reload, even if the lock is free.
  const hadCopy = readSaved(own) !== null;
  const acquired = await new Promise<boolean>((resolve) => {
    // Waits a moment rather than `ifAvailable`: on a reload the page being left may still
    // hold the lock while it unloads, and the reloaded page must get it back, not a copy.
    void locks
      .request(mainKey, { signal: AbortSignal.timeout(LOCK_WAIT_MS) }, () => {
        resolve(true);
        // Held for the life of the page.
        return new Promise<void>(() => undefined);
      })
      .catch((error: unknown) => resolve(!(error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError'))));
  });
  if (acquired && !hadCopy) return { key: mainKey, mainKey, primary: true };
  return { key: own, mainKey, primary: false };
}

/** The saved session log text under `key`, or null. Storage errors read as nothing saved. */
export function readSaved(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Saves `log` under `key`. Returns an error message when storage refuses (quota, privacy mode). */
export function writeSaved(key: string, log: string): string | null {
  try {
    localStorage.setItem(key, log);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Forgets the saved session under `key` (reset). */
export function clearSaved(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to forget when storage is unavailable.
  }
}

/**
 * Moves the text saved under `key` to a set-aside key (`…:aside:<time>`) and returns that
 * key, so a session that failed to restore is kept for the reader to download.
 */
export function setAside(key: string, text: string): string {
  const aside = `${key}:aside:${Date.now()}`;
  try {
    localStorage.setItem(aside, text);
    localStorage.removeItem(key);
  } catch {
    // Storage full: the text is still offered for download from memory by the caller.
  }
  return aside;
}
