/**
 * Exporters: pure functions from the lab model to the text of real files and diagrams.
 * Import from here. Each renderer imitates one real format and says which in its `@sim` tag.
 */
export { diagram, type DiagramOptions } from './diagram';
export { renderPctConf, encodeText } from './pve-lxc-conf';
export { renderStorageCfg } from './pve-storage-cfg';
export { renderInitiatorName } from './iscsi-initiatorname';
export { printPropertyString, formatPveSize, type PropertyEntry } from './pve-property-string';
export { nextContainerVolume, type StorageVolume } from '../model/edit/volume-names';
export { mermaidId, mermaidLabel, mermaidAccText } from './mermaid-text';
export { exportBundle, zipBundle } from './bundle';
export { exportProxmox } from './proxmox-files';
export { exportZfs, renderZfsSetup } from './zfs-script';
export { EXPORT_PARTS, DEFAULT_EXPORT_OPTIONS, type ExportFile, type ExportOptions, type ExportPart, type Exporter } from './bundle-types';
export { shq, shellLine } from './shell-quote';
