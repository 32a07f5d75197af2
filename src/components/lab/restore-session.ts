/**
 * Which session a lab starts from when its page opens: a share link in the address, else
 * the session saved for this page (or, in a second tab, a copy of the first tab's), else
 * none (the page's lab and setup lines). A share link or saved session the worker refuses
 * is reported; a refused saved session is set aside and offered for download, never dropped.
 */
import type { BootResult } from '../../simulator/worker/api-types';
import type { LabSession } from './lab-session';
import { readSaved, setAside, type SessionSlot } from './session-store';
import { forgetShareInAddress, shareInAddress } from './share-link';
import { showNotice } from './notices';

/** A session booted from a link or a save, with what to tell the reader. */
export interface Restored {
  result: Extract<BootResult, { ok: true }>;
  message: string;
}

/** Boots the share link or the saved session into `session`; null when the page's lab should start afresh. */
export async function restoreSession(session: LabSession, slot: SessionSlot, setup: readonly string[], notices: HTMLElement, pageLab: string): Promise<Restored | null> {
  const share = shareInAddress();
  if (share !== null) {
    const result = await session.boot({ share, setup });
    // The link has done its work: a reload now restores the saved session, with later lines.
    forgetShareInAddress();
    if (result.ok) return { result, message: 'Opened the shared session.' };
    showNotice(notices, 'This share link could not be opened:', { details: result.errors, id: 'share' });
  }
  const saved = readSaved(slot.key) ?? (slot.primary ? null : readSaved(slot.mainKey));
  if (!saved) return null;
  const result = await session.boot({ sessionLog: saved, setup });
  if (result.ok) return { result, message: 'Restored your saved session.' };
  const aside = setAside(slot.key, saved);
  showNotice(
    notices,
    `Your saved session on this page could not be restored, so the lab started afresh. The old session is kept (browser storage key ${aside}) and can be downloaded:`,
    { details: result.errors, download: { label: 'Download the old session', filename: `hlab-session-${pageLab}-set-aside.json`, text: saved }, id: 'set-aside' },
  );
  return null;
}
