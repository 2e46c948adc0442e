/** The journal's IndexedDB name, in a module of its own so the popup's first read does not pull Dexie in. */
export const JOURNAL_DB_NAME = 'sverka-journal';
