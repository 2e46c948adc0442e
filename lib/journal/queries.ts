/** Journal queries for the journal page and the popup: search by the `searchTerms` index, filters, cards. */
import Dexie from 'dexie';
import type { Verdict } from '../checks/report';
import type { JournalDb } from './db';
import type { CheckEntry } from './schema';

export interface JournalQuery {
  /** Words: file name (or a word of it), licence number, ЛКО id, package id — each matched as a prefix. */
  text?: string;
  /** lastSeenAt range, inclusive, epoch ms. */
  from?: number;
  to?: number;
  verdict?: Verdict | '';
  kind?: string;
  limit?: number;
  /** How many matching entries (newest first) to skip: the journal pages through its list. */
  offset?: number;
}

export interface JournalPage {
  entries: CheckEntry[];
  /** How many match in all (entries holds at most `limit`). */
  total: number;
}

export const DEFAULT_PAGE = 200;

/** Query words, lower-case; a licence number typed with a Latin «L» also matches the Cyrillic «Л». */
export function queryWords(text: string | undefined): string[][] {
  return (text ?? '')
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[«"']+|[»"',;.]+$/g, ''))
    .filter(Boolean)
    .map((w) => (/^l\d/.test(w) ? [w, `л${w.slice(1)}`] : [w]));
}

function matchesWord(e: CheckEntry, variants: string[]): boolean {
  const name = e.fileName.toLowerCase();
  return variants.some((v) => name.includes(v) || e.searchTerms.some((t) => t.startsWith(v)));
}

export function matchesQuery(e: CheckEntry, q: JournalQuery, words = queryWords(q.text)): boolean {
  if (q.verdict && e.verdict !== q.verdict) return false;
  if (q.kind && e.kind !== q.kind) return false;
  if (q.from !== undefined && e.lastSeenAt < q.from) return false;
  if (q.to !== undefined && e.lastSeenAt > q.to) return false;
  return words.every((w) => matchesWord(e, w));
}

export async function searchChecks(db: JournalDb, q: JournalQuery): Promise<JournalPage> {
  const limit = q.limit ?? DEFAULT_PAGE;
  const offset = Math.max(0, q.offset ?? 0);
  const words = queryWords(q.text);
  let candidates: CheckEntry[];
  if (words.length) {
    // the first word narrows through the multi-entry index; the rest filter in memory
    const [first] = words;
    const byIndex = await db.checks.where('searchTerms').startsWithAnyOf(first).distinct().toArray();
    candidates = byIndex;
  } else if (q.from !== undefined || q.to !== undefined) {
    candidates = await db.checks.where('lastSeenAt').between(q.from ?? -Infinity, q.to ?? Infinity, true, true).toArray();
  } else if (q.verdict) {
    candidates = await db.checks.where('verdict').equals(q.verdict).toArray();
  } else if (q.kind) {
    candidates = await db.checks.where('kind').equals(q.kind).toArray();
  } else {
    const [entries, total] = await Promise.all([db.checks.orderBy('lastSeenAt').reverse().offset(offset).limit(limit).toArray(), db.checks.count()]);
    return { entries, total };
  }
  const matched = candidates.filter((e) => matchesQuery(e, q, words)).sort((a, b) => b.lastSeenAt - a.lastSeenAt);
  return { entries: matched.slice(offset, offset + limit), total: matched.length };
}

/**
 * Entries the popup cards read: the newest `perKind` checks of each given kind (the [kind+lastSeenAt]
 * index, so the rest of a large journal is never loaded), newest first.
 */
export async function entriesOfKinds(db: JournalDb, kinds: readonly string[], perKind: number | ((kind: string) => number) = 1000): Promise<CheckEntry[]> {
  const limitOf = typeof perKind === 'number' ? () => perKind : perKind;
  const parts = await Promise.all(
    kinds.map((k) =>
      db.checks
        .where('[kind+lastSeenAt]')
        .between([k, Dexie.minKey], [k, Dexie.maxKey])
        .reverse()
        .limit(limitOf(k))
        .toArray(),
    ),
  );
  return parts.flat().sort((a, b) => b.lastSeenAt - a.lastSeenAt);
}
