/**
 * The LMSZ this provider sent to ЕГИССО, as the journal knows them: the 10.05.I packages checked before.
 * A 10.06.S pre-flight checks its facts against them (rules 014 and 019) and says where they came from.
 * Pure: the caller reads the journal entries.
 */
import type { CheckReport } from '../checks/report';
import { formatDateTime } from '../dates';
import { plural } from '../plural';
import type { LmszInfo, LmszSource } from './package';

export interface JournalPackage {
  fileName: string;
  lastSeenAt: number;
  report: CheckReport;
}

/** 10.05.I packages taken into account, newest first. */
export const LMSZ_PACKAGES_USED = 20;

function lmszOf(report: CheckReport): LmszInfo[] {
  const list = report.details?.lmsz;
  if (!Array.isArray(list)) return [];
  const out: LmszInfo[] = [];
  for (const x of list) {
    if (!x || typeof x !== 'object') continue;
    const o = x as Record<string, unknown>;
    const s = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : '');
    if (s('id')) out.push({ id: s('id'), title: s('title'), dateEnact: s('dateEnact'), dateExpiration: s('dateExpiration') });
  }
  return out;
}

/** Null when the journal holds no readable 10.05.I package with measures: then nothing is checked. */
export function lmszSourceFromJournal(entries: readonly JournalPackage[]): LmszSource | null {
  const packages = entries
    .filter((e) => e.report.kind === 'egisso-package' && e.report.summary.message === '10.05.I')
    .sort((a, b) => b.lastSeenAt - a.lastSeenAt)
    .map((e) => ({ e, lmsz: lmszOf(e.report) }))
    .filter((p) => p.lmsz.length > 0)
    .slice(0, LMSZ_PACKAGES_USED);
  if (!packages.length) return null;
  const byId = new Map<string, LmszInfo>();
  for (const p of packages) for (const l of p.lmsz) if (!byId.has(l.id.toLowerCase())) byId.set(l.id.toLowerCase(), l);
  const newest = packages[0].e;
  const more = packages.length - 1;
  const label = `«${newest.fileName}» (проверен ${formatDateTime(newest.lastSeenAt)})${more ? ` и ещё ${more} ${plural(more, 'пакет', 'пакета', 'пакетов')} 10.05.I` : ''}`;
  return { label, lmsz: [...byId.values()] };
}
