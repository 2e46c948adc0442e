/**
 * Text from files goes into letters and mailto links. A lone UTF-16 surrogate (a half of an emoji, from a
 * damaged file) makes encodeURIComponent throw, and cutting a long letter mid-pair makes one: both handled here.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with every lone surrogate replaced by «�» (U+FFFD). */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** The first `length` UTF-16 units, one fewer when that would split a surrogate pair. */
export function cutAtCodePoint(text: string, length: number): string {
  if (length <= 0) return '';
  if (length >= text.length) return text;
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}

/** encodeURIComponent that never throws on text from a file. */
export function encodeForMailto(text: string): string {
  return encodeURIComponent(wellFormed(text));
}
