/**
 * Share links: the page's address with `#lab=` and the worker's share fragment (the session
 * log compressed, src/simulator/worker/share-fragment.ts). Opening such an address boots the
 * session; the fragment is then removed from the address, so a reload restores the reader's
 * newer, saved work instead of the link's.
 */
import { copyText } from './download';
import { showNotice } from './notices';

/** The fragment's prefix in the address. */
export const SHARE_PREFIX = '#lab=';

/** The share fragment of the page's address, or null when it has none. */
export function shareInAddress(): string | null {
  return location.hash.startsWith(SHARE_PREFIX) ? location.hash.slice(SHARE_PREFIX.length) : null;
}

/** Removes the fragment from the address without a reload or a history entry. */
export function forgetShareInAddress(): void {
  history.replaceState(history.state, '', location.pathname + location.search);
}

/**
 * Copies the link for `fragment` and shows it in a notice (a read-only field, selected, for
 * when the clipboard is refused). Returns what to announce.
 */
export async function offerShareLink(notices: HTMLElement, fragment: string): Promise<string> {
  const url = `${location.origin}${location.pathname}${SHARE_PREFIX}${fragment}`;
  const copied = await copyText(url);
  const notice = showNotice(notices, copied ? `Link copied (${url.length} characters). Anyone who opens it gets this session:` : 'Copy this link to share this session:', { id: 'share-link' });
  const field = document.createElement('input');
  field.type = 'text';
  field.readOnly = true;
  field.value = url;
  field.setAttribute('aria-label', 'Share link');
  field.dataset.shareLink = '';
  notice.insertBefore(field, notice.querySelector('button'));
  field.select();
  return copied ? 'Share link copied to the clipboard.' : 'Share link ready to copy.';
}
