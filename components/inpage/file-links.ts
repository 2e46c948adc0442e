/**
 * Finding file links on a portal page: by where they point and what they say, never by generated CSS
 * classes. Each portal's selectors file passes its own words for result links.
 */
import type { FileLink } from './decorate-links';

const FILE_EXT = /\.(json|zip|xlsx?|xml)(\?|#|$)/i;

export function fileLinksIn(root: ParentNode, linkText: RegExp): FileLink[] {
  const out: FileLink[] = [];
  for (const a of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (!href || href.startsWith('#') || href.startsWith('javascript:') || href.startsWith('blob:') || href.startsWith('data:')) continue;
    const text = (a.textContent ?? '').trim();
    if (!(FILE_EXT.test(href) || a.hasAttribute('download') || linkText.test(text))) continue;
    out.push({ anchor: a, url: a.href, name: a.getAttribute('download') || text || href.split('/').pop() || 'файл' });
  }
  return out;
}

/** True when a heading of the page says this (pages recognised by content, not by URL). */
export function hasHeading(root: ParentNode, heading: RegExp): boolean {
  return Array.from(root.querySelectorAll('h1, h2, h3, h4, [role="heading"], legend, .title')).some((h) => heading.test(h.textContent ?? ''));
}
