/**
 * Logged-in sessions are part of the lab model (`iscsi.initiator.sessions`), so an exported
 * lab logs in again at boot: a login or logout is recorded there through model/edit.
 */
import { editLab, type EditResult } from '../../model/edit';
import type { World } from '../world';

/** One session change: added (`present`) or removed. */
export interface SessionChange {
  portal: string;
  target: string;
  present: boolean;
}

/** Adds (`present`) or removes a session `{portal, target}` in the host's initiator model. */
export function recordSession(world: World, host: string, portal: string, target: string, present: boolean): EditResult {
  return recordSessions(world, host, [{ portal, target, present }]);
}

/** Records several session changes in one model edit (a login to every node validates the lab once). */
export function recordSessions(world: World, host: string, changes: SessionChange[]): EditResult {
  if (changes.length === 0) return { ok: true, value: null };
  return editLab(world.lab, (draft) => {
    const initiator = draft.hosts.find((h) => h.name === host)?.iscsi?.initiator;
    if (!initiator) return { ok: false, error: { code: 'no-initiator', message: `${host} has no iSCSI initiator` } };
    for (const { portal, target, present } of changes) {
      initiator.sessions = initiator.sessions.filter((s) => !(s.portal === portal && s.target === target));
      if (present) initiator.sessions.push({ portal, target });
    }
    return { ok: true, value: null };
  });
}
