import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CheckReportSchema, type CheckReport } from '../../../lib/checks/report';
import { openJournal, type JournalDb } from '../../../lib/journal/db';
import type { RecordMeta } from '../../../lib/journal/store';
import type { Sighting } from '../../../lib/journal/schema';

/** A journal on its own in-memory IndexedDB (each test gets a fresh factory). */
export function freshJournal(factory = new IDBFactory(), name?: string): { db: JournalDb; factory: IDBFactory } {
  return { db: openJournal({ indexedDB: factory, IDBKeyRange }, name), factory };
}

/** Reports go through the contract's zod schema, so the tests cannot drift from the real shape. */
export function report(r: Partial<CheckReport> & Pick<CheckReport, 'file' | 'kind'>): CheckReport {
  return CheckReportSchema.parse({ verdict: 'ok', summary: {}, findings: [], ...r });
}

export function sha(n: number): string {
  return n.toString(16).padStart(64, '0');
}

export function meta(n: number, fileName: string, at: number, extra: Partial<Sighting> = {}): RecordMeta {
  return { sha256: sha(n), size: 100 + n, sighting: { at, fileName, portal: 'tor-knd', via: 'download', ...extra } };
}
