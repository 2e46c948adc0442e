/** The file name of a download: the saved file's base name, else the URL's last path segment. */
export function downloadName(savedPath: string | undefined, url: string): string {
  const base = savedPath?.split(/[\\/]/).pop();
  if (base) return base;
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : 'файл';
  } catch {
    return 'файл';
  }
}

/** The file name a server gave in Content-Disposition (filename* in UTF-8 first), or null. */
export function contentDispositionName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : null;
}
