/**
 * Popup status cards: pure models over journal entries + settings + now. The popup only renders them.
 */
import { quote } from '../quote';
import type { CheckEntry } from '../journal/schema';
import { plural } from '../plural';

/** What a card needs of a journal entry (the popup reads whole entries; tests build them by hand). */
export type DashEntry = Pick<CheckEntry, 'fileName' | 'kind' | 'verdict' | 'status' | 'firstSeenAt' | 'lastSeenAt' | 'report' | 'portal'> & {
  id?: number;
};

export type CardId = 'renumbering' | 'sstu' | 'egisso';

/** idle: nothing checked yet; ok: nothing to do; warn: waiting for a step; error: something to fix. */
export type CardTone = 'idle' | 'ok' | 'warn' | 'error';

export type CardAction =
  /** Open a journal entry's report (letters and tables are there). */
  | { type: 'report'; entryId: number; label: string }
  /** Open a portal page in a new tab (https only). */
  | { type: 'url'; url: string; label: string }
  /** Open an extension page (journal, checklist). */
  | { type: 'page'; path: string; label: string }
  /** ССТУ.РФ: mark or unmark a period closed by hand (Settings.closedPeriods). */
  | { type: 'toggle-period'; period: string; closed: boolean; label: string };

export interface CardCount {
  key: string;
  label: string;
  value: number;
  /** Counts that need action are shown in red. */
  tone?: 'error' | 'warn';
}

export interface CardModel {
  id: CardId;
  title: string;
  tone: CardTone;
  /** One line: where the process stands. */
  state: string;
  counts: CardCount[];
  /** Extra lines (what blocks, what to fix, last packages). Plain text. */
  lines: string[];
  /** The next step in one sentence. */
  next: string;
  /** The first action is the main button. */
  actions: CardAction[];
  deadline?: { text: string; daysLeft: number | null; tone: CardTone };
}

export interface DashboardSettings {
  closedPeriods: readonly string[];
  userHosts: readonly { portal: string; host: string }[];
}

export function fileNameOf(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

export function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/**
 * Files a card could not read are one line under it, never its headline: the card's state comes from the
 * process (ledger, month, packages). Null when every file was read.
 */
export function unreadableLine(entries: readonly DashEntry[]): string | null {
  const bad = entries.filter(isUnreadableEntry).sort((a, b) => b.lastSeenAt - a.lastSeenAt);
  if (!bad.length) return null;
  const more = bad.length - 1;
  const rest = more ? ` (и ещё ${more} ${plural(more, 'файл', 'файла', 'файлов')})` : '';
  return `Файл ${quote(fileNameOf(bad[0].fileName))}${rest} не удалось прочитать — скачайте его заново; в сводке он не учтён.`;
}

export function isUnreadableEntry(e: DashEntry): boolean {
  return e.status === 'interrupted' || e.report.findings.some((f) => f.code === 'unreadable' || f.code === 'interrupted');
}
