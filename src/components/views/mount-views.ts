/**
 * Puts a view into the page: the SVG (in a frame that scrolls sideways, reachable by
 * keyboard, when the drawing is wider than the screen) and its text alternative in a
 * `<details>` under it. Called after every line with the models from the worker's
 * `views()`; redraws in place, keeping the frame's scroll position, whether the
 * description is open, and the focused node (by its `data-key`). The nodes share one Tab
 * stop and the arrow keys move between them (roving-focus.ts).
 *
 * Every string in the SVG markup was escaped by the renderers (svg.ts `esc`), so setting it
 * as innerHTML adds no element or attribute a lab name could smuggle in; the description is
 * set as text.
 */
import type { IscsiTopologyView, NamespacesView, ZfsTreeView } from '../../simulator/worker/api-types';
import { describeIscsiView, renderIscsiView, type IscsiViewOptions } from './iscsi-view';
import { describeNamespacesView, renderNamespacesView, type NamespacesViewOptions } from './namespaces-view';
import { rovingFocus } from './roving-focus';
import { describeZfsView, renderZfsView, type ZfsViewOptions } from './zfs-view';

/** The three views, with their model types. */
export interface ViewModels {
  zfs: ZfsTreeView;
  namespaces: NamespacesView;
  iscsi: IscsiTopologyView;
}

/** Which view. */
export type ViewKind = keyof ViewModels;

/** Options of `mountView`: the renderers' options (each takes its own), plus what to say when there is no model. */
export type MountOptions = ZfsViewOptions & NamespacesViewOptions & IscsiViewOptions & {
  /** Shown instead of a drawing when the model is null (the dataset or container does not exist now). */
  emptyText?: string;
};

/** What each view is called, for its frame's accessible name. */
export const VIEW_NAMES: Record<ViewKind, string> = {
  zfs: 'ZFS block tree',
  namespaces: 'Container namespaces',
  iscsi: 'iSCSI topology',
};

const EMPTY: Record<ViewKind, string> = {
  zfs: 'No dataset to draw: create a pool and a dataset (zpool create, zfs create), then pick it.',
  namespaces: 'No container to draw: create one with pct create, then pick it.',
  iscsi: 'No iSCSI objects to draw.',
};

/** The markup and the description of one view (pure: usable without a DOM). */
export function renderView<K extends ViewKind>(kind: K, model: ViewModels[K], options: MountOptions = {}): { svg: string; description: string } {
  switch (kind) {
    case 'zfs':
      return { svg: renderZfsView(model as ZfsTreeView, options), description: describeZfsView(model as ZfsTreeView, options.previous) };
    case 'namespaces':
      return { svg: renderNamespacesView(model as NamespacesView, options), description: describeNamespacesView(model as NamespacesView, options.host) };
    default:
      return { svg: renderIscsiView(model as IscsiTopologyView, options), description: describeIscsiView(model as IscsiTopologyView) };
  }
}

/** The model each container shows now. */
const drawn = new WeakMap<HTMLElement, ViewModels[ViewKind]>();

/** The child of `container` with class `cls`, made (as `tag`) when missing. */
function part<T extends keyof HTMLElementTagNameMap>(container: HTMLElement, tag: T, cls: string): HTMLElementTagNameMap[T] {
  const found = Array.from(container.children).find((c) => c.classList.contains(cls));
  if (found) return found as HTMLElementTagNameMap[T];
  const made = container.ownerDocument.createElement(tag);
  made.className = cls;
  container.append(made);
  return made;
}

/**
 * Draws `model` as view `kind` into `container` (or says what is missing when it is null),
 * replacing what was drawn before. Options as the renderer's (`idPrefix` defaults to the
 * container's id, so two views of a kind on one page keep distinct pattern ids).
 */
export function mountView<K extends ViewKind>(container: HTMLElement, kind: K, model: ViewModels[K] | null | undefined, options: MountOptions = {}): void {
  container.classList.add('hlab-view-mount');
  container.dataset['view'] = kind;
  const frame = part(container, 'div', 'hlab-view-frame');
  frame.setAttribute('role', 'region');
  frame.setAttribute('aria-label', `${VIEW_NAMES[kind]} (Tab into it, then the arrow keys move between its parts)`);
  frame.tabIndex = 0;
  const details = part(container, 'details', 'hlab-view-text');
  const summary = part(details, 'summary', 'hlab-view-summary');
  summary.textContent = `${VIEW_NAMES[kind]}: text description`;
  const para = part(details, 'p', 'hlab-view-description');

  const active = container.ownerDocument.activeElement;
  const focusedKey = active && frame.contains(active) ? active.getAttribute('data-key') : null;
  if (!model) {
    drawn.delete(container);
    frame.replaceChildren();
    const empty = container.ownerDocument.createElement('p');
    empty.className = 'hlab-view-empty';
    empty.textContent = options.emptyText ?? EMPTY[kind];
    frame.append(empty);
    para.textContent = empty.textContent;
    return;
  }
  const idPrefix = options.idPrefix ?? (container.id ? `${container.id}-${kind}` : `hlab-${kind}`);
  // The ZFS view marks blocks healed since the model drawn before.
  const previous = kind === 'zfs' ? (drawn.get(container) as ZfsTreeView | undefined) : undefined;
  drawn.set(container, model);
  const { svg, description } = renderView(kind, model, { previous, ...options, idPrefix });
  frame.innerHTML = svg;
  para.textContent = description;
  rovingFocus(frame);
  if (focusedKey !== null) {
    const again = Array.from(frame.querySelectorAll('[data-key]')).find((e) => e.getAttribute('data-key') === focusedKey);
    if (again instanceof SVGElement || again instanceof HTMLElement) again.focus({ preventScroll: true });
  }
}
