/**
 * The popup's first read of the journal, without Dexie: one raw IndexedDB cursor over the `lastSeenAt`
 * index, newest first. It lets the list render before Dexie (≈100 kB) is even loaded; live updates
 * come right after through Dexie's liveQuery (live.ts). Never creates or upgrades the database.
 */
import type { CheckEntry } from '../../lib/journal/schema';

const DB_NAME = 'sverka-journal';

export function readRecent(limit: number): Promise<CheckEntry[] | null> {
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest;
    try {
      open = indexedDB.open(DB_NAME);
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
        const out: CheckEntry[] = [];
        const tx = db.transaction('checks', 'readonly');
        const req = tx.objectStore('checks').index('lastSeenAt').openCursor(null, 'prev');
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
