/**
 * The Proxmox engine: containers (pct) built on the kernel's namespaces, cgroups and
 * mounts, templates (pveam), and VMs as configuration (qm). Containers start with `pct
 * start`; templates the lab lists are known to `pveam list` and `pct create`, and only a
 * `pveam download` writes an archive file (so a lab's disk usage stays as declared).
 */
export { createContainer, vmidOwner, type CreateResult } from './create';
export { destroyContainer, findContainer, mountContainer, setContainerOptions, unmountContainer } from './lifecycle';
export { runningContainer, startContainer, stopContainer, type StartResult } from './runtime';
export { APPLIANCE_INDEX, downloadTemplate, removeTemplate, templateSize } from './templates';
export { proxmoxHost, type RunningContainer } from './state';
export { isContainerOption } from './config-options';
export { findVm, startVm, stopVm, vmConfigText, vmPid } from './vm';
export { namespacesView, type NamespacesView, type ViewMount, type ViewProcess, type ViewUser } from './namespaces-view';
