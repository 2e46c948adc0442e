/**
 * The journal: a Dexie (IndexedDB) database owned by the extension's origin (service worker and extension
 * pages; content scripts send messages instead). The IndexedDB factory is injected so Node tests use
 * fake-indexeddb and nothing here touches a global.
 */
import Dexie, { type Table } from 'dexie';
import type { CheckEntry, LicenceRow } from './schema';

export const JOURNAL_DB_NAME = 'sverka-journal';

export interface IdbDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export class JournalDb extends Dexie {
  checks!: Table<CheckEntry, number>;
  licences!: Table<LicenceRow, number>;

  constructor(deps?: IdbDeps, name = JOURNAL_DB_NAME) {
    super(name, deps ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : undefined);
    // v1. Every later version: add db.version(n) below with an .upgrade() and a test from a v(n-1) fixture.
    this.version(1).stores({
      checks: '++id, &sha256, lastSeenAt, firstSeenAt, portal, kind, verdict, status, *searchTerms',
      licences: '++id, checkId, old, new, kind, at',
    });
    // A popup or page left open during an upgrade must let the new version in.
    this.on('versionchange', () => {
      this.close();
      return false;
    });
  }
}

export function openJournal(deps?: IdbDeps, name?: string): JournalDb {
  return new JournalDb(deps, name);
}
