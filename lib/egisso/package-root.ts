/**
 * Which outgoing ЕГИССО package a document is, by its root element and namespace
 * (urn://egisso-ru/msg/<message>/<version>): 10.06.S `data` (facts of assignment) or 10.05.I `request` (LMSZ).
 * A 10.05.I `response` holds a processing protocol, not a package.
 */

export type PackageMessage = '10.06.S' | '10.05.I';

export interface PackageRoot {
  message: PackageMessage;
  version: string;
}

const ROOT_OF: Readonly<Record<PackageMessage, string>> = { '10.06.S': 'data', '10.05.I': 'request' };

/** Root local name + namespace URI → package, or null. */
export function packageRootOf(local: string, uri: string): PackageRoot | null {
  const m = /^urn:\/\/egisso-ru\/msg\/(10\.06\.S|10\.05\.I)\/(\d+\.\d+\.\d+)$/.exec(uri.trim());
  if (!m) return null;
  const message = m[1] as PackageMessage;
  return ROOT_OF[message] === local ? { message, version: m[2] } : null;
}

/**
 * Cheap look at the start of a document: the root element's local name and namespace URI, read by pattern
 * (the parser then confirms). Null when the head holds no element start.
 */
export function rootFromHead(head: string): { local: string; uri: string } | null {
  const body = head.replace(/^\uFEFF?\s*(<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*/, '');
  const root = /^<(?:([\w.-]+):)?([\w.-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/.exec(body);
  if (!root) return null;
  const prefix = root[1] ?? '';
  const attrs = root[3];
  const nsRe = prefix
    ? new RegExp(`xmlns:${prefix.replace(/[.-]/g, '\\$&')}\\s*=\\s*["']([^"']*)["']`)
    : /xmlns\s*=\s*["']([^"']*)["']/;
  return { local: root[2], uri: nsRe.exec(attrs)?.[1] ?? '' };
}

/** 10.06.S 1.0.2–1.0.7 are withdrawn: since 01.12.2025 ЕГИССО refuses such packages whole. */
export function isWithdrawn(root: PackageRoot): boolean {
  if (root.message !== '10.06.S') return false;
  return /^1\.0\.[2-7]$/.test(root.version);
}

/** The version to export in instead of a withdrawn one. */
export const CURRENT_10_06_S = '1.1.0';

/** 10.06.S versions that use the first element names (OSZCode, MSZ_receiver, LMSZID, packageID…). */
export function usesOldNames(root: PackageRoot): boolean {
  return root.message === '10.06.S' && /^1\.0\.[0-2]$/.test(root.version);
}

/** oszCode may hold Latin capitals from basic types 1.0.8 (10.06.S 1.0.8 and 1.1.0); digits only before. */
export function oszCodePattern(root: PackageRoot): RegExp {
  const letters = root.message === '10.06.S' && (root.version === '1.0.8' || !/^1\.0\./.test(root.version));
  return letters ? /^[A-HJ-NP-Z0-9]{4}\.\d{6}$/ : /^\d{4}\.\d{6}$/;
}

/** Kinds of 10.06.S 1.1.0 elements are limited to 1000 each (package-RAF 1.1.0); unbounded before. */
export function elementLimit(root: PackageRoot): number | null {
  return root.message === '10.06.S' && root.version === '1.1.0' ? 1000 : null;
}
