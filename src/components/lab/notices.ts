/**
 * Notices above the terminal: things the reader must see and may act on (a saved session
 * set aside, a second tab working on a copy, a lab file that did not validate). Every text
 * goes in with `textContent`, so lab names or file contents can never become markup.
 */
import { blobUrl } from './download';

/** What a notice may offer besides its text. */
export interface NoticeOptions {
  /** Extra lines shown preformatted (validation errors). */
  details?: string[];
  /** A download link: its label, file name and content. */
  download?: { label: string; filename: string; text: string };
  /** Stable id: a notice with the same id replaces the earlier one. */
  id?: string;
}

/** Adds a notice to `root` with a Dismiss button; returns the notice element. */
export function showNotice(root: HTMLElement, message: string, options: NoticeOptions = {}): HTMLElement {
  if (options.id) root.querySelector(`[data-notice-id="${CSS.escape(options.id)}"]`)?.remove();
  const notice = document.createElement('div');
  notice.className = 'hlab-notice';
  notice.setAttribute('role', 'alert');
  if (options.id) notice.dataset.noticeId = options.id;
  const text = document.createElement('span');
  text.textContent = message;
  notice.append(text);
  if (options.download) {
    const link = document.createElement('a');
    link.href = blobUrl(options.download.text, 'application/json');
    link.download = options.download.filename;
    link.textContent = options.download.label;
    notice.append(link);
  }
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = 'Dismiss';
  dismiss.setAttribute('aria-label', 'Dismiss this notice');
  dismiss.addEventListener('click', () => notice.remove());
  notice.append(dismiss);
  if (options.details?.length) {
    const pre = document.createElement('pre');
    pre.textContent = options.details.join('\n');
    notice.append(pre);
  }
  root.append(notice);
  return notice;
}

/** Removes the notice with `id`, if shown. */
export function clearNotice(root: HTMLElement, id: string): void {
  root.querySelector(`[data-notice-id="${CSS.escape(id)}"]`)?.remove();
}
