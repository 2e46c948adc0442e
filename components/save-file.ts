/** Browser-side file saving and copying for extension pages (exports, letters). */

/** Saves bytes or text as a file through a temporary link (extension pages may download blobs). */
export function saveFile(data: BlobPart | Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  // ours, not a file the portal built: the in-page blob hook leaves it alone
  a.setAttribute('data-sverka', 'save');
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Copies text; where the clipboard API is refused, selects the fallback text area and uses the old command. */
export async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}
