/**
 * Saving files from the page and reading files the reader opens: no server involved, so
 * nothing leaves the browser (blob: URLs stay local).
 */

/** Offers `data` as a download named `filename`. */
export function downloadFile(filename: string, data: string | Uint8Array, type: string): void {
  const url = blobUrl(data, type);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the browser to start the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A blob: URL for `data` (kept until the page closes unless revoked). */
export function blobUrl(data: string | Uint8Array, type: string): string {
  const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
  return URL.createObjectURL(new Blob([part], { type }));
}

/** Reads the text of the first file the reader picks in `input`, then clears the input. */
export function readPickedFile(input: HTMLInputElement): Promise<{ name: string; text: string } | null> {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return Promise.resolve(null);
  return file.text().then((text) => ({ name: file.name, text }));
}

/** Copies `text` to the clipboard; false when the browser refuses (no permission, insecure origin). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
