/**
 * The views under a lab's terminal: for each view the page asked for, a heading, a picker
 * (which dataset, which container) and the drawing with its text alternative, put in place
 * by s-views' `mountView` (src/components/views/mount-views.ts). Refreshed after every line
 * with one `views()` call. The renderers escape every lab string (views/svg.ts esc());
 * the pickers use textContent only.
 */
import type { ViewRequest, ViewsReply } from '../../simulator/worker/api-types';
import { mountView, type ViewKind } from '../views/mount-views';
import '../views/views.css';

export type { ViewKind };

const TITLES: Record<ViewKind, string> = {
  zfs: 'ZFS blocks',
  namespaces: 'Namespaces',
  iscsi: 'iSCSI',
};

interface Slot {
  kind: ViewKind;
  section: HTMLElement;
  picker: HTMLSelectElement | null;
  /** Where mountView draws. */
  mount: HTMLElement;
}

/** The views of one lab, mounted in the sections Lab.astro rendered (`[data-view]`). */
export class ViewsPanel {
  private readonly slots: Slot[] = [];
  private zfsPick: { host: string; dataset: string } | null = null;
  private nsPick: { host: string; vmid: number } | null = null;
  /** The choices each picker offered after the last line (absent before the first). */
  private readonly known = new Map<ViewKind, Set<string>>();

  /** Mounts the panel; `onPick` is called when the reader picks another dataset or container. */
  constructor(
    root: HTMLElement,
    private readonly onPick: () => void,
  ) {
    for (const [index, section] of [...root.querySelectorAll<HTMLElement>('section[data-view]')].entries()) {
      const kind = section.dataset.view as ViewKind;
      section.replaceChildren();
      const head = document.createElement('div');
      head.className = 'hlab-view-head';
      const h = document.createElement('h3');
      h.textContent = TITLES[kind];
      head.append(h);
      let picker: HTMLSelectElement | null = null;
      if (kind !== 'iscsi') {
        picker = document.createElement('select');
        picker.setAttribute('aria-label', kind === 'zfs' ? 'Dataset to draw' : 'Container to draw');
        picker.addEventListener('change', () => {
          this.readPick(kind, picker as HTMLSelectElement);
          this.onPick();
        });
        head.append(picker);
      }
      const mount = document.createElement('div');
      // Distinct ids per lab and view, so SVG pattern ids never clash between two labs on a page.
      mount.id = `${root.closest('hlab-lab')?.id || 'hlab'}-view-${index}`;
      section.append(head, mount);
      this.slots.push({ kind, section, picker, mount });
    }
  }

  private readPick(kind: ViewKind, picker: HTMLSelectElement): void {
    const [host = '', rest = ''] = picker.value.split('\u0000');
    if (kind === 'zfs') this.zfsPick = picker.value ? { host, dataset: rest } : null;
    else this.nsPick = picker.value ? { host, vmid: Number(rest) } : null;
  }

  /** True when the page asked for at least one view. */
  get active(): boolean {
    return this.slots.length > 0;
  }

  /** The request for the worker: the views shown, for the picked dataset and container. */
  request(): ViewRequest {
    const request: ViewRequest = {};
    for (const { kind } of this.slots) {
      if (kind === 'zfs' && this.zfsPick) request.zfs = this.zfsPick;
      if (kind === 'namespaces' && this.nsPick) request.namespaces = this.nsPick;
      if (kind === 'iscsi') request.iscsi = true;
    }
    return request;
  }

  /**
   * Updates pickers from the reply's choices and returns true when a pick changed (the caller
   * then asks again). The view follows the reader: a dataset or container that appeared since
   * the last line is picked; at first, and when the picked one is gone, the last choice is
   * (the newest, so a page's setup lines show what they made). Otherwise the pick is kept.
   */
  updateChoices(reply: ViewsReply): boolean {
    let changed = false;
    for (const slot of this.slots) {
      if (!slot.picker) continue;
      const items =
        slot.kind === 'zfs'
          ? reply.choices.datasets.map((d) => ({ value: `${d.host}\u0000${d.dataset}`, label: `${d.host}: ${d.dataset}` }))
          : reply.choices.containers.map((c) => ({ value: `${c.host}\u0000${c.vmid}`, label: `${c.host}: CT ${c.vmid}` }));
      const current = slot.picker.value;
      const known = this.known.get(slot.kind);
      const fresh = known ? items.filter((i) => !known.has(i.value)) : [];
      this.known.set(slot.kind, new Set(items.map((i) => i.value)));
      slot.picker.replaceChildren(
        ...items.map((item) => {
          const option = document.createElement('option');
          option.value = item.value;
          option.textContent = item.label;
          return option;
        }),
      );
      slot.picker.hidden = items.length === 0;
      const last = items[items.length - 1]?.value ?? '';
      const pick = fresh.length > 0 ? (fresh[fresh.length - 1]?.value ?? last) : items.some((i) => i.value === current) && known ? current : last;
      slot.picker.value = pick;
      const before = JSON.stringify(slot.kind === 'zfs' ? this.zfsPick : this.nsPick);
      this.readPick(slot.kind, slot.picker);
      if (JSON.stringify(slot.kind === 'zfs' ? this.zfsPick : this.nsPick) !== before) changed = true;
    }
    return changed;
  }

  /** Draws the reply's models. */
  draw(reply: ViewsReply): void {
    for (const slot of this.slots) {
      const host = slot.kind === 'namespaces' ? this.nsPick?.host : undefined;
      mountView(slot.mount, slot.kind, reply[slot.kind] as never, host ? { host } : {});
    }
  }
}
