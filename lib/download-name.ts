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
