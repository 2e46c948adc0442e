/** The journal of this extension origin (service worker and extension pages share it). */
import { openJournal } from '../lib/journal/db';

export const journal = openJournal();
