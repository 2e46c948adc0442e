/**
 * The popup's first read of the journal, without Dexie: the newest entries of the `lastSeenAt` index in one
 * `getAllRecords({ direction: 'prev' })` request where the browser has it (Chromium 141+; measured ≈9 ms
 * faster than a cursor with 10,000 checks), otherwise one cursor walked backwards. The list renders before
 * Dexie is even loaded; live updates come after it through Dexie's liveQuery in the popup's second script
 * (cards-main.tsx). Never creates or upgrades the database. The stored summary the worker keeps in
 * storage.local (the newest lines and the process cards) is read at the same time. Both reads start in the
 * popup's tiny first script (first.ts) and are handed to the Preact popup (main.tsx) through `window`.
 */
import { browser } from 'wxt/browser';
import type { CheckEntry } from '../../lib/journal/schema';
import { JOURNAL_DB_NAME } from '../../lib/journal/names';
import { DASHBOARD_SUMMARY_KEY } from '../../lib/dashboard/stored-summary';

/** `IDBIndex.getAllRecords` is newer than TypeScript's DOM typings. */
type IndexWithRecords = IDBIndex & {
  getAllRecords?: (options: { direction: IDBCursorDirection; count: number }) => IDBRequest<{ value: unknown }[]>;
};

export function readRecent(limit: number): Promise<CheckEntry[] | null> {
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest;
    try {
      open = indexedDB.open(JOURNAL_DB_NAME);
    } catch {
      return resolve(null);
    }
    open.onupgradeneeded = () => {
      // no journal yet: do not create one here (Dexie creates it with the right schema)
      open.transaction?.abort();
    };
    open.onerror = () => resolve(null);
    open.onblocked = () => resolve(null);
    open.onsuccess = () => {
      const db = open.result;
      try {
        if (!db.objectStoreNames.contains('checks')) {
          db.close();
          return resolve([]);
        }
        const index = db.transaction('checks', 'readonly').objectStore('checks').index('lastSeenAt') as IndexWithRecords;
        if (typeof index.getAllRecords === 'function') {
          const all = index.getAllRecords({ direction: 'prev', count: limit });
          all.onsuccess = () => {
            db.close();
            resolve(all.result.map((r) => r.value as CheckEntry));
          };
          all.onerror = () => {
            db.close();
            resolve(null);
          };
          return;
        }
        const out: CheckEntry[] = [];
        const req = index.openCursor(null, 'prev');
        req.onsuccess = () => {
          const cursor = req.result;
          if (cursor && out.length < limit) {
            out.push(cursor.value as CheckEntry);
            cursor.continue();
          } else {
            db.close();
            resolve(out);
          }
        };
        req.onerror = () => {
          db.close();
          resolve(null);
        };
      } catch {
        db.close();
        resolve(null);
      }
    };
  });
}

/** storage.local answers in ≈10 ms; should it not answer at all, the popup still opens (from the journal's read). */
export const STORED_WAIT_MS = 1000;

/** The stored dashboard summary as stored (lib/dashboard/stored-summary.ts says what of it can be shown), or null. */
export function readStored(): Promise<unknown> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), STORED_WAIT_MS);
    const done = (value: unknown) => {
      clearTimeout(timer);
      resolve(value ?? null);
    };
    try {
      browser.storage.local.get(DASHBOARD_SUMMARY_KEY).then((r) => done(r[DASHBOARD_SUMMARY_KEY]), () => done(null));
    } catch {
      done(null);
    }
  });
}

/** The popup's two first reads, started once per opening. */
export interface FirstReads {
  recent: Promise<CheckEntry[] | null>;
  stored: Promise<unknown>;
}

declare global {
  interface Window {
    __sverkaFirstReads?: FirstReads;
  }
}

/** The reads the first script started, or starts them (the popup's second part loaded on its own). */
export function firstReads(limit: number): FirstReads {
  // the stored lines go first: the list is painted from them
  window.__sverkaFirstReads ??= { stored: readStored(), recent: readRecent(limit) };
  return window.__sverkaFirstReads;
}
