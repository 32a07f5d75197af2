/**
 * The "Export configs" panel: the exporters' files for the lab as it is now, each with its
 * summary, its text and a copy button, a Proxmox VE 8/9 choice (ExportOptions.pve) and a
 * .zip of them all (made by fflate in the worker). Texts go in with `textContent` only.
 */
import type { ExportFile, ExportOptions } from '../../simulator/worker/api-types';
import { copyText, downloadFile } from './download';

/** What the panel asks of the lab: the files and the zip for given options, and where to report. */
export interface ExportSource {
  files(options: ExportOptions): Promise<ExportFile[]>;
  zip(options: ExportOptions): Promise<Uint8Array>;
  /** Tells the reader something in the lab's status line (aria-live). */
  announce(message: string): void;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/**
 * Fills `panel` with the export listing for `pve`, replacing what was there. The PVE choice
 * and the zip button re-use the same source, so the panel stays in step with the lab.
 */
export async function renderExportPanel(panel: HTMLElement, source: ExportSource, pve: ExportOptions['pve'] = 9): Promise<void> {
  const options: ExportOptions = { pve };
  const files = await source.files(options);
  panel.replaceChildren();

  const head = element('div', undefined, 'hlab-export-head');
  const title = element('h3', `Config files for this lab (${files.length})`);
  const pick = element('label');
  pick.append('Proxmox VE ');
  const select = element('select');
  select.setAttribute('aria-label', 'Proxmox VE version to export for');
  for (const version of [9, 8] as const) {
    const option = element('option', String(version));
    option.value = String(version);
    option.selected = version === pve;
    select.append(option);
  }
  select.addEventListener('change', () => {
    void renderExportPanel(panel, source, select.value === '8' ? 8 : 9).then(() => {
      panel.querySelector('select')?.focus();
      source.announce(`Export listing for Proxmox VE ${select.value}.`);
    });
  });
  pick.append(select);
  const zip = element('button', 'Download all as .zip');
  zip.type = 'button';
  zip.addEventListener('click', async () => {
    const bytes = await source.zip(options);
    downloadFile(`hlab-export-pve${pve}.zip`, bytes, 'application/zip');
    source.announce(`Downloading ${files.length} files as hlab-export-pve${pve}.zip.`);
  });
  head.append(title, pick, zip);
  panel.append(head);

  if (files.length === 0) {
    panel.append(element('p', 'This lab has nothing to export yet.'));
    return;
  }
  const list = element('ul');
  for (const file of [...files].sort((a, b) => a.order - b.order || a.path.localeCompare(b.path))) {
    const item = element('li');
    const details = element('details');
    const summary = element('summary', `${file.path} — ${file.summary}`);
    const pre = element('pre');
    pre.textContent = file.content;
    pre.tabIndex = 0;
    pre.setAttribute('aria-label', `Contents of ${file.path}`);
    const copy = element('button', 'Copy');
    copy.type = 'button';
    copy.setAttribute('aria-label', `Copy ${file.path}`);
    copy.addEventListener('click', async () => {
      const ok = await copyText(file.content);
      source.announce(ok ? `Copied ${file.path}.` : `The browser did not allow copying; select the text of ${file.path} instead.`);
    });
    details.append(summary, copy, pre);
    item.append(details);
    list.append(item);
  }
  panel.append(list);
}

/** Redraws an open panel for the lab as it is now, keeping the PVE version chosen in it. */
export async function refreshExportPanel(panel: HTMLElement, source: ExportSource): Promise<void> {
  const pve = panel.querySelector('select')?.value === '8' ? 8 : 9;
  await renderExportPanel(panel, source, pve);
}

/** Opens (filled afresh) or closes the panel that `button` controls (`aria-expanded`). */
export async function toggleExportPanel(button: HTMLButtonElement, panel: HTMLElement, source: ExportSource): Promise<void> {
  const open = panel.hidden;
  if (open) await refreshExportPanel(panel, source);
  panel.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
  if (open) source.announce('Export panel open: the config files for this lab.');
}
