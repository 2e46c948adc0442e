/** The journal of this extension origin (service worker and extension pages share it). */
import { openJournal } from '../lib/journal/db';
import { announceJournalReset } from '../components/journal-reset';

export const journal = openJournal();

// A purge deletes the database from whichever page pressed the button, and that page may be closed before it
// finishes: every context holding the journal open hears the deletion itself and tells its live queries.
journal.on('versionchange', (event) => {
  if (event.newVersion === null) announceJournalReset();
});
