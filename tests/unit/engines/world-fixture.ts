/** Test helpers for the engines: boot the starter or every-field lab into a World. */
import { boot } from '../../../src/simulator/engines';
import { rootVfs } from '../../../src/simulator/engines/kernel/boot';
import type { Vfs } from '../../../src/simulator/engines/kernel/vfs';
import type { World } from '../../../src/simulator/engines/world';
import type { Lab } from '../../../src/simulator/model';
import { everyFieldLab, starterLab } from '../shell/sim-fixture';

export { everyFieldLab, starterLab };

/** A fresh World of `lab` (the starter lab by default). */
export function world(lab: Lab = starterLab, seed = 1): World {
  return boot(structuredClone(lab), seed);
}

/** A World and root's view of one host's files. */
export function hostView(host = 'pve', lab: Lab = starterLab): { w: World; vfs: Vfs } {
  const w = world(lab);
  return { w, vfs: rootVfs(w, host) };
}
