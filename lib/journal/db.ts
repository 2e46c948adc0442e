/**
 * The journal: a Dexie (IndexedDB) database owned by the extension's origin (service worker and extension
 * pages; content scripts send messages instead). The IndexedDB factory is injected so Node tests use
 * fake-indexeddb and nothing here touches a global.
 */
import Dexie, { type Table } from 'dexie';
import type { CheckEntry, LicenceRow } from './schema';
import { searchTermsOf } from './search-terms';

import { JOURNAL_DB_NAME } from './names';

export { JOURNAL_DB_NAME };

export interface IdbDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export class JournalDb extends Dexie {
  checks!: Table<CheckEntry, number>;
  licences!: Table<LicenceRow, number>;

  constructor(deps?: IdbDeps, name = JOURNAL_DB_NAME) {
    super(name, deps ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : undefined);
    // Every version: db.version(n) with an .upgrade() and a test from a v(n-1) fixture
    // (tests/unit/journal/fixtures/journal-v<n-1>.json, tests/unit/journal/migration.test.ts).
    this.version(1).stores({
      checks: '++id, &sha256, lastSeenAt, firstSeenAt, portal, kind, verdict, status, *searchTerms',
      licences: '++id, checkId, old, new, kind, at',
    });
    // v2: a [kind+lastSeenAt] index (the popup reads the newest checks of each kind without loading the rest);
    // search terms recomputed so words of file names and ЛКО ids of older entries are found too.
    this.version(2)
      .stores({ checks: '++id, &sha256, lastSeenAt, firstSeenAt, portal, kind, verdict, status, *searchTerms, [kind+lastSeenAt]' })
      .upgrade((tx) =>
        tx
          .table('checks')
          .toCollection()
          .modify((entry: CheckEntry) => {
            entry.searchTerms = searchTermsOf(entry.fileName, entry.report);
          }),
      );
    // A popup or page left open during an upgrade (or a purge deleting the database) must let it through,
    // and reopen by itself on its next use.
    this.on('versionchange', () => {
      this.close({ disableAutoOpen: false });
      return false;
    });
  }
}

export function openJournal(deps?: IdbDeps, name?: string): JournalDb {
  return new JournalDb(deps, name);
}
